import pino from 'pino';
import { createLogger } from './index';

describe('createLogger', () => {
  it('names the service and honours the level', () => {
    const logger = createLogger('social', 'error');
    expect(logger.level).toBe('error');
    expect(logger.bindings()).toMatchObject({ service: 'social' });
    expect(logger.child({ requestId: 'r1' }).bindings()).toMatchObject({ requestId: 'r1' });
  });

  it('never writes authorization headers or GraphQL variables', () => {
    const lines: string[] = [];
    const logger = createLogger('gateway', 'info');
    const write = (logger as unknown as Record<symbol, { write(s: string): void }>)[pino.symbols.streamSym];
    const original = write.write;
    write.write = (s: string) => void lines.push(s);
    try {
      logger.info({ headers: { authorization: 'Bearer secret-token' }, variables: { citizenId: '001144000001' } }, 'request');
      logger.info({ req: { body: { variables: { citizenId: '001144000002' } } } }, 'nested');
      logger.info({ body: { variables: { citizenId: '001144000003' } } }, 'body');
    } finally {
      write.write = original;
    }
    expect(lines.join('')).not.toMatch(/secret-token|00114400000[123]/);
    expect(lines.join('')).toContain('[redacted]');
  });
});
