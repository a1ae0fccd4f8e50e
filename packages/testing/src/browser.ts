import fs from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';

/** Where a system Chromium is looked for, after `CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The Chromium executable browser tests drive: `CHROMIUM_PATH`, else the system's (Debian's
 * `chromium` package; `scripts/ensure-chromium.js`, run by `.ci/run`, installs it). Playwright's
 * own browser download is never used: the machines reach package registries only.
 */
export function chromiumPath(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}): run "node scripts/ensure-chromium.js" as root, or set CHROMIUM_PATH`,
    );
  }
  return found;
}

/** Launches headless Chromium through playwright-core (no sandbox: CI runs as root). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ headless: true, ...options, executablePath: chromiumPath(), args: ['--no-sandbox', ...(options.args ?? [])] });
}
