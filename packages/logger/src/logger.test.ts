import { createLogger } from './index';

describe('createLogger', () => {
  it('names the service and honours the level', () => {
    const logger = createLogger('social', 'error');
    expect(logger.level).toBe('error');
    expect(logger.bindings()).toMatchObject({ service: 'social' });
    expect(logger.child({ requestId: 'r1' }).bindings()).toMatchObject({ requestId: 'r1' });
  });
});
