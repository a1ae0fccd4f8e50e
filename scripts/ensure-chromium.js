// Makes sure the browser tests have a Chromium (run by .ci/run before `npm test`): the
// system's Debian `chromium` package, driven by playwright-core (whose own browser download
// cannot be used: the machines reach package registries only). `CHROMIUM_PATH` overrides.
// Installs it with apt-get when running as root and it is missing; one clear line otherwise.
'use strict';
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function found() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`[chromium] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  process.exit(1);
}
let path = found();
if (!path) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(
      '[chromium] no Chromium found for the browser tests: install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH',
    );
    process.exit(1);
  }
  console.log("[chromium] installing Debian's chromium package for the browser tests (apt-get)...");
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  } catch (err) {
    console.error(`[chromium] apt-get install chromium failed: ${err.message}`);
    process.exit(1);
  }
  path = found();
  if (!path) {
    console.error('[chromium] apt-get finished but no Chromium executable was found');
    process.exit(1);
  }
}
console.log(`[chromium] ${path}`);
