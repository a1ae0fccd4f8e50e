import pino, { Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logger. `LOG_LEVEL` sets the level (default `info`, `error` under jest).
 * Services never write raw console output; they log through a child logger that carries
 * the service name and, per request, the request id.
 */
export function createLogger(name: string, level = defaultLevel()): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
  });
}

/**
 * Never written, should a log call ever pass them: credentials (authorization and cookie headers,
 * the internal credential) and GraphQL variables (citizen ids and other personal data).
 */
export const REDACTED = [
  'authorization',
  'cookie',
  'variables',
  'headers.authorization',
  'headers.cookie',
  'headers["x-nct-internal"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-nct-internal"]',
  '*.authorization',
  '*.variables',
  '*.*.variables',
  'body.variables',
];

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.JEST_WORKER_ID ? 'error' : 'info';
}
