// One date module: no workspace computes ages, birthdays, months or quarters by itself.
// Two implementations of age once disagreed on 29 February births (81 or 82 on 2026-02-28),
// so a payment rule and the register could disagree on who is 80. This test reads the
// TypeScript sources of every workspace and fails when a date helper is defined, or an age is
// computed inline, anywhere but packages/dates.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCANNED = ['packages', 'services', 'gateway', 'scripts', 'test'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.turbo', '.cache', '.data']);

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const FILES = SCANNED.flatMap((d) => sources(path.join(ROOT, d)))
  .map((file) => ({ file: rel(file), text: fs.readFileSync(file, 'utf8') }))
  .filter(({ file }) => !file.startsWith('packages/dates/'));

/** Helpers owned by @nct/dates (and the names the old duplicates had). */
const OWNED = [
  'ageOn',
  'ageAt',
  'fullYears',
  'ageOnDay',
  'birthdayDay',
  'dateReachingAge',
  'latestBirthDateForAge',
  'calendarAge',
  'addYears',
  'addMonths',
  'addMonthsToDate',
  'addDays',
  'dayAfter',
  'monthsBetween',
  'daysInMonth',
  'isLeapYear',
  'firstDayOfMonth',
  'lastDayOfMonth',
  'monthOf',
  'quarterOf',
  'quarterStart',
  'isIsoDate',
  'isIsoMonth',
  'todayInVietnam',
  'isoToDay',
  'dayToIso',
];
const DEFINITION = new RegExp(`(?:function\\s+|(?:const|let|var)\\s+)(${OWNED.join('|')})\\s*(?:=|\\(|<|:)`, 'g');

/** Inline age arithmetic on a birth date: "year - birth year", or a birth date taken apart. */
const INLINE_AGE = [
  /-\s*Number\([^)]*[bB]irth[^)]*\.slice\(0,\s*4\)\)/,
  /[bB]irth\w*\.split\(['"]-['"]\)/,
  /getU?T?C?FullYear\(\)\s*-\s*\w*[bB]irth/,
  /\.replace\(['"]-02-29['"]/,
];

describe('one date module (@nct/dates)', () => {
  it('scans the sources of every workspace', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES.some(({ file }) => file === 'services/social/src/cases/cases.rules.ts')).toBe(true);
  });

  it('no workspace defines its own date helper', () => {
    const found = FILES.flatMap(({ file, text }) => [...text.matchAll(DEFINITION)].map((m) => `${file}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  it('no workspace computes an age from a birth date inline', () => {
    const found = FILES.flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, i) => (INLINE_AGE.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('the detectors catch the duplicates that existed', () => {
    // The old inline forms (seed derivations, end-to-end oracles) must be caught by the patterns above.
    const old = [
      'const ageAt = (birth: string, date: string) => {',
      'export function fullYears(birth: string, on: string): number {',
      'export function addMonths(month: string, n: number): string {',
    ];
    for (const line of old) expect([...line.matchAll(DEFINITION)].length).toBe(1);
    expect(INLINE_AGE.some((re) => re.test('const a = year - Number(p.birthDate.slice(0, 4));'))).toBe(true);
    expect(INLINE_AGE.some((re) => re.test("const [by, bm, bd] = birthDate.split('-').map(Number);"))).toBe(true);
    expect(INLINE_AGE.some((re) => re.test("toDay(`${y}${p.birthDate.slice(4)}`.replace('-02-29', '-02-28'))"))).toBe(true);
  });

  it.each(['packages/seed/src/dates.ts', 'packages/subgraph-kit/src/dates.ts'])('the old duplicate %s is gone', (file) =>
    expect(fs.existsSync(path.join(ROOT, file))).toBe(false),
  );

  // The call sites that had their own copy, or use an age in a rule: each imports the module.
  it.each([
    'packages/seed/src/generate.ts',
    'packages/subgraph-kit/src/scalars.ts',
    'packages/subgraph-kit/src/clock.ts',
    'services/social/src/cases/cases.rules.ts',
    'services/social/src/allowance/eligibility.rules.ts',
    'services/social/src/seed/derive.ts',
    'services/association/src/celebrations/celebrations.rules.ts',
    'services/association/src/clubs/clubs.rules.ts',
    'services/association/src/clubs/compliance.rules.ts',
    'services/association/src/membership/membership.rules.ts',
    'services/association/src/seed/derive.ts',
    'services/homeaffairs/src/dashboards/roster.rules.ts',
    'services/homeaffairs/src/people/people.rules.ts',
    'services/homeaffairs/src/statistics/statistics.rules.ts',
    'services/homeaffairs/src/organisations/organisations.rules.ts',
    'services/health/src/seed/derive.ts',
    'services/health/src/dashboards/follow-up.rules.ts',
    'scripts/src/bench-writes.ts',
    'scripts/src/bench-reads.ts',
    'test/e2e/cross-agency-people.test.ts',
    'test/e2e/cross-agency-aggregates.test.ts',
    'test/e2e/person-view.test.ts',
  ])('%s imports @nct/dates', (file) => {
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toMatch(/from '@nct\/dates'/);
  });
});
