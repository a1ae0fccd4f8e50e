import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startHttpServer, RunningHttpServer } from '../src/http';

describe('the node:http integration', () => {
  let server: RunningHttpServer;
  let ready = true;
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello(name: String): String }',
    resolvers: { Query: { hello: (_: unknown, a: { name?: string }) => `xin chào ${a.name ?? ''}` } },
  });

  beforeAll(async () => {
    await apollo.start();
    server = await startHttpServer({
      apollo,
      host: '127.0.0.1',
      port: 0,
      context: async () => ({}),
      ready: () => ready,
      maxBodyBytes: 1000,
      routes: [{ methods: ['GET'], path: '/', handle: (_req, res) => void res.end('root') }],
    });
  });
  afterAll(async () => {
    await server.close();
    await apollo.stop();
  });

  const post = (body: string, type = 'application/json') => fetch(server.url, { method: 'POST', headers: { 'content-type': type }, body });

  it('serves GraphQL', async () => {
    const res = await post(JSON.stringify({ query: '{ hello(name: "An") }' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { hello: 'xin chào An' } });
  });

  it('refuses a body over the limit with 413 and a typed error', async () => {
    const res = await post(JSON.stringify({ query: `{ hello(name: "${'x'.repeat(2000)}") }` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers /health from the readiness check', async () => {
    expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);
    ready = false;
    expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(503);
    ready = true;
  });

  it('matches exact routes exactly and answers 404 elsewhere', async () => {
    const base = server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/`)).text()).toBe('root');
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it('applies CSRF prevention to simple requests', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ hello }')}`);
    expect(res.status).toBe(400);
  });
});

describe('the request hook and a server made beforehand', () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'xin chào' } } });
  let server: RunningHttpServer;
  const made = http.createServer();
  const hooked: string[] = [];

  beforeAll(async () => {
    await apollo.start();
    server = await startHttpServer({
      apollo,
      host: '127.0.0.1',
      port: 0,
      context: async () => ({}),
      server: made,
      // answers OPTIONS itself; marks every other response Vary: Origin and lets it go on
      onRequest: (req, res) => {
        hooked.push(`${req.method} ${req.url}`);
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { 'x-hook': 'yes' }).end();
          return true;
        }
        res.setHeader('vary', 'Origin');
        return false;
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await apollo.stop();
  });

  it('serves on the server it was given', () => {
    expect(server.server).toBe(made);
    expect(made.listening).toBe(true);
  });

  it('runs the hook first: a request it answered goes no further', async () => {
    const res = await fetch(server.url, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-hook')).toBe('yes');
    expect(hooked).toContain('OPTIONS /graphql');
  });

  it('lets other requests through, with the headers the hook set', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { hello: 'xin chào' } });
    expect(res.headers.get('vary')).toBe('Origin');
  });

  describe('close(graceMs)', () => {
    async function slowServer(): Promise<RunningHttpServer> {
      return startHttpServer({
        apollo,
        host: '127.0.0.1',
        port: 0,
        context: async () => ({}),
        routes: [{ methods: ['GET'], path: '/slow', handle: (_req, res) => void setTimeout(() => res.end('done'), 400) }],
      });
    }

    it('lets a request in flight finish within the grace period, and refuses new connections', async () => {
      const s = await slowServer();
      const inFlight = fetch(s.url.replace('/graphql', '/slow'));
      await new Promise((r) => setTimeout(r, 100));
      const closing = s.close(5_000);
      await new Promise((r) => setTimeout(r, 50));
      await expect(fetch(s.url.replace('/graphql', '/slow'))).rejects.toThrow();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('done');
      await closing;
    });

    it('cuts a request still running when the grace period ends', async () => {
      const s = await slowServer();
      const inFlight = fetch(s.url.replace('/graphql', '/slow')).then((r) => r.text());
      await new Promise((r) => setTimeout(r, 100));
      await s.close(50);
      await expect(inFlight).rejects.toThrow();
    });
  });
});
