// The IDE in a real browser, on a network with no internet: every request that does not go
// to the gateway's own origin is aborted and recorded, and the test fails if there was any.
// GraphiQL must render, run its default query and show the fake subgraphs' data.
// Chromium is Debian's package (scripts/ensure-chromium.js).
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@nct/testing';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, PEOPLE, startHealth, startHomeaffairs, testAuth } from './fixtures';

jest.setTimeout(60_000);

describe('GraphiQL in Chromium, offline', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;
  let origin: string;
  let browser: Browser;
  let page: Page;
  /** Requests to anything but the gateway (aborted). */
  const foreign: string[] = [];
  /** Requests to the gateway: method and path. */
  const local: string[] = [];
  const problems: string[] = [];
  let token: string;

  beforeAll(async () => {
    [homeaffairs, health] = await Promise.all([startHomeaffairs(), startHealth()]);
    const kit = await testAuth();
    token = await kit.token('commune-officer', { commune: '00004' });
    gateway = await startTestGateway([homeaffairs, health], {
      auth: kit.auth,
      ideCitizenId: PEOPLE[1].citizenId,
      ideToken: token,
    });
    origin = new URL(gateway.url).origin;
    browser = await launchChromium();
    const context = await browser.newContext();
    // Everything the page, its workers included, asks for passes through here.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      if (new URL(url).origin === origin) {
        local.push(`${route.request().method()} ${new URL(url).pathname}`);
        return route.continue();
      }
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await Promise.all([homeaffairs?.stop(), health?.stop()]);
  });

  it('renders, runs the default query and shows the data, with no request off the gateway', async () => {
    await page.goto(`${origin}/`);
    // GraphiQL rendered: the query editor (Monaco) holds the first default tab.
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.graphiql-query-editor .view-lines').first().getByText('query People').waitFor({ timeout: 15_000 });
    // Two tabs: people, then the person.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(2);

    const executed = page.waitForResponse(
      (res) => res.url() === gateway.url && res.request().method() === 'POST' && /query People/.test(res.request().postData() ?? ''),
    );
    await page.locator('button.graphiql-execute-button').click();
    const response = await executed;
    expect(response.status()).toBe(200);
    // Sent with the development token and purpose from the headers pane.
    expect(response.request().headers()).toMatchObject({ authorization: `Bearer ${token}`, 'x-access-purpose': 'CARE_COORDINATION' });

    // The answer joins both fake subgraphs; the result pane shows it (Monaco draws only the
    // lines in view: the first person's name is among them).
    const body = (await response.json()) as {
      data: { people: { edges: Array<{ node: { fullName: string; insuranceCard: { code: string } } }> } };
    };
    expect(body.data.people.edges[0].node).toMatchObject({ fullName: 'Nguyễn Văn An', insuranceCard: { code: 'BT2010012345678' } });
    const result = page.locator('.graphiql-response');
    await result.getByText('"Nguyễn Văn An"').first().waitFor({ timeout: 15_000 });
    await result.getByText('"001055000001"').first().waitFor({ timeout: 5_000 });

    expect(foreign).toEqual([]);
    expect(local).toEqual(
      expect.arrayContaining([
        'GET /',
        expect.stringMatching(/^GET \/ide\/graphiql\..+\.js$/),
        expect.stringMatching(/^GET \/ide\/worker-graphql\..+\.js$/),
        'POST /graphql',
      ]),
    );
    // No script error, no Content-Security-Policy violation (the CSP blocks a foreign request
    // before the route above would see it, and reports it on the console).
    expect(problems).toEqual([]);
  });
});
