// CORS in a real browser: a page of an allowed origin calls the gateway with a token and a
// purpose (headers that force a preflight) and gets the answer; a page of another origin is
// blocked by the browser. Chromium is Debian's package (scripts/ensure-chromium.js).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@nct/testing';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, startHealth, startHomeaffairs, testAuth } from './fixtures';

/** A tiny site on its own port, i.e. its own origin (`http://127.0.0.1:<port>`). */
async function startSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>agency front end</title><p>ok</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface PageResult {
  ok: boolean;
  status?: number;
  data?: unknown;
  requestId?: string | null;
  error?: string;
}

describe('CORS in Chromium', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;
  let siteA: Awaited<ReturnType<typeof startSite>>;
  let siteB: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  let token: string;
  /** Requests the gateway received: method and origin. */
  const seen: Array<{ method: string; origin?: string }> = [];

  beforeAll(async () => {
    [homeaffairs, health, siteA, siteB] = await Promise.all([startHomeaffairs(), startHealth(), startSite(), startSite()]);
    const kit = await testAuth();
    token = await kit.token('commune-officer', { commune: '03199' });
    gateway = await startTestGateway([homeaffairs, health], {
      auth: kit.auth,
      ide: false,
      corsAllowedOrigins: [siteA.origin],
    });
    gateway.server.on('request', (req: http.IncomingMessage) => seen.push({ method: req.method ?? '', origin: req.headers.origin }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await Promise.all([homeaffairs?.stop(), health?.stop(), siteA?.close(), siteB?.close()]);
  });

  /** Opens `origin`'s page and, from it, posts a query with a token and a purpose to the gateway. */
  async function callFrom(origin: string): Promise<PageResult> {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      return await page.evaluate(
        async ({ url, token }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-access-purpose': 'CARE_COORDINATION' },
              body: JSON.stringify({ query: '{ people(first: 1) { edges { node { fullName } } } }' }),
            });
            const json = (await res.json()) as { data?: unknown };
            return { ok: true, status: res.status, data: json.data, requestId: res.headers.get('x-request-id') };
          } catch (err) {
            return { ok: false, error: String(err) };
          }
        },
        { url: gateway.url, token },
      );
    } finally {
      await page.close();
    }
  }

  it('lets a page of an allowed origin call the gateway, after a preflight', async () => {
    seen.length = 0;
    const result = await callFrom(siteA.origin);
    expect(result).toMatchObject({ ok: true, status: 200, data: { people: { edges: [{ node: { fullName: 'Nguyễn Văn An' } }] } } });
    // the browser asked first (OPTIONS), then sent the query
    expect(seen).toEqual([
      { method: 'OPTIONS', origin: siteA.origin },
      { method: 'POST', origin: siteA.origin },
    ]);
  });

  it('blocks a page of another origin: the preflight gets no grant and the query is never sent', async () => {
    seen.length = 0;
    const result = await callFrom(siteB.origin);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Failed to fetch/);
    expect(seen).toEqual([{ method: 'OPTIONS', origin: siteB.origin }]);
  });
});
