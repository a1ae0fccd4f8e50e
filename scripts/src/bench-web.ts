// `npm run bench:web`: the officials' web app (apps/web) in Chromium, on localhost, on a seeded
// province of 100,000 people (BENCH_WEB_PEOPLE): time to first useful paint of the province
// dashboard and of a person page, cold (a new browser profile: nothing cached) and warm (the same
// profile, the page loaded again; and, for the person page, a move from one person to another
// inside the app), median of BENCH_WEB_RUNS runs (5); and the first-load JavaScript, gzipped.
// Figures are printed, not asserted (targets: person page < 300 ms warm, dashboard < 1 s,
// first-load JS < 300 kB gzip).
//
// "First useful paint": the moment the page first shows its data, marked by the app itself
// (`performance.mark('nct:ready:<part>')`, apps/web/src/perf.ts, after the frame that shows it):
// the dashboard's health coverage table (the first section; the time until every section is
// shown is printed too), the person page's four agency parts. Measured from the navigation's
// start (performance.timeOrigin), or from the click for a move inside the app.
//
// Same data folder as `npm run bench` (.data/bench-<people>, seeded once; not both at once),
// ports 4110-4115, system date pinned to the seed's reference date. JSON in bench-results/.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '@nct/db';
import { createLogger } from '@nct/logger';
import { DEFAULT_AS_OF } from '@nct/seed';
import { launchChromium } from '@nct/testing';
import { startSystem } from './system';
import { fmt, percentile, verdict } from './bench-lib';

const TARGETS = { personWarmMs: 300, dashboardMs: 1000, firstLoadKb: 300 } as const;
const DIST = path.join(REPO_ROOT, 'apps', 'web', 'dist');

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer`);
  return v;
};
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** The scripts, styles and chunks the first page load fetches (index.html and its preloads), gzipped. */
function firstLoad(dist: string): {
  js: Array<{ file: string; bytes: number; gzip: number }>;
  css: number;
  lazy: Array<{ file: string; gzip: number }>;
} {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/app\/([^"]+)"/g)].map((m) => m[1]);
  const size = (file: string) => {
    const body = fs.readFileSync(path.join(dist, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const js = refs.filter((f) => f.endsWith('.js')).map(size);
  const css = refs.filter((f) => f.endsWith('.css')).reduce((s, f) => s + size(f).gzip, 0);
  const first = new Set(js.map((j) => j.file));
  const lazy = fs
    .readdirSync(path.join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !first.has(f))
    .map((f) => ({ file: f, gzip: size(f).gzip }))
    .sort((a, b) => b.gzip - a.gzip);
  return { js, css, lazy };
}

interface Session {
  accessToken: string;
  role: string;
  commune: string | null;
  subject: string;
  expiresAt: number;
  purpose: string;
  method: 'dev';
}

async function devSession(origin: string, role: string, purpose: string, commune?: string): Promise<Session> {
  const res = await fetch(`${origin}/dev-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:nct:dev:role', role, ...(commune ? { commune } : {}) }),
  });
  if (!res.ok) throw new Error(`dev sign-in: HTTP ${res.status} (is the gateway in development mode?)`);
  const { access_token: accessToken } = (await res.json()) as { access_token: string };
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sub: string; exp: number };
  return { accessToken, role, commune: commune ?? null, subject: claims.sub, expiresAt: claims.exp * 1000, purpose, method: 'dev' };
}

/** A browser profile signed in as `session` (the app reads its session from sessionStorage). */
async function signedIn(browser: Browser, session: Session): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // (runs in the page: the scripts workspace has no DOM types)
  await context.addInitScript((s: string) => (globalThis as any).sessionStorage.setItem('nct.session', s), JSON.stringify(session));
  return context;
}

/** Milliseconds from the navigation's start to the app's ready mark(s). */
async function untilMarks(page: Page, marks: string[], timeoutMs = 120_000): Promise<number[]> {
  await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(`nct:ready:${n}`).length > 0), marks, {
    timeout: timeoutMs,
    polling: 20,
  });
  return page.evaluate((names) => names.map((n) => performance.getEntriesByName(`nct:ready:${n}`)[0].startTime), marks);
}

const DASHBOARD_SECTIONS = [
  'dashboard-health',
  'dashboard-clubs',
  'dashboard-centenarians',
  'dashboard-plans',
  'dashboard-legacy',
  'dashboard-action-month',
];

async function main(): Promise<void> {
  const logger = createLogger('bench-web');
  const people = int('BENCH_WEB_PEOPLE', 100_000);
  const runs = int('BENCH_WEB_RUNS', 5);
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('apps/web is not built: npm run build');
  const bundle = firstLoad(DIST);
  const firstLoadGzip = bundle.js.reduce((s, j) => s + j.gzip, 0);
  const today = DEFAULT_AS_OF;
  const started = Date.now();
  logger.info({ people }, 'starting the system (seeded once per size, cached in .data/bench-<people>)');
  const system = await startSystem({
    people,
    seed: 1,
    logger,
    quiet: true,
    env: {
      PORT: '4110',
      HOMEAFFAIRS_PORT: '4111',
      SOCIAL_PORT: '4112',
      HEALTH_PORT: '4113',
      ASSOCIATION_PORT: '4114',
      AUDIT_PORT: '4115',
      LOG_LEVEL: 'warn',
      NCT_TODAY: today,
      NODE_ENV: 'development',
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '1000000',
      SUBGRAPH_TIMEOUT_MS: process.env.SUBGRAPH_TIMEOUT_MS ?? '300000',
    },
    dataDir: path.join(REPO_ROOT, '.data', `bench-${people}`),
    dbPort: 27218,
  });
  const origin = new URL(system.gatewayUrl).origin;
  let browser: Browser | undefined;
  try {
    if ((await fetch(`${origin}/app/config.json`)).status !== 200) throw new Error('the gateway does not serve the web app');
    browser = await launchChromium();
    // The busiest commune (most elderly people) and a few of its living residents.
    const coordinator = await devSession(origin, 'coordinator', 'STATISTICS');
    const gql = async (session: Session, query: string) => {
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${session.accessToken}`,
          'x-access-purpose': session.purpose,
        },
        body: JSON.stringify({ query }),
      });
      return ((await res.json()) as { data: any }).data;
    };
    const communes = (await gql(coordinator, `{ communesOf(provinceCode: "12") { code elderlyCountToday } }`)).communesOf as Array<{
      code: string;
      elderlyCountToday: number | null;
    }>;
    const commune = [...communes].sort((a, b) => (b.elderlyCountToday ?? 0) - (a.elderlyCountToday ?? 0))[0].code;
    const officer = await devSession(origin, 'commune-officer', 'CARE_COORDINATION', commune);
    const ids = (
      (await gql(officer, `{ people(filter: { alive: true }, first: ${runs * 3 + 2}) { edges { node { citizenId } } } }`)).people
        .edges as Array<{
        node: { citizenId: string };
      }>
    ).map((e) => e.node.citizenId);

    const results = {
      dashboardCold: [] as number[],
      dashboardAllCold: [] as number[],
      dashboardWarm: [] as number[],
      dashboardAllWarm: [] as number[],
    };
    const person = { cold: [] as number[], warm: [] as number[], inApp: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // Dashboard: a new profile (cold), then the same page loaded again (warm).
      const context = await signedIn(browser, coordinator);
      const page = await context.newPage();
      await page.goto(`${origin}/app/#/dashboard`);
      const cold = await untilMarks(page, DASHBOARD_SECTIONS);
      results.dashboardCold.push(cold[0]);
      results.dashboardAllCold.push(Math.max(...cold));
      await page.reload();
      const warm = await untilMarks(page, DASHBOARD_SECTIONS);
      results.dashboardWarm.push(warm[0]);
      results.dashboardAllWarm.push(Math.max(...warm));
      await context.close();

      // Person page: cold, then another person after a reload (warm), then a third from inside the app.
      const pc = await signedIn(browser, officer);
      const pp = await pc.newPage();
      await pp.goto(`${origin}/app/#/person/${ids[i * 3]}`);
      person.cold.push((await untilMarks(pp, ['person']))[0]);
      await pp.goto(`${origin}/app/#/person/${ids[i * 3 + 1]}`);
      await pp.reload();
      person.warm.push((await untilMarks(pp, ['person']))[0]);
      const before = await pp.evaluate(() => performance.now());
      await pp.evaluate(
        (id) => {
          (globalThis as any).location.hash = `#/person/${id}`;
        },
        ids[i * 3 + 2],
      );
      // The app marks each page once per load: a move inside the app is timed by the person's part appearing.
      await pp.waitForFunction(
        (id) => !!(globalThis as any).document.querySelector(`[data-ready="person"][data-citizen-id="${id}"]`),
        ids[i * 3 + 2],
        { polling: 'raf' },
      );
      person.inApp.push((await pp.evaluate(() => performance.now())) - before);
      await pc.close();
      logger.info({ run: i + 1, of: runs }, 'run done');
    }

    const row = (label: string, xs: number[], limit?: number) =>
      `| ${label} | ${fmt(median(xs))} | ${fmt(Math.min(...xs))} | ${fmt(Math.max(...xs))} | ${limit ? `< ${limit} ms: ${verdict(median(xs), limit)}` : ''} |`;
    const md = [
      `## Web app (apps/web), ${people.toLocaleString('en-US')} people, median of ${runs} runs, Chromium on localhost`,
      '',
      `System date ${today}; dashboard as a coordinator (province ${'12'}), person page as the officer of commune ${commune}; node ${process.version}.`,
      '',
      '| time to first useful paint (ms) | median | min | max | target |',
      '|---|---|---|---|---|',
      row('dashboard, cold: health coverage table shown', results.dashboardCold, TARGETS.dashboardMs),
      row('dashboard, cold: every section shown', results.dashboardAllCold),
      row('dashboard, warm (reload): health coverage table shown', results.dashboardWarm, TARGETS.dashboardMs),
      row('dashboard, warm (reload): every section shown', results.dashboardAllWarm),
      row('person page, cold', person.cold),
      row('person page, warm (reload)', person.warm, TARGETS.personWarmMs),
      row('person page, warm (from another person, in the app)', person.inApp, TARGETS.personWarmMs),
      '',
      `First-load JavaScript (index.html's scripts and preloads): ${(firstLoadGzip / 1024).toFixed(1)} kB gzip ` +
        `(${(bundle.js.reduce((s, j) => s + j.bytes, 0) / 1024).toFixed(0)} kB raw), target < ${TARGETS.firstLoadKb} kB: ${verdict(firstLoadGzip / 1024, TARGETS.firstLoadKb)}; ` +
        `CSS ${(bundle.css / 1024).toFixed(1)} kB gzip. Loaded later: ${bundle.lazy
          .slice(0, 4)
          .map((l) => `${path.basename(l.file).replace(/-[\w-]{8}\.js$/, '')} ${(l.gzip / 1024).toFixed(0)} kB`)
          .join(', ')}, and ${bundle.lazy.length - 4} smaller chunks.`,
    ];
    process.stdout.write(`${md.join('\n')}\n`);
    const outDir = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `web-${people}-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ people, runs, today, commune, bundle, firstLoadGzip, results, person }, null, 2));
    logger.info({ file, minutes: ((Date.now() - started) / 60000).toFixed(1) }, 'written');
  } finally {
    await browser?.close();
    await system.stop();
  }
}

if (require.main === module)
  main().catch((err) => {
    process.stderr.write(`bench:web failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
