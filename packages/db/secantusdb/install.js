// Installs (once) the embedded database server, SecantusDB, from PyPI into a Python virtual
// environment under the repo's ignored cache folder. Plain CommonJS so that it runs before any
// TypeScript build (`npm run db:prepare`, `.ci/run`) and from the compiled `@nct/db`.
//
// SecantusDB is GPL-2.0 and runs as a separate process that we start and talk to over the
// MongoDB wire protocol; nothing of it is linked into this project. Its authors describe it as
// a database for development and tests, not for production data (docs/database.md).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The exact version the project is tested on. Change it here only, with a note in docs/database.md. */
const SECANTUSDB_VERSION = '0.7.0b3';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VENV_DIR = path.join(REPO_ROOT, '.cache', `secantusdb-${SECANTUSDB_VERSION}`);
const MIN_PYTHON = [3, 10];
const MAX_PYTHON = [3, 13]; // the newest CPython the pinned version ships wheels for

function serverPath() {
  return path.join(VENV_DIR, 'bin', 'secantusd-py');
}

function pythonVersion(cmd) {
  const r = spawnSync(cmd, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) return null;
  const [major, minor] = r.stdout.trim().split('.').map(Number);
  return { cmd, major, minor };
}

/** The first Python 3.10-3.13 on PATH (`NCT_PYTHON` wins), or null. */
function findPython() {
  const inRange = (v) =>
    v && (v.major > MIN_PYTHON[0] || v.minor >= MIN_PYTHON[1]) && v.major === MAX_PYTHON[0] && v.minor <= MAX_PYTHON[1];
  const candidates = process.env.NCT_PYTHON
    ? [process.env.NCT_PYTHON]
    : ['python3', 'python3.13', 'python3.12', 'python3.11', 'python3.10', 'python'];
  for (const cmd of candidates) {
    const v = pythonVersion(cmd);
    if (inRange(v)) return v.cmd;
  }
  return null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new Error(`${what} failed (${[cmd, ...args].join(' ')}):\n${(r.stderr || r.stdout || String(r.error)).slice(-3000)}`);
  }
}

/**
 * Returns the path of the `secantusd-py` launcher, creating the virtual environment and
 * installing the pinned SecantusDB from PyPI on first use. Several processes may call this at
 * once (turbo runs workspaces in parallel): one installs, the others wait for it.
 */
function ensureServer({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const bin = serverPath();
  const marker = path.join(VENV_DIR, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(bin)) return bin;
  const python = findPython();
  if (!python) {
    throw new Error(
      'The embedded database (SecantusDB) needs Python 3.10 to 3.13 with venv: none found on PATH. ' +
        'Install one (Debian: apt-get install python3 python3-venv), point NCT_PYTHON at it, or set MONGODB_URI.',
    );
  }
  fs.mkdirSync(path.dirname(VENV_DIR), { recursive: true });
  const lock = `${VENV_DIR}.lock`;
  const deadline = Date.now() + 10 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (fs.existsSync(marker)) return bin;
      // A lock older than the longest install belongs to a process that died: take it over.
      if (Date.now() - fs.statSync(lock).mtimeMs > 10 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for another process to install SecantusDB (${lock})`);
      sleep(500);
    }
  }
  try {
    if (fs.existsSync(marker) && fs.existsSync(bin)) return bin;
    log(`[db] installing SecantusDB ${SECANTUSDB_VERSION} from PyPI into ${path.relative(REPO_ROOT, VENV_DIR)} (once) ...`);
    fs.rmSync(VENV_DIR, { recursive: true, force: true });
    run(python, ['-m', 'venv', VENV_DIR], 'creating the Python virtual environment');
    const pip = path.join(VENV_DIR, 'bin', 'pip');
    run(
      pip,
      ['install', '--quiet', '--disable-pip-version-check', '--no-input', `secantusdb==${SECANTUSDB_VERSION}`],
      'pip install secantusdb',
    );
    if (!fs.existsSync(bin)) throw new Error(`SecantusDB installed but ${bin} is missing`);
    fs.writeFileSync(marker, `${SECANTUSDB_VERSION}\n`);
    log(`[db] SecantusDB ${SECANTUSDB_VERSION} installed`);
    return bin;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureServer, findPython, serverPath, SECANTUSDB_VERSION, REPO_ROOT, VENV_DIR };
