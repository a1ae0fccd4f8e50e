/**
 * Layout rules of the subgraphs that review kept finding broken, checked on every
 * services/<name>/src and tests file:
 * - a resolver (`*.resolver.ts`) is wired by its service's schema module (`src/schema.ts`) and
 *   imported by nothing else; what other modules share (loaders, argument checks, views) lives
 *   in `<area>.loaders.ts` or another module next to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const SERVICES = join(REPO, 'services');

interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `services/health/src/schema.ts`. */
  path: string;
  text: string;
}

/** The module specifiers a TypeScript file imports or re-exports (static, dynamic and require). */
function importedSpecifiers(text: string): string[] {
  const specs: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]);
  return specs;
}

const isResolverModule = (spec: string) => /\.resolver(\.ts|\.js)?$/.test(spec);
const mayImportResolvers = (path: string) => /^services\/[^/]+\/src\/schema\.ts$/.test(path);

/** `file: specifier` for every import of a resolver module outside a service's schema module. */
function resolverImportViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (mayImportResolvers(f.path)) continue;
    for (const spec of importedSpecifiers(f.text)) if (isResolverModule(spec)) out.push(`${f.path}: ${spec}`);
  }
  return out;
}

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

function serviceSources(): SourceFile[] {
  const services = readdirSync(SERVICES, { withFileTypes: true }).filter((e) => e.isDirectory());
  return services.flatMap((s) =>
    ['src', 'tests'].flatMap((sub) =>
      tsFiles(join(SERVICES, s.name, sub)).map((full) => ({
        path: relative(REPO, full).split(sep).join('/'),
        text: readFileSync(full, 'utf8'),
      })),
    ),
  );
}

describe('subgraph layout', () => {
  it('finds the services and their schema modules', () => {
    const files = serviceSources();
    const schemas = files.filter((f) => mayImportResolvers(f.path)).map((f) => f.path);
    expect(schemas).toEqual(
      expect.arrayContaining([
        'services/homeaffairs/src/schema.ts',
        'services/social/src/schema.ts',
        'services/health/src/schema.ts',
        'services/association/src/schema.ts',
        'services/audit/src/schema.ts',
      ]),
    );
    expect(files.filter((f) => f.path.endsWith('.resolver.ts')).length).toBeGreaterThan(20);
  });

  it('imports resolvers only from the schema module that lists them', () => {
    expect(resolverImportViolations(serviceSources())).toEqual([]);
  });

  it('reports a resolver imported as a library (the check can fail)', () => {
    const sample: SourceFile[] = [
      { path: 'services/health/src/schema.ts', text: "import { HealthCheckResolver } from './checks/health-check.resolver';" },
      {
        path: 'services/health/src/person/person.resolver.ts',
        text: "import { personChecksLoader } from '../checks/health-check.resolver';\nimport { x } from '../checks/health-check.loaders';",
      },
      {
        path: 'services/health/src/visits/home-visit.rules.ts',
        text: 'export { refuse } from "../people/person.resolver.ts";\nconst r = require(\'./a.resolver\');',
      },
      {
        path: 'services/health/tests/health.integration.test.ts',
        text: "const { y } = await import('../src/records/health-record.resolver');",
      },
    ];
    expect(resolverImportViolations(sample)).toEqual([
      'services/health/src/person/person.resolver.ts: ../checks/health-check.resolver',
      'services/health/src/visits/home-visit.rules.ts: ../people/person.resolver.ts',
      'services/health/src/visits/home-visit.rules.ts: ./a.resolver',
      'services/health/tests/health.integration.test.ts: ../src/records/health-record.resolver',
    ]);
  });
});
