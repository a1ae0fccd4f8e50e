import { createLogger } from '@nct/logger';
import { createGatewayServer, RunningGateway } from '../src/server';
import { PEOPLE_QUERY, PERSON_QUERY, defaultTabs } from '../src/playground/default-query';
import { citizenIdArgType, renderPlayground } from '../src/playground/page';
import { FakeSubgraph, PEOPLE, postGraphQL, startHealth, startHomeaffairs, supergraphOf, testAuth } from './fixtures';

const CITIZEN_ID = PEOPLE[1].citizenId;

describe('GraphQL Playground, served offline', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;
  let origin: string;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await createGatewayServer({ auth: (await testAuth()).auth,
      supergraphSdl: supergraphOf(homeaffairs, health),
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: 2000,
      playgroundCitizenId: CITIZEN_ID,
      logger: createLogger('gateway-test', 'silent'),
    });
    origin = new URL(gateway.url).origin;
  });
  afterAll(async () => {
    await gateway.close();
    await homeaffairs.stop();
    await health.stop();
  });

  async function page(path: string, accept = 'text/html'): Promise<{ status: number; type: string | null; html: string }> {
    const res = await fetch(origin + path, { headers: { accept } });
    return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
  }

  it('serves the IDE at / and to browsers at /graphql', async () => {
    const root = await page('/');
    expect(root.status).toBe(200);
    expect(root.type).toMatch(/^text\/html/);
    expect(root.html).toContain('GraphQLPlayground.init');
    const graphql = await page('/graphql', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(graphql.status).toBe(200);
    expect(graphql.html).toBe(root.html);
  });

  it('references no host but its own', async () => {
    const { html } = await page('/');
    // Absolute and protocol-relative URLs anywhere in the page (attributes, CSS, script).
    const hosts = [...html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+(?::\d+)?)/gi)].map((m) => m[1]);
    const foreign = hosts.filter((h) => h !== new URL(origin).host);
    expect(foreign).toEqual([]);
    expect(html).not.toMatch(/googleapis|jsdelivr|unpkg|cdn\./i);
  });

  it('serves every referenced asset locally with the right content type', async () => {
    const { html } = await page('/');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    const expected: Record<string, RegExp> = { js: /^application\/javascript/, css: /^text\/css/, png: /^image\/png/ };
    for (const ref of refs) {
      expect(ref.startsWith('/playground/')).toBe(true);
      const res = await fetch(origin + ref, { headers: { 'accept-encoding': 'gzip' } });
      expect([ref, res.status]).toEqual([ref, 200]);
      expect(res.headers.get('content-type')).toMatch(expected[ref.split('.').pop()!]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect(refs.some((r) => r.endsWith('/static/js/middleware.js'))).toBe(true);
    expect((await fetch(`${origin}/playground/graphql-playground-react/package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/playground/graphql-playground-react/build/../../../package.json`)).status).toBe(404);
  });

  it('opens on the people tab and, given a citizen id, a person tab', async () => {
    const { html } = await page('/');
    const config = JSON.parse(html.match(/<div id="playground-config">(.*?)<\/div>/s)![1]);
    expect(config.tabs.map((t: { name: string }) => t.name)).toEqual(['people', 'person']);
    expect(config.tabs[0]).toMatchObject({ endpoint: '/graphql', query: PEOPLE_QUERY });
    expect(JSON.parse(config.tabs[1].variables)).toEqual({ citizenId: CITIZEN_ID });
    expect(renderPlayground()).not.toContain('"person"');
    expect(defaultTabs().map((t) => t.name)).toEqual(['people']);
  });

  it('runs the default tabs exactly as the IDE sends them', async () => {
    const people = await postGraphQL(gateway.url, { query: PEOPLE_QUERY });
    expect(people.json.errors).toBeUndefined();
    const first = people.json.data.people.edges[0].node;
    expect(Object.keys(first)).toEqual([
      'citizenId', 'fullName', 'birthDate', 'sex', 'age', 'deathDate', 'residence',
      'monthlyAllowance', 'socialPension', 'healthRecord', 'lastHealthCheck', 'insuranceCard', 'membership', 'clubs',
    ]);
    expect(first.clubs[0].club.name).toMatch(/^CLB/);

    const person = await postGraphQL(gateway.url, { query: PERSON_QUERY, variables: { citizenId: CITIZEN_ID } });
    expect(person.json.errors).toBeUndefined();
    expect(person.json.data.person).toMatchObject({ citizenId: CITIZEN_ID, fullName: 'Trần Thị Bình', insuranceCard: { code: 'BT2010012345678' } });
  });
});

describe('person tab variable type', () => {
  it('follows the type of Query.person(citizenId:) in the supergraph', () => {
    expect(citizenIdArgType('type Query { person(citizenId: String!): Int }')).toBe('String!');
    expect(citizenIdArgType('type Query { people: Int }')).toBeUndefined();
    const html = renderPlayground({ citizenId: CITIZEN_ID, citizenIdType: 'String!' });
    expect(html).toContain('query Person($citizenId: String!)');
  });
});
