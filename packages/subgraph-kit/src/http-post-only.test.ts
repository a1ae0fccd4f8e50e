// A subgraph's `/graphql` takes POST only (`postOnly`, set by the subgraph runner): a GET would
// carry the query in the URL, outside the body the internal credential is bound to.
import { ApolloServer } from '@apollo/server';
import { RunningHttpServer, startHttpServer } from './http';

describe('postOnly /graphql', () => {
  const servers: RunningHttpServer[] = [];
  let apollo: ApolloServer;
  beforeAll(async () => {
    apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'hi' } } });
    await apollo.start();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await apollo.stop();
  });
  const start = async (postOnly?: boolean) => {
    const server = await startHttpServer({
      apollo,
      host: '127.0.0.1',
      port: 0,
      context: async () => ({}),
      postOnly,
      metrics: { enabled: false },
    });
    servers.push(server);
    return server;
  };
  const get = (url: string) =>
    fetch(`${url}?query=${encodeURIComponent('{ hello }')}`, { headers: { 'apollo-require-preflight': 'true' } });

  it('answers 405 with Allow: POST to a GET when postOnly, and still takes POST', async () => {
    const server = await start(true);
    const res = await get(server.url);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    const post = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ data: { hello: 'hi' } });
  });

  it('keeps GET without postOnly (the gateway)', async () => {
    const server = await start();
    expect((await get(server.url)).status).toBe(200);
  });
});
