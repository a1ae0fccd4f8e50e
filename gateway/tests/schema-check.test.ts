import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseSupergraph, main, readAnnouncements, unannouncedBreakingChanges } from '../src/schema-check';
import { HEALTH_SDL, HOMEAFFAIRS_SDL, supergraphOf } from './fixtures';

const URL = 'http://127.0.0.1:1/graphql';
const supergraph = (homeaffairsSdl: string) =>
  supergraphOf({ name: 'homeaffairs', url: URL, sdl: homeaffairsSdl }, { name: 'health', url: URL, sdl: HEALTH_SDL });

describe('breaking-change check of the public schema', () => {
  const base = supergraph(HOMEAFFAIRS_SDL);

  it.each([
    ['a removed field', HOMEAFFAIRS_SDL.replace('  deathDate: String\n', ''), 'Person.deathDate'],
    ['an optional argument made required', HOMEAFFAIRS_SDL.replace('people(first: Int)', 'people(first: Int!)'), 'Query.people.first'],
    ['a changed field type', HOMEAFFAIRS_SDL.replace('  age: Int!\n', '  age: String!\n'), 'Person.age'],
  ])('reports %s', async (_what, next, expectedPath) => {
    const breaking = await unannouncedBreakingChanges(base, supergraph(next));
    expect(breaking.map((c) => c.path)).toEqual([expectedPath]);
  });

  it('lets an announced breaking change through, and only that one', async () => {
    const next = supergraph(HOMEAFFAIRS_SDL.replace('  deathDate: String\n', '').replace('  age: Int!\n', '  age: String!\n'));
    const breaking = await unannouncedBreakingChanges(base, next, [{ path: 'Person.deathDate', announced: '2026-12-01', reason: 'moved' }]);
    expect(breaking.map((c) => c.path)).toEqual(['Person.age']);
  });

  it('does not report additions, nor changes to what clients cannot see (join directives, URLs)', async () => {
    const added = supergraph(HOMEAFFAIRS_SDL.replace('  deathDate: String\n', '  deathDate: String\n  nickname: String\n'));
    expect(await unannouncedBreakingChanges(base, added)).toEqual([]);
    const moved = supergraphOf(
      { name: 'homeaffairs', url: 'http://10.0.0.1/graphql', sdl: HOMEAFFAIRS_SDL },
      { name: 'health', url: URL, sdl: HEALTH_SDL },
    );
    expect(await unannouncedBreakingChanges(base, moved)).toEqual([]);
  });

  it('reads announcements and refuses malformed ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-schema-'));
    const file = path.join(dir, 'schema-changes.json');
    fs.writeFileSync(
      file,
      JSON.stringify([{ path: 'Person.age', announced: '2026-12-01', reason: 'Tuổi tính theo Bộ luật Dân sự / age per the Civil Code' }]),
    );
    expect(readAnnouncements(file)).toHaveLength(1);
    fs.writeFileSync(file, JSON.stringify([{ path: 'Person.age', announced: 'soon', reason: 'x' }]));
    expect(() => readAnnouncements(file)).toThrow(/announced date/);
    fs.writeFileSync(file, '{}');
    expect(() => readAnnouncements(file)).toThrow(/JSON array/);
    expect(readAnnouncements(path.join(dir, 'missing.json'))).toEqual([]);
  });

  it('the committed announcements file is valid', () => {
    expect(() => readAnnouncements()).not.toThrow();
  });

  it('refuses a base that does not exist instead of passing with nothing to compare', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(baseSupergraph('no-such-branch-nct')).toBeNull();
      expect(await main(['--base', 'no-such-branch-nct'], {})).toBe(2);
      expect(await main([], { SCHEMA_BASE_REF: 'no-such-branch-nct' })).toBe(2);
    } finally {
      err.mockRestore();
    }
  });

  it('compares with the merge base of HEAD and the base branch', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(baseSupergraph('HEAD')).toContain('join__Graph');
      expect(await main(['--base', 'HEAD'], {})).toBe(0);
    } finally {
      log.mockRestore();
    }
  });
});
