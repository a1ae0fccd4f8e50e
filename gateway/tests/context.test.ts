import type { IncomingMessage } from 'node:http';
import { createLogger } from '@nct/logger';
import { correlationIdFrom, createGatewayContext } from '../src/context';
import { testAuth } from './fixtures';

const req = (headers: Record<string, string | string[]>) =>
  ({ headers, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;

describe('request ids', () => {
  it('generates its own request id for every request, whatever the client sends', async () => {
    const { auth } = await testAuth();
    const logger = createLogger('context-test', 'silent');
    const a = await createGatewayContext(logger, req({ 'x-request-id': 'client-1' }), auth);
    const b = await createGatewayContext(logger, req({ 'x-request-id': 'client-1' }), auth);
    expect(a.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.requestId).not.toBe(b.requestId);
    expect([a.correlationId, b.correlationId]).toEqual(['client-1', 'client-1']);
  });

  it.each([
    ['a plain id', 'trace-2026.11:ab_C-9', 'trace-2026.11:ab_C-9'],
    ['64 characters', 'x'.repeat(64), 'x'.repeat(64)],
    ['65 characters', 'x'.repeat(65), null],
    ['spaces and markup', 'a b<script>', null],
    ['an operator', '{"$gt":""}', null],
    ['a repeated header', ['a', 'b'], null],
    ['nothing', undefined, null],
  ])('keeps the client x-request-id as correlation id only when plain: %s', (_label, value, expected) => {
    expect(correlationIdFrom(req(value === undefined ? {} : { 'x-request-id': value }))).toBe(expected);
  });
});
