import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { installNetworkGuard, isLoopbackHost, networkGuardEnv, readNetworkGuardLog } from './network-guard';

// The guard that test/e2e/no-phone-home.test.ts relies on: it must see every way a Node process
// can leave the machine (or the e2e test's empty log would prove nothing), and must not get in
// the way of loopback traffic (or the system under test would not run).

const run = promisify(execFile);
let dir: string;
let logFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-guard-'));
  logFile = path.join(dir, 'attempts.jsonl');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a script in a fresh Node process with the guard preloaded; returns what it printed. */
async function guarded(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['-e', script], { env: { ...process.env, ...networkGuardEnv(logFile) }, timeout: 20_000 });
  return stdout;
}

const EVERY_WAY_OUT = `
const net = require('node:net'), tls = require('node:tls'), dns = require('node:dns'), dgram = require('node:dgram'), http = require('node:http');
const failed = (p) => p.then(() => 'connected', (e) => e.code ?? e.cause?.code ?? e.message);
const onError = (emitter) => new Promise((resolve) => { emitter.on('error', (e) => resolve(e.code)); emitter.on('connect', () => resolve('connected')); });
(async () => {
  const server = http.createServer((req, res) => res.end('ok')).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = server.address().port;
  const out = {
    loopback: await (await fetch('http://127.0.0.1:' + port + '/')).text(),
    localhost: await (await fetch('http://localhost:' + port + '/')).text(),
    lookupLocalhost: await dns.promises.lookup('localhost').then((a) => a.address),
    net: await onError(net.connect(80, '10.255.255.1')),
    tls: await onError(tls.connect({ host: '203.0.113.7', port: 443 })),
    fetch: await failed(fetch('http://169.254.169.254/latest/meta-data/')),
    http: await onError(http.get('http://metadata.google.internal/computeMetadata/v1/')),
    lookup: await new Promise((resolve) => dns.lookup('example.com', (e) => resolve(e && e.code))),
    resolve4: await failed(dns.promises.resolve4('example.com')),
    resolveSrv: await failed(new dns.promises.Resolver().resolveSrv('_mongodb._tcp.example.com')),
  };
  const udp = dgram.createSocket('udp4');
  out.udp = await new Promise((resolve) => udp.send('x', 53, '8.8.8.8', (e) => resolve(e && e.code)));
  udp.close();
  server.close();
  console.log(JSON.stringify(out));
})();
`;

describe('network guard', () => {
  it('records and refuses every way out of the machine, and lets loopback through', async () => {
    const out = JSON.parse(await guarded(EVERY_WAY_OUT));
    expect(out).toEqual({
      loopback: 'ok',
      localhost: 'ok',
      lookupLocalhost: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
      net: 'ECONNREFUSED',
      tls: 'ECONNREFUSED',
      fetch: 'ECONNREFUSED',
      http: 'ECONNREFUSED',
      lookup: 'ENOTFOUND',
      resolve4: 'ENOTFOUND',
      resolveSrv: 'ENOTFOUND',
      udp: 'ECONNREFUSED',
    });
    const log = readNetworkGuardLog(logFile);
    expect(log.guarded).toHaveLength(1);
    expect(log.attempts.map((a) => `${a.kind} ${a.target}`)).toEqual([
      'connect 10.255.255.1:80',
      'connect 203.0.113.7:443',
      'connect 169.254.169.254:80',
      'connect metadata.google.internal:80',
      'dns.lookup example.com',
      'dns.promises.resolve4 example.com',
      'dns.promises.Resolver#resolveSrv _mongodb._tcp.example.com',
      'udp-send 8.8.8.8:53',
    ]);
    expect(log.attempts.every((a) => a.pid === log.guarded[0].pid)).toBe(true);
  });

  it('watches the processes a guarded process starts (NODE_OPTIONS is inherited)', async () => {
    await guarded(`
      const { spawnSync } = require('node:child_process');
      spawnSync(process.execPath, ['-e', "require('node:net').connect(443, '10.255.255.1').on('error', () => {})"], { stdio: 'inherit' });
    `);
    const log = readNetworkGuardLog(logFile);
    expect(log.guarded).toHaveLength(2);
    expect(log.attempts).toHaveLength(1);
    expect(log.attempts[0]).toMatchObject({ kind: 'connect', target: '10.255.255.1:443' });
    expect(log.attempts[0].pid).not.toBe(log.guarded[0].pid);
  });

  it('guards this process while installed, then puts everything back', async () => {
    const original = net.Socket.prototype.connect;
    const uninstall = installNetworkGuard(logFile);
    try {
      expect(net.Socket.prototype.connect).not.toBe(original);
      await expect(fetch('http://10.255.255.1:8080/')).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    } finally {
      uninstall();
    }
    expect(net.Socket.prototype.connect).toBe(original);
    expect(readNetworkGuardLog(logFile).attempts.map((a) => a.target)).toEqual(['10.255.255.1:8080']);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.12.0.3', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['10.0.0.1', false],
    ['169.254.169.254', false],
    ['::ffff:10.0.0.1', false],
    ['0.0.0.0', false],
    ['fe80::1', false],
    ['metadata.google.internal', false],
    ['localhost.example.com', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
