import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { GatewayServerOptions, RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { PEOPLE_QUERY, PERSON_QUERY, defaultTabs } from '../src/ide/default-query';
import { citizenIdArgType, IDE_CSP, renderIde } from '../src/ide/page';
import { FakeSubgraph, PEOPLE, postGraphQL, startHealth, startHomeaffairs, testAuth } from './fixtures';

const CITIZEN_ID = PEOPLE[1].citizenId;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface IdeConfig {
  workers: Record<string, string>;
  graphiql: {
    endpoint: string;
    headers?: string;
    defaultTabs: Array<{ query: string; variables: string | null; headers: string | null }>;
  };
}

/** The JSON options the page hands to GraphiQL. */
function configOf(html: string): IdeConfig {
  const json = html.match(/<script type="application\/json" id="ide-config">(.*?)<\/script>/s);
  expect(json).not.toBeNull();
  return JSON.parse(json![1]);
}

/** `src`/`href` attribute values of the page. */
function refsOf(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

describe('GraphiQL, served offline', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let kit: Awaited<ReturnType<typeof testAuth>>;
  const started: RunningGateway[] = [];

  async function start(options: Partial<GatewayServerOptions> = {}): Promise<{ gateway: RunningGateway; origin: string }> {
    const gateway = await startTestGateway([homeaffairs, health], {
      auth: kit.auth,
      ...options,
    });
    started.push(gateway);
    return { gateway, origin: new URL(gateway.url).origin };
  }

  let gateway: RunningGateway;
  let origin: string;

  beforeAll(async () => {
    [homeaffairs, health, kit] = await Promise.all([startHomeaffairs(), startHealth(), testAuth()]);
    ({ gateway, origin } = await start({ ideCitizenId: CITIZEN_ID }));
  });
  afterAll(async () => {
    await Promise.all(started.map((g) => g.close()));
    await homeaffairs.stop();
    await health.stop();
  });

  async function page(path: string, accept = 'text/html', at = origin): Promise<{ status: number; headers: Headers; html: string }> {
    const res = await fetch(at + path, { headers: { accept } });
    return { status: res.status, headers: res.headers, html: await res.text() };
  }

  it('serves GraphiQL at / and to browsers at /graphql, with a strict CSP', async () => {
    const root = await page('/');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(root.html).toContain('<div id="root"></div>');
    expect(root.html).toMatch(/<script src="\/ide\/graphiql\.[\w-]{16}\.js"><\/script>/);
    expect(root.headers.get('content-security-policy')).toBe(`${IDE_CSP}; frame-ancestors 'none'`);
    expect(root.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${IDE_CSP}">`);
    // No inline script may run: scripts and workers come from this origin only.
    expect(IDE_CSP).toContain("script-src 'self';");
    expect(IDE_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect([...root.html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)]).toEqual([]);

    const graphql = await page('/graphql', BROWSER_ACCEPT);
    expect(graphql.status).toBe(200);
    expect(graphql.html).toBe(root.html);
  });

  it('references no host but its own', async () => {
    const { html } = await page('/');
    // The page itself: no absolute or protocol-relative URL anywhere (attributes, CSS, JSON).
    expect([...html.matchAll(/(?:[a-z]+:)?\/\/([a-z0-9.-]+(?::\d+)?)/gi)].map((m) => m[0])).toEqual([]);
    const refs = refsOf(html);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) expect(ref).toMatch(/^\/ide\/[\w.-]+$/);
    const { workers } = configOf(html);
    expect(Object.keys(workers).sort()).toEqual(['editorWorkerService', 'graphql', 'json']);
    for (const url of Object.values(workers)) expect(url).toMatch(/^\/ide\/worker-[\w.-]+\.js$/);

    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    for (const src of [...scripts, ...Object.values(workers)]) {
      const js = await (await fetch(origin + src)).text();
      // What a script could load by itself: fetches, workers, sockets, images, scripts.
      expect([
        src,
        js.match(/\b(?:fetch|importScripts|Worker|SharedWorker|EventSource|WebSocket|sendBeacon)\(\s*["'`](?:[a-z]+:)?\/\/[^"'`]*/gi),
      ]).toEqual([src, null]);
      expect([src, js.match(/\bsrc\s*[:=]\s*\\?["'`](?:[a-z]+:)?\/\/[^"'`]*/gi)]).toEqual([src, null]);
      expect([src, js.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\\?["'](?:[a-z]+:)?\/\/[^"']*/gi)]).toEqual([src, null]);
    }
    const css = await (await fetch(origin + refs.find((r) => r.endsWith('.css'))!)).text();
    const cssUrls = [...css.matchAll(/url\(\s*["']?([^"')]*)/g)].map((m) => m[1]);
    expect(cssUrls.length).toBeGreaterThan(0);
    expect(cssUrls.filter((u) => !u.startsWith('data:'))).toEqual([]);
    expect(css).not.toMatch(/@import/);
    expect(html + css).not.toMatch(/googleapis|jsdelivr|unpkg|cdn\./i);
  });

  it('serves every asset locally: right type, gzip, strong ETag, cached for good', async () => {
    const { html } = await page('/');
    const refs = [...refsOf(html), ...Object.values(configOf(html).workers)];
    const expected: Record<string, RegExp> = {
      js: /^application\/javascript/,
      css: /^text\/css/,
      ico: /^image\/(x-icon|vnd\.microsoft\.icon)/,
    };
    for (const ref of refs) {
      const plain = await fetch(origin + ref, { headers: { 'accept-encoding': 'identity' } });
      expect([ref, plain.status]).toEqual([ref, 200]);
      expect(plain.headers.get('content-type')).toMatch(expected[ref.split('.').pop()!]);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = plain.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{16}"$/);
      expect(ref).toContain(`.${etag.slice(1, -1)}.`); // the name carries the content's hash
      const body = Buffer.from(await plain.arrayBuffer());
      expect(body.length).toBeGreaterThan(100);

      const again = await fetch(origin + ref, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    }
    // GraphiQL's script is ~5 MB: sent gzipped to a browser (read with node:http: fetch would
    // decompress it silently).
    const js = refs.find((r) => /graphiql\..*\.js$/.test(r))!;
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(origin + js, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    const unzipped = gunzipSync(raw.body);
    expect(unzipped.length).toBeGreaterThan(1_000_000);
    expect(raw.body.length).toBeLessThan(unzipped.length / 2);
    expect(unzipped.toString('utf8')).toContain('renderYogaGraphiQL');

    // The page: revalidated each time, 304 when unchanged.
    const root = await fetch(`${origin}/`);
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${origin}/`, { headers: { 'if-none-match': root.headers.get('etag')! } })).status).toBe(304);

    expect((await fetch(`${origin}/ide/package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/ide/../../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/ide/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('opens on the people tab and, given a citizen id, a person tab for that person', async () => {
    const config = configOf((await page('/')).html).graphiql;
    expect(config.endpoint).toBe('/graphql');
    expect(config.defaultTabs.map((t) => t.query)).toEqual([PEOPLE_QUERY, PERSON_QUERY]);
    expect(config.defaultTabs[0].variables).toBeNull();
    expect(JSON.parse(config.defaultTabs[1].variables!)).toEqual({ citizenId: CITIZEN_ID });
    // No token configured: no headers.
    expect(config.headers).toBeUndefined();
    expect(config.defaultTabs.map((t) => t.headers)).toEqual([null, null]);

    expect(configOf(renderIde()).graphiql.defaultTabs.map((t) => t.query)).toEqual([PEOPLE_QUERY]);
    expect(defaultTabs().map((t) => t.name)).toEqual(['people']);
  });

  it('starts signed in with the development token, never in production', async () => {
    const token = await kit.token('commune-officer', { commune: '00004' });
    const dev = await start({ ideCitizenId: CITIZEN_ID, ideToken: token });
    const config = configOf((await page('/', 'text/html', dev.origin)).html).graphiql;
    const expected = { Authorization: `Bearer ${token}`, 'x-access-purpose': 'CARE_COORDINATION' };
    expect(JSON.parse(config.headers!)).toEqual(expected);
    for (const tab of config.defaultTabs) expect(JSON.parse(tab.headers!)).toEqual(expected);

    // Production, IDE explicitly on: served, without any token.
    const prod = await start({ production: true, ide: true });
    const prodHtml = (await page('/', 'text/html', prod.origin)).html;
    expect(configOf(prodHtml).graphiql.headers).toBeUndefined();
    expect(prodHtml).not.toMatch(/Bearer|authorization|x-access-purpose/i);
    await expect(start({ production: true, ide: true, ideToken: token })).rejects.toThrow(/development only/);
    await expect(start({ production: true, ideToken: token })).rejects.toThrow(/development only/);
  });

  it('is off in production unless enabled', async () => {
    const prod = await start({ production: true });
    const root = await page('/', 'text/html', prod.origin);
    expect(root.status).toBe(404);
    expect((await fetch(`${prod.origin}/ide/favicon.x.ico`)).status).toBe(404);
    const graphql = await page('/graphql', BROWSER_ACCEPT, prod.origin);
    expect(graphql.html).not.toContain('ide-config');
    expect(graphql.status).toBe(400);
    // Also when turned off explicitly in development.
    const off = await start({ ide: false });
    expect((await page('/', 'text/html', off.origin)).status).toBe(404);
  });

  it('runs the default tabs exactly as the IDE sends them', async () => {
    const people = await postGraphQL(gateway.url, { query: PEOPLE_QUERY });
    expect(people.json.errors).toBeUndefined();
    const first = people.json.data.people.edges[0].node;
    expect(Object.keys(first)).toEqual([
      'citizenId',
      'fullName',
      'birthDate',
      'sex',
      'age',
      'deathDate',
      'residence',
      'monthlyAllowance',
      'socialPension',
      'healthRecord',
      'lastHealthCheck',
      'insuranceCard',
      'membership',
      'clubs',
    ]);
    expect(first.clubs[0].club.name).toMatch(/^CLB/);

    const person = await postGraphQL(gateway.url, { query: PERSON_QUERY, variables: { citizenId: CITIZEN_ID } });
    expect(person.json.errors).toBeUndefined();
    expect(person.json.data.person).toMatchObject({
      citizenId: CITIZEN_ID,
      fullName: 'Trần Thị Bình',
      insuranceCard: { code: 'BT2010012345678' },
    });
  });
});

describe('person tab variable type', () => {
  it('follows the type of Query.person(citizenId:) in the supergraph', () => {
    expect(citizenIdArgType('type Query { person(citizenId: String!): Int }')).toBe('String!');
    expect(citizenIdArgType('type Query { people: Int }')).toBeUndefined();
    const tabs = configOf(renderIde({ citizenId: CITIZEN_ID, citizenIdType: 'String!' })).graphiql.defaultTabs;
    expect(tabs[1].query).toContain('query Person($citizenId: String!)');
  });

  it('keeps the page safe from a closing script tag in its options', () => {
    const html = renderIde({ headers: { Authorization: '</script><script>alert(1)</script>' } });
    expect(html).not.toContain('</script><script>alert');
    expect(JSON.parse(configOf(html).graphiql.headers!).Authorization).toBe('</script><script>alert(1)</script>');
  });
});
