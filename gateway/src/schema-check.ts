import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { SUPERGRAPH_FILE } from './config';
import { withDocumentedSecurity } from './security-directives';

/**
 * The breaking-change check of the public schema (`npm run schema:check`, run by `npm test`).
 *
 * Clients (agency front ends, dashboards) see the supergraph's API schema: no join machinery,
 * no `@inaccessible` elements. This compares the API schema of the committed supergraph with
 * the one committed on the base branch (main) using GraphQL Inspector, and fails on every
 * breaking change (a removed field or type, a narrowed argument, a nullable field made
 * required ...) that is not announced in `gateway/schema-changes.json`. On main itself the two
 * are the same file and nothing is reported; on a branch it is the review of the API contract.
 */
export const ANNOUNCEMENTS_FILE = path.resolve(__dirname, '..', 'schema-changes.json');

export interface Announcement {
  /** The change's path as GraphQL Inspector gives it, e.g. `Person.birthDate` or `Query.people.first`. */
  path: string;
  /** When the front ends were told (ISO date). */
  announced: string;
  /** Why, and what clients use instead (both languages where clients read it). */
  reason: string;
}

/** The schema a client of the gateway sees. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  // Loaded as the gateway loads it (its SECURITY links are documentation, security-directives.ts).
  return Supergraph.build(withDocumentedSecurity(supergraphSdl)).apiSchema().toGraphQLJSSchema();
}

/** Breaking changes from `base` to `next` (supergraph SDLs) not covered by an announcement. */
export async function unannouncedBreakingChanges(
  base: string,
  next: string,
  announcements: readonly Announcement[] = [],
): Promise<Change[]> {
  const changes = await diff(apiSchemaOf(base), apiSchemaOf(next));
  const announced = new Set(announcements.map((a) => a.path));
  return changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking && !(c.path && announced.has(c.path)));
}

/** The announcements file, checked: a list of `{ path, announced, reason }`. */
export function readAnnouncements(file = ANNOUNCEMENTS_FILE): Announcement[] {
  if (!fs.existsSync(file)) return [];
  const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON array of { path, announced, reason }`);
  return list.map((a, i) => {
    const { path: p, announced, reason } = (a ?? {}) as Record<string, unknown>;
    if (
      typeof p !== 'string' ||
      !p ||
      typeof announced !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(announced) ||
      typeof reason !== 'string' ||
      !reason.trim()
    ) {
      throw new Error(`${file}: entry ${i} needs a path, an announced date (YYYY-MM-DD) and a reason`);
    }
    return { path: p, announced, reason };
  });
}

const ROOT = path.resolve(__dirname, '..', '..');

function git(args: string[], cwd = ROOT): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/**
 * The supergraph as committed where this branch left `ref` (their merge base, so that a branch
 * behind main is not blamed for main's newer changes), or null when `ref` does not exist.
 */
export function baseSupergraph(ref: string, cwd = ROOT): string | null {
  if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd) === null) return null;
  const base = git(['merge-base', 'HEAD', ref], cwd)?.trim() || ref;
  return git(['show', `${base}:${path.relative(cwd, SUPERGRAPH_FILE)}`], cwd);
}

/**
 * CLI: `schema-check [--base REF]`. REF is `--base`, else SCHEMA_BASE_REF (either must exist:
 * a typo is an error, not a pass), else origin/main, then main; with neither, the check passes
 * on a developer's machine (nothing to compare) and fails under CI (`CI` set).
 */
export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const i = argv.indexOf('--base');
  const explicit = i >= 0 ? argv[i + 1] : env.SCHEMA_BASE_REF;
  if (explicit !== undefined) {
    if (!explicit || baseSupergraph(explicit) === null) {
      console.error(`[schema-check] base ${explicit || '(empty)'} not found, or it has no ${path.relative(ROOT, SUPERGRAPH_FILE)}`);
      return 2;
    }
  }
  const refs = explicit ? [explicit] : ['origin/main', 'main'];
  let base: string | null = null;
  let used = '';
  for (const ref of refs) {
    base = baseSupergraph(ref);
    used = ref;
    if (base !== null) break;
  }
  if (base === null) {
    if (env.CI) {
      console.error(`[schema-check] no base branch (${refs.join(', ')}) to compare with: fetch main, or set SCHEMA_BASE_REF`);
      return 2;
    }
    console.log(`[schema-check] no base supergraph (${refs.join(', ')}): nothing to compare`);
    return 0;
  }
  const next = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const breaking = await unannouncedBreakingChanges(base, next, readAnnouncements());
  if (!breaking.length) {
    console.log(`[schema-check] no unannounced breaking change of the public schema against ${used}`);
    return 0;
  }
  console.error(
    `[schema-check] ${breaking.length} breaking change(s) of the public schema against ${used}, not announced in gateway/schema-changes.json:`,
  );
  for (const c of breaking) console.error(`  - ${c.path ?? '(schema)'}: ${c.message}`);
  return 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`[schema-check] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
