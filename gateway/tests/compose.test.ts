import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  composeSupergraph,
  CompositionError,
  loadRegisteredSubgraphs,
  main,
  stalenessProblem,
  supergraphFileContent,
  SUPERGRAPH_HEADER,
} from '../src/compose';
import { HEALTH_SDL, HOMEAFFAIRS_SDL } from './fixtures';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])\n';
const ok = [
  { name: 'homeaffairs', url: 'http://127.0.0.1:4001/graphql', sdl: HOMEAFFAIRS_SDL },
  { name: 'health', url: 'http://127.0.0.1:4003/graphql', sdl: HEALTH_SDL },
];
const conflicting = [
  {
    name: 'homeaffairs',
    url: 'http://127.0.0.1:4001/graphql',
    sdl: `${LINK}type Query { people: [Person] } type Person @key(fields: "citizenId") { citizenId: ID! age: Int @shareable }`,
  },
  {
    name: 'social',
    url: 'http://127.0.0.1:4002/graphql',
    sdl: `${LINK}type Person @key(fields: "citizenId") { citizenId: ID! age: String @shareable }`,
  },
];

describe('composeSupergraph', () => {
  it('joins the subgraphs into one supergraph with their URLs', () => {
    const sdl = composeSupergraph(ok);
    expect(sdl).toContain('@join__graph(name: "homeaffairs", url: "http://127.0.0.1:4001/graphql")');
    expect(sdl).toContain('@join__graph(name: "health", url: "http://127.0.0.1:4003/graphql")');
    expect(sdl).toMatch(/type Person\s+@join__type\(graph: HEALTH, key: "citizenId"\)/);
  });

  it('fails loudly, listing each error with the subgraphs involved', () => {
    let error: unknown;
    try {
      composeSupergraph(conflicting);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CompositionError);
    const { errors, message } = error as CompositionError;
    expect(errors).toEqual([
      '[FIELD_TYPE_MISMATCH] Type of field "Person.age" is incompatible across subgraphs: it has type "Int" in subgraph "homeaffairs" but type "String" in subgraph "social" (subgraphs: homeaffairs, social)',
    ]);
    expect(message).toContain('Supergraph composition failed with 1 error(s)');
    expect(message).toContain(errors[0]);
  });

  it('names the subgraph whose SDL does not parse', () => {
    expect(() => composeSupergraph([ok[0], { ...ok[1], sdl: 'type Person {' }])).toThrow(/INVALID_GRAPHQL.*\(subgraphs: health\)/);
  });
});

describe('staleness check', () => {
  const fresh = supergraphFileContent(composeSupergraph(ok));

  it('starts the file with the generated-file header', () => {
    expect(fresh.startsWith(SUPERGRAPH_HEADER)).toBe(true);
    expect(SUPERGRAPH_HEADER).toMatch(/^# .*npm run compose.*Do not edit/);
  });

  it('is quiet when the committed file matches, and says what to do otherwise', () => {
    expect(stalenessProblem(fresh, fresh)).toBeNull();
    expect(stalenessProblem(fresh.replace('fullName', 'name'), fresh)).toBe('supergraph.graphql is stale: run npm run compose');
    expect(stalenessProblem(null, fresh)).toMatch(/missing: run npm run compose/);
  });
});

describe('compose CLI', () => {
  const sdlByName: Record<string, string> = {
    homeaffairs: HOMEAFFAIRS_SDL,
    health: HEALTH_SDL,
    social: `${LINK}type Person @key(fields: "citizenId") { citizenId: ID! }`,
    association: `${LINK}type Club @key(fields: "clubId") { clubId: ID! }`,
    audit: `${LINK}type Query { accessLog: [String!]! }`,
  };
  const load = (name: string) => ({ printSubgraphSdl: async () => sdlByName[name] });
  let dir: string;
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-'));
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    stdout.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads every registered subgraph with the default URLs, whatever the environment', async () => {
    process.env.HEALTH_URL = 'http://health.internal:9999/graphql';
    try {
      const subgraphs = await loadRegisteredSubgraphs(load);
      expect(subgraphs.map((s) => [s.name, s.url])).toEqual([
        ['homeaffairs', 'http://127.0.0.1:4001/graphql'],
        ['social', 'http://127.0.0.1:4002/graphql'],
        ['health', 'http://127.0.0.1:4003/graphql'],
        ['association', 'http://127.0.0.1:4004/graphql'],
        ['audit', 'http://127.0.0.1:4005/graphql'],
      ]);
    } finally {
      delete process.env.HEALTH_URL;
    }
  });

  it('writes the file, then --check passes; a stale file fails --check without being touched', async () => {
    const out = path.join(dir, 'supergraph.graphql');
    expect(await main(['--out', out], load)).toBe(0);
    const written = fs.readFileSync(out, 'utf8');
    expect(written.startsWith(SUPERGRAPH_HEADER)).toBe(true);
    expect(await main(['--check', '--out', out], load)).toBe(0);

    fs.writeFileSync(out, written.replace('fullName', 'name'));
    expect(await main(['--check', '--out', out], load)).toBe(1);
    expect(stderr.mock.calls.join('')).toContain('supergraph.graphql is stale: run npm run compose');
    expect(fs.readFileSync(out, 'utf8')).toContain('name: String!');
  });

  it('exits 1 with every composition error printed, and writes nothing', async () => {
    const out = path.join(dir, 'supergraph.graphql');
    sdlByName.social = conflicting[1].sdl;
    sdlByName.homeaffairs = conflicting[0].sdl;
    expect(await main(['--out', out], load)).toBe(1);
    expect(stderr.mock.calls.join('')).toMatch(/FIELD_TYPE_MISMATCH.*\(subgraphs: homeaffairs, social\)/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses unknown arguments', async () => {
    expect(await main(['--chek'], load)).toBe(1);
    expect(stderr.mock.calls.join('')).toContain('Unknown argument "--chek"');
  });
});
