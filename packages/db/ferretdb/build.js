// Builds (once) the embedded FerretDB server from packages/db/ferretdb with the Go toolchain,
// into the repo's ignored cache folder. Plain CommonJS so that it runs before any TypeScript build.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const SOURCE_DIR = __dirname;
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'ferretdb');

function sourceHash() {
  const h = crypto.createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) h.update(fs.readFileSync(path.join(SOURCE_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

function binaryPath() {
  return path.join(CACHE_DIR, `nct-ferretdb-${sourceHash()}`);
}

function hasGo() {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Returns the path of a built binary, building it when absent. Throws with the exact command on failure. */
function ensureBinary({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const bin = binaryPath();
  if (fs.existsSync(bin)) return bin;
  if (!hasGo()) {
    throw new Error('The embedded database needs the Go toolchain to build FerretDB once (`go` not found on PATH). Install Go, or set MONGODB_URI.');
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lock = path.join(CACHE_DIR, '.build-lock');
  const deadline = Date.now() + 15 * 60 * 1000;
  // A directory is an atomic lock between concurrent builders (parallel test workers).
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (fs.existsSync(bin)) return bin;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}; remove it if no build is running.`);
      sleep(1000);
    }
  }
  try {
    if (fs.existsSync(bin)) return bin;
    const tmp = `${bin}.tmp-${process.pid}`;
    const args = ['build', '-buildvcs=false', '-trimpath', '-o', tmp, '.'];
    log(`[db] building the embedded FerretDB server (first run only, about 2-3 minutes): (cd ${path.relative(REPO_ROOT, SOURCE_DIR)} && go ${args.join(' ')})`);
    try {
      execFileSync('go', args, { cwd: SOURCE_DIR, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CGO_ENABLED: '0' } });
    } catch (err) {
      throw new Error(`Building FerretDB failed: (cd ${SOURCE_DIR} && go ${args.join(' ')}) exited with ${err.status}`);
    }
    fs.renameSync(tmp, bin);
    return bin;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureBinary, binaryPath, hasGo, CACHE_DIR, REPO_ROOT };

if (require.main === module) {
  console.log(ensureBinary());
}
