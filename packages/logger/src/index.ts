import pino, { Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logger. `LOG_LEVEL` sets the level (default `info`, `error` under jest).
 * Services never write raw console output; they log through a child logger that carries
 * the service name and, per request, the request id.
 */
export function createLogger(name: string, level = defaultLevel()): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.JEST_WORKER_ID ? 'error' : 'info';
}
