// `npm run test:dates`: the date-sensitive suites again, with the whole system pinned to each
// of the dates below (NCT_TEST_TODAY -> NCT_TODAY, see packages/testing/jest/global-setup.ts).
// `npm test` runs everything at today's date; CI (.ci/run) runs this as well, so a rule or a
// test that only holds on some days fails on every run, not on the day it happens to break.
//
// The dates: the last day of a quarter (quarter and "this quarter" boundaries), 31 December and
// 1 January (the year changes: celebrations, checks "this year", poverty years), and 29 February
// of a leap year (ages of people born on 29 February, month lengths).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const DATES = ['2026-09-30', '2026-12-31', '2027-01-01', '2028-02-29'];

/** Workspace folder -> the test paths that depend on the date (jest path patterns). */
const SUITES = [
  ['packages/seed', []],
  ['packages/dates', []],
  ['packages/subgraph-kit', ['src/clock']],
  ['services/homeaffairs', []],
  ['services/social', []],
  ['services/health', []],
  ['services/association', []],
  ['test', ['e2e/cross-agency', 'e2e/person-view']],
];

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2).filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(a));
const failures = [];
for (const date of only.length ? only : DATES) {
  for (const [dir, patterns] of SUITES) {
    const started = Date.now();
    const jest = path.join(root, 'node_modules', '.bin', 'jest');
    const r = spawnSync(jest, ['--silent', ...patterns], {
      cwd: path.join(root, dir),
      env: { ...process.env, NCT_TEST_TODAY: date, NCT_TODAY: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`[test:dates] ${date} ${dir} ${patterns.join(' ') || '(all)'}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
    if (r.status !== 0) failures.push(`${date} ${dir}`);
  }
}
if (failures.length) {
  console.error(`[test:dates] failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('[test:dates] every date-sensitive suite passed at every pinned date');
