// The officials' web app in Chromium, on the real system as `npm start` runs it (each subgraph and
// the gateway in its own process, compiled code, the gateway serving apps/web/dist at /app/),
// started once for the whole suite. Every request the pages make that does not go to the
// gateway's own origin is aborted and recorded: the app must work with no internet.
// Chromium is Debian's package, driven by playwright-core (scripts/ensure-chromium.js).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { importJWK, SignJWT, type JWK } from 'jose';
import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerFiles, issueDevToken, type Purpose, type Role } from '@nct/auth';
import { launchChromium, testToday } from '@nct/testing';
import { startGuardedSystem, type GuardedSystem } from '../../../test/e2e/process-system';
import {
  DashboardBenefitsQuery,
  DashboardCelebrationsQuery,
  DashboardHealthProvinceQuery,
  DashboardHealthQuery,
  FollowUpQ1Query,
  PersonViewQuery,
} from '../src/graphql/operations';
import { formatDate, formatMoney, formatNumber, formatShare } from '../src/i18n/format';
import { readCsv, readXlsx } from './files';

jest.setTimeout(120_000);

const ARTIFACTS = path.resolve(__dirname, '..', 'test-artifacts');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = `${YEAR}-Q${Math.ceil(Number(TODAY.slice(5, 7)) / 3)}`;
const PROVINCE = '12';
/** Intl's narrow spaces, and any run of whitespace, as one space. */
const norm = (s: string) => s.replace(/[\u00a0\u202f\s]+/g, ' ').trim();
const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

let run: GuardedSystem;
let origin: string;
let browser: Browser;
/** Requests that left the gateway's origin (aborted), and Content-Security-Policy or script errors. */
const foreign: string[] = [];
const pageProblems: string[] = [];

/** A page in a fresh context (no session, Vietnamese), watched for foreign requests and errors. */
async function newPage(options: { viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageProblems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) pageProblems.push(`console: ${msg.text()}`);
  });
  return { context, page };
}

/** The development role picker, as a user does it. */
async function signIn(page: Page, role: Role, options: { commune?: string; purpose?: Purpose } = {}): Promise<void> {
  await page.goto(`${origin}/app/`);
  await page.getByLabel('Vai trò', { exact: true }).selectOption(role);
  if (options.commune) await page.locator('select[name="commune"]').selectOption(options.commune);
  // A role with one purpose has no choice to make.
  if (options.purpose && (await page.locator('select[name="purpose"]').count()))
    await page.locator('select[name="purpose"]').selectOption(options.purpose);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('purpose').waitFor();
}

/** The gateway's own answer, as the role the page signed in as. */
async function gateway<T = any>(
  role: Role,
  query: string | TypedDocumentNode<any, any>,
  variables: Record<string, unknown>,
  options: { commune?: string; purpose?: Purpose } = {},
): Promise<{ data: T; errors?: Array<{ path?: unknown[]; extensions: Record<string, unknown> }> }> {
  const token = await issueDevToken(run.issuerDir, { role, ...(options.commune ? { commune: options.commune } : {}) });
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-access-purpose': options.purpose ?? 'CARE_COORDINATION',
    },
    body: JSON.stringify({ query: typeof query === 'string' ? query : stringifyDocument(query), variables }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { data: T };
}

/** The texts of a table's body rows. */
async function rowsOf(table: ReturnType<Page['locator']>, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return table
    .locator(`${part} tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText)));
}

/** axe-core in the page: no serious or critical violation of WCAG 2.1 A/AA. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n: { target: string[] }) => n.target.join(' ')),
    }));
  });
  expect({ page: name, serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({
    page: name,
    serious: [],
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The commune whose question-1 list (80+ with no coverage) is longest, found through the gateway as social staff. */
let COMMUNE: string;
let q1Expected: string[];

beforeAll(async () => {
  if (!fs.existsSync(path.resolve(__dirname, '..', 'dist', 'index.html')))
    throw new Error('apps/web is not built: run "npm run build" (npm test builds it)');
  run = await startGuardedSystem({ name: 'web', people: 2000, seed: 1, env: { LOG_LEVEL: 'warn' } });
  origin = new URL(run.system.gatewayUrl).origin;
  browser = await launchChromium();
  const communes = (
    await gateway<{ communesOf: Array<{ code: string }> }>(
      'coordinator',
      `{ communesOf(provinceCode: "${PROVINCE}") { code } }`,
      {},
      { purpose: 'STATISTICS' },
    )
  ).data.communesOf;
  let best: { code: string; ids: string[] } = { code: communes[0].code, ids: [] };
  for (const { code } of communes) {
    const { data } = await gateway('social', FollowUpQ1Query, { commune: code, asOf: TODAY }, { purpose: 'BENEFIT_ADMINISTRATION' });
    const ids = (data.elderlyRoster as Array<{ citizenId: string; socialCoverage: Record<string, boolean> }>)
      .filter((p) => !p.socialCoverage.receivesPension && !p.socialCoverage.onAllowance && !p.socialCoverage.onSocialPension)
      .map((p) => p.citizenId);
    if (ids.length > best.ids.length) best = { code, ids };
  }
  COMMUNE = best.code;
  q1Expected = best.ids.sort();
  expect(q1Expected.length).toBeGreaterThan(0);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await run?.stop();
}, 60_000);

afterEach(() => {
  // No request left the gateway's origin, no script error, no Content-Security-Policy violation.
  expect({ foreign, pageProblems }).toEqual({ foreign: [], pageProblems: [] });
});

describe('the web app, served by the gateway', () => {
  it('is served at /app/ with a strict Content-Security-Policy, its assets from the gateway only', async () => {
    const res = await fetch(`${origin}/app/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe');
    const html = await res.text();
    for (const ref of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(ref[1]).toMatch(/^(\/app\/|data:)/);

    const { context, page } = await newPage();
    await page.goto(`${origin}/app/`);
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await context.close();
  });

  it('signs in as each role with the development picker: the role and the purpose are in the header and sent with every request', async () => {
    const landing: Record<Role, string> = {
      coordinator: '[data-ready="dashboard-health"]',
      'commune-officer': '[data-ready="search"]',
      social: 'form[role="search"]',
      health: 'form[role="search"]',
      association: 'form[role="search"]',
      homeaffairs: 'form[role="search"]',
      admin: 'form[role="search"]',
      auditor: '[data-ready="access-log"]',
    };
    const purposes: Partial<Record<Role, Purpose>> = {
      social: 'CARE_COORDINATION',
      health: 'HEALTH_CARE',
      coordinator: 'STATISTICS',
      auditor: 'AUDIT',
    };
    for (const role of Object.keys(landing) as Role[]) {
      const { context, page } = await newPage();
      const sent: Array<string | undefined> = [];
      page.on('request', (req: Request) => {
        // The requests of the signed-in session (not the picker's commune list, made before sign-in).
        const token = req.headers().authorization?.split('.')[1];
        const claims = token ? JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) : {};
        if (req.url() === `${origin}/graphql` && claims.role === role) sent.push(req.headers()['x-access-purpose']);
      });
      await signIn(page, role, { commune: role === 'commune-officer' ? COMMUNE : undefined, purpose: purposes[role] });
      await page.locator(landing[role]).first().waitFor({ timeout: 30_000 });
      const purpose = await page.getByTestId('purpose').getAttribute('data-purpose');
      if (purposes[role]) expect([role, purpose]).toEqual([role, purposes[role]]);
      await expect(page.getByTestId('role').innerText()).resolves.toContain(role === 'commune-officer' ? COMMUNE : '');
      // Every request carried the purpose shown (staff see an empty search form: no request yet).
      expect([role, [...new Set(sent)]]).toEqual([role, sent.length ? [purpose] : []]);
      if (role === 'coordinator' || role === 'auditor' || role === 'commune-officer') expect([role, sent.length]).not.toEqual([role, 0]);
      await context.close();
    }
  });

  it('development OpenID Connect login: authorization code with PKCE at the development issuer, then the purpose', async () => {
    const { context, page } = await newPage();
    await page.goto(`${origin}/app/`);
    await page.getByRole('button', { name: 'Đăng nhập bằng OpenID Connect' }).click();
    await page.waitForURL(/\/dev-issuer\/authorize\?/);
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.locator('#role').selectOption('association');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.getByRole('heading', { name: 'Chọn mục đích truy cập' }).waitFor();
    // The code is gone from the address bar once exchanged.
    expect(new URL(page.url()).search).toBe('');
    await page.locator('select[name="purpose"]').selectOption('ASSOCIATION_ACTIVITIES');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect(page.getByTestId('purpose').getAttribute('data-purpose')).resolves.toBe('ASSOCIATION_ACTIVITIES');
    await expect(page.getByTestId('role').innerText()).resolves.toBe('Cán bộ Hội NCT');
    await context.close();
  });
});

describe('province dashboard (coordinator)', () => {
  it('shows the gateway’s own figures per commune, withheld cells exactly as returned; sorts; drills down to a commune', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'coordinator');
    const table = page.locator('[data-section="health-coverage"] table').first();
    await table.waitFor();
    const { data } = await gateway(
      'coordinator',
      DashboardHealthQuery,
      { province: PROVINCE, asOf: TODAY, year: YEAR },
      { purpose: 'STATISTICS' },
    );
    const count = (v: number | null, suppressed = false) => (suppressed || v === null ? 'ẩn' : formatNumber(v, 'vi'));
    const yesNo = (v: boolean | null) => (v === null ? 'ẩn' : v ? 'Có' : 'Không');
    const expected = (data.communesOf as any[]).map((c) => {
      const h = c.healthCoverage;
      const ind = (i: any) => [
        count(i.count, i.suppressed),
        i.suppressed || i.share === null ? 'ẩn' : formatShare(i.share, 'vi'),
        yesNo(i.met),
      ];
      return [
        c.name,
        count(c.elderlyCountToday),
        ...ind(h.healthRecord),
        ...ind(h.annualCheck),
        ...ind(h.insuranceCard),
        yesNo(h.allTargetsMet),
      ].map(norm);
    });
    const shown = (await rowsOf(table)).map((r) => r.map(norm));
    expect(shown).toEqual(expected);
    // The province row: health's own province figures (never a sum made in the browser).
    const provinceAnswer = (
      await gateway('coordinator', DashboardHealthProvinceQuery, { province: PROVINCE, year: YEAR }, { purpose: 'STATISTICS' })
    ).data.administrativeUnit as any;
    await table.locator('tfoot tr').waitFor();
    expect((await rowsOf(table, 'tfoot')).map((r) => r.map(norm))).toEqual([
      [
        'Toàn tỉnh',
        count(provinceAnswer.elderlyCountToday),
        ...[
          provinceAnswer.healthCoverage.healthRecord,
          provinceAnswer.healthCoverage.annualCheck,
          provinceAnswer.healthCoverage.insuranceCard,
        ].flatMap((i: any) => [
          count(i.count, i.suppressed),
          i.suppressed || i.share === null ? 'ẩn' : formatShare(i.share, 'vi'),
          yesNo(i.met),
        ]),
        yesNo(provinceAnswer.healthCoverage.allTargetsMet),
      ].map(norm),
    ]);
    // The API withholds some cells at this size; the page shows them withheld, never a number.
    expect(expected.flat()).toContain('ẩn');
    await expect(table.locator('td[data-kind="withheld"]').count()).resolves.toBe(expected.flat().filter((c) => c === 'ẩn').length);

    // Sorting by a column (keyboard-operable button, aria-sort), withheld cells last.
    const header = table.locator('thead th').nth(1);
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await header.getByRole('button').press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    const elderly = (await rowsOf(table)).map((r) => norm(r[1]));
    const numbers = elderly.filter((v) => v !== 'ẩn').map((v) => Number(v.replace(/\./g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // The other sections are there.
    for (const section of ['clubs', 'benefits', 'celebrations', 'centenarians', 'plans', 'legacy', 'action-month'])
      await page.locator(`[data-ready="dashboard-${section}"]`).waitFor({ timeout: 30_000 });
    const name = new Map((data.communesOf as any[]).map((c) => [c.code, c.name]));

    // Allowance and social-pension figures: social's aggregate, per commune and for the province, as returned.
    const benefits = (await gateway('coordinator', DashboardBenefitsQuery, { month: TODAY.slice(0, 7) }, { purpose: 'STATISTICS' })).data
      .benefitSummary as any;
    const money = (f: any) => (f.suppressed || f.monthlyTotal === null ? 'ẩn' : formatMoney(f.monthlyTotal, 'vi'));
    const benefitRow = (r: any) =>
      [
        r.communeCode === 'ALL' ? 'Toàn tỉnh' : name.get(r.communeCode),
        count(r.allowance.count, r.allowance.suppressed),
        money(r.allowance),
        count(r.socialPension.count, r.socialPension.suppressed),
        money(r.socialPension),
      ].map(norm);
    const benefitTable = page.locator('[data-section="benefits"] table').first();
    expect((await rowsOf(benefitTable)).map((r) => r.map(norm))).toEqual(benefits.communes.map(benefitRow));
    expect((await rowsOf(benefitTable, 'tfoot')).map((r) => r.map(norm))).toEqual([benefitRow(benefits.total)]);
    expect(benefits.total.allowance.count).toBeGreaterThan(0);

    // This year's celebrations by delivery status: association's aggregate, as returned.
    const celebrations = (
      await gateway('coordinator', DashboardCelebrationsQuery, { province: PROVINCE, year: YEAR }, { purpose: 'STATISTICS' })
    ).data.administrativeUnit.longevityCelebrationStatus as any;
    const celebrationRow = (r: any) =>
      [
        r.code === PROVINCE ? 'Toàn tỉnh' : name.get(r.code),
        ...[r.due, r.delivered, r.notDelivered, r.planned].map((v: number | null) => count(v, r.suppressed)),
      ].map(norm);
    const celebrationTable = page.locator('[data-section="celebrations"] table').first();
    expect((await rowsOf(celebrationTable)).map((r) => r.map(norm))).toEqual(celebrations.communes.map(celebrationRow));
    expect((await rowsOf(celebrationTable, 'tfoot')).map((r) => r.map(norm))).toEqual([celebrationRow(celebrations.total)]);
    await page.locator('[data-section="health-coverage"] .chart svg').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard');
    await expectAccessible(page, 'dashboard');

    // Drill down: the commune's page shows the same figures for that commune.
    const commune = (data.communesOf as any[]).find((c) => c.code === COMMUNE);
    await table.getByRole('link', { name: commune.name, exact: true }).click();
    await page.getByRole('heading', { name: `Xã/phường ${commune.name}` }).waitFor();
    const figures = page.locator('[data-section="commune-figures"] table');
    await figures.waitFor();
    const record = (await rowsOf(figures)).find((r) => norm(r[0]) === 'Hồ sơ sức khỏe')!.map(norm);
    const rec = commune.healthCoverage.healthRecord;
    expect(record.slice(1, 4)).toEqual([
      count(rec.count, rec.suppressed),
      count(rec.denominator),
      rec.suppressed ? 'ẩn' : norm(formatShare(rec.share, 'vi')),
    ]);
    await page.locator('[data-section="celebrations"] [data-problem="forbidden"]').waitFor();
    await expectAccessible(page, 'commune');
    await context.close();
  });

  it('switches to English: labels, and numbers in the English format', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'coordinator');
    await page.locator('[data-ready="dashboard-health"]').waitFor();
    await page.getByTestId('language').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByTestId('purpose').innerText()).resolves.toBe('Access purpose: Aggregate statistics (no identification)');
    await page.getByRole('heading', { name: /^Province dashboard/ }).waitFor();
    const share = norm((await rowsOf(page.locator('[data-section="health-coverage"] table').first()))[0][3]);
    expect(share).toMatch(/^(\d+\.\d%|withheld)$/);
    await context.close();
  });
});

describe('commune workbench', () => {
  it('finds a person without diacritics; the person page has one part per agency and says plainly what the role may not see', async () => {
    const people = await gateway(
      'commune-officer',
      `query($c: String) { people(filter: { communeCode: $c, alive: true }, first: 100) { edges { node { citizenId fullName membership { cardNumber } insuranceCard { code } } } } }`,
      { c: COMMUNE },
      { commune: COMMUNE },
    );
    const person = (people.data.people.edges as any[]).map((e) => e.node).find((p) => p.membership && p.insuranceCard)!;
    expect(person).toBeDefined();
    const { context, page } = await newPage();
    await signIn(page, 'commune-officer', { commune: COMMUNE });
    await page.getByLabel('Họ tên (gõ không dấu cũng được)').fill(strip(person.fullName));
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: person.fullName, exact: true }).first().click();
    await page.locator(`[data-ready="person"][data-citizen-id="${person.citizenId}"]`).waitFor();

    const { data } = await gateway(
      'commune-officer',
      PersonViewQuery,
      { citizenId: person.citizenId, year: YEAR, asOf: TODAY, quarter: QUARTER },
      { commune: COMMUNE },
    );
    const p = data.person;
    const field = (name: string) => page.locator(`[data-field="${name}"]`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(p.fullName);
    await expect(field('citizenId').locator('dd').innerText()).resolves.toBe(p.citizenId);
    await expect(field('birthDate').locator('dd').innerText()).resolves.toBe(formatDate(p.birthDate, 'vi'));
    await expect(field('insuranceCard').locator('dd').innerText()).resolves.toContain(p.insuranceCard.code);
    await expect(field('membership').locator('dd').innerText()).resolves.toContain(p.membership.cardNumber);
    // Health records and check results are for health staff: refused at their path, said plainly.
    await expect(field('healthRecord').getAttribute('data-state')).resolves.toBe('forbidden');
    await expect(field('healthRecord').locator('dd').innerText()).resolves.toBe('Vai trò của bạn không được xem mục này.');
    await expect(field('lastHealthCheck').getAttribute('data-state')).resolves.toBe('forbidden');
    await screenshot(page, 'person');
    await expectAccessible(page, 'person');
    await context.close();

    // Health staff: the social and association parts are refused as a whole, one sentence each.
    const health = await newPage();
    await signIn(health.page, 'health', { purpose: 'HEALTH_CARE' });
    await health.page.goto(`${origin}/app/#/person/${person.citizenId}`);
    await health.page.locator('[data-ready="person"]').waitFor();
    for (const agency of ['social', 'association']) {
      const part = health.page.locator(`[data-agency="${agency}"]`);
      await expect(part.getAttribute('data-state')).resolves.toBe('forbidden');
      await expect(part.innerText()).resolves.toBe('Vai trò của bạn không được xem phần này.');
    }
    await expect(health.page.locator('[data-field="healthRecord"]').getAttribute('data-state')).resolves.toBe('shown');
    await health.context.close();
  });

  it('pages through the register', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'commune-officer', { commune: COMMUNE });
    const results = page.locator('[data-ready="search"]');
    await results.waitFor();
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    // 20 people a request; the table shows 20 a page.
    const pager = page.getByRole('navigation', { name: /Phân trang/ });
    await pager.getByText('Trang 1/2').waitFor();
    const first = await rowsOf(page.locator('[data-ready="search"] table'));
    await pager.getByRole('button', { name: 'Trang sau' }).click();
    await expect(pager.innerText()).resolves.toContain('Trang 2/2');
    expect(await rowsOf(page.locator('[data-ready="search"] table'))).not.toEqual(first);
    await context.close();
  });

  it('a follow-up list equals the gateway’s answer; its CSV and XLSX exports read back the same, and the export is in the access log', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'commune-officer', { commune: COMMUNE });
    await page.goto(`${origin}/app/#/follow-up?list=q1`);
    const list = page.locator('[data-ready="follow-up"]');
    await list.waitFor();
    await expect(list.getAttribute('data-rows')).resolves.toBe(String(q1Expected.length));
    const exportIds: string[] = [];
    page.on('request', (req) => {
      const id = req.headers()['x-request-id'];
      if (id?.startsWith('export-')) exportIds.push(id);
    });

    const [csv] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`-${TODAY}\\.csv$`));
    const rows = readCsv(fs.readFileSync((await csv.path())!, 'utf8'));
    const idColumn = rows[0].indexOf('Số định danh');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    expect(
      rows
        .slice(1)
        .map((r) => r[idColumn])
        .sort(),
    ).toEqual(q1Expected);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Xuất Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readXlsx((await xlsx.path())!);
    expect(sheet[0]).toEqual(rows[0]);
    expect(
      sheet
        .slice(1)
        .map((r) => String(r[idColumn]))
        .sort(),
    ).toEqual(q1Expected);
    await expect(list.getByRole('status').last().innerText()).resolves.toContain('Đã xuất');
    await screenshot(page, 'follow-up');
    await expectAccessible(page, 'follow-up');
    await context.close();

    // Each export was its own read through the gateway: the auditor sees it, operation name and all.
    expect(exportIds.length).toBe(2);
    for (const correlationId of exportIds) {
      const log = await gateway(
        'auditor',
        `query($c: String) { accessLog(filter: { correlationId: $c }, first: 100) { edges { node { citizenId operationName purpose subject } } } }`,
        { c: correlationId },
        { purpose: 'AUDIT' },
      );
      const entries = (log.data.accessLog.edges as any[]).map((e) => e.node);
      expect(new Set(entries.map((e) => e.operationName))).toEqual(new Set(['Export_FollowUpQ1']));
      expect(new Set(entries.map((e) => e.subject))).toEqual(new Set([`dev-commune-officer-${COMMUNE}`]));
      const logged = new Set(entries.map((e) => e.citizenId));
      expect(q1Expected.filter((id) => !logged.has(id))).toEqual([]);
    }
  });

  it('an expired token leads back to sign-in, saying so', async () => {
    const files = devIssuerFiles(run.issuerDir);
    const jwk = JSON.parse(fs.readFileSync(files.privateKeyFile, 'utf8')) as JWK & { kid: string };
    const expired = await new SignJWT({ role: 'coordinator' })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
      .setSubject('dev-coordinator')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('2h ago')
      .sign(await importJWK(jwk, 'ES256'));
    const { context, page } = await newPage();
    await signIn(page, 'coordinator');
    await page.locator('[data-ready="dashboard-health"]').waitFor();
    // The session keeps its (future) expiry; only the gateway knows the token is no longer valid.
    await page.evaluate((token) => {
      const session = JSON.parse(sessionStorage.getItem('nct.session')!);
      sessionStorage.setItem('nct.session', JSON.stringify({ ...session, accessToken: token }));
    }, expired);
    const refused = page.waitForResponse((res) => res.url() === `${origin}/graphql` && res.status() === 401);
    await page.reload();
    await refused;
    await page.locator('[data-notice="expired"]').waitFor();
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem('nct.session'))).resolves.toBeNull();
    await context.close();
  });
});

describe('one agency down', () => {
  it('the person page and the dashboard say which agency’s part is missing; the rest works', async () => {
    await run.system.killSubgraph('health');
    const people = await gateway(
      'commune-officer',
      `query($c: String) { people(filter: { communeCode: $c }, first: 1) { edges { node { citizenId fullName } } } }`,
      { c: COMMUNE },
      { commune: COMMUNE },
    );
    const person = people.data.people.edges[0].node;
    const { context, page } = await newPage();
    await signIn(page, 'commune-officer', { commune: COMMUNE });
    await page.goto(`${origin}/app/#/person/${person.citizenId}`);
    await page.locator('[data-ready="person"]').waitFor();
    const health = page.locator('[data-agency="health"]');
    await expect(health.getAttribute('data-state')).resolves.toBe('unavailable');
    await expect(health.innerText()).resolves.toContain('Phần dữ liệu của Sở Y tế tạm thời không có');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(person.fullName);
    await expect(page.locator('[data-agency="homeaffairs"]').getAttribute('data-state')).resolves.toBe('shown');
    await expect(page.locator('[data-agency="association"]').getAttribute('data-state')).resolves.toBe('shown');
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|at \w+ \(/);
    await screenshot(page, 'person-health-down');
    await context.close();

    const dash = await newPage();
    await signIn(dash.page, 'coordinator');
    const section = dash.page.locator('[data-section="health-coverage"]');
    await section.locator('[data-problem="unavailable"][data-service="health"]').first().waitFor({ timeout: 30_000 });
    await dash.page.locator('[data-ready="dashboard-clubs"]').waitFor();
    await dash.page.locator('[data-ready="dashboard-legacy"]').waitFor();
    await dash.context.close();
  });
});
