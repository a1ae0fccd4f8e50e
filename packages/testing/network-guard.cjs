// Network guard for tests: preload it into a Node process (`node --require <this file>`, or
// `NODE_OPTIONS=--require <this file>` so that every child process inherits it) and any attempt
// to reach a host that is not this machine's loopback is recorded and refused:
//   - TCP and TLS connects (`net.Socket#connect`: `net.connect`, `tls.connect`, `http(s).request`,
//     the global `fetch` (undici), database drivers, gRPC, ... all end there),
//   - UDP sends and connects (`dgram`),
//   - name resolution (`dns.lookup`, `dns.resolve*`, `dns.reverse`, also through `dns.promises`
//     and `Resolver` objects) of anything but `localhost` or a loopback address.
// Each attempt is appended as one JSON line to the file named by NCT_NETWORK_GUARD_LOG, then
// fails the way an unreachable network would (ECONNREFUSED / ENOTFOUND), so the code under test
// takes its ordinary error path and the test reads the file afterwards (a first line per process,
// kind `guard-installed`, says the process was watched). Preloaded, the guard
// installs itself when NCT_NETWORK_GUARD_LOG is set; a test process can also `install(file)`
// it for a while and `uninstall()` it.
//
// Plain CommonJS on purpose: the processes it guards run compiled JavaScript, and it has to load
// before anything else in them. It guards Node code only; a process in another language (the
// embedded database is Python) is checked from outside, through /proc (test/e2e/no-phone-home).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

const LOG_ENV = 'NCT_NETWORK_GUARD_LOG';
/** The `kind` of the line a process writes when the guard starts watching it. */
const INSTALLED = 'guard-installed';
/** Where attempts are recorded while installed; null: not installed. */
let logFile = null;

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms; `localhost` names the same. */
function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default: localhost
  let h = String(host).toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h.startsWith('::ffff:')) h = h.slice('::ffff:'.length);
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** Appends one attempt to the log; never throws (the guard must not change what it observes). */
function record(kind, target) {
  const entry = {
    kind,
    target,
    pid: process.pid,
    script: process.argv[1] || process.argv0,
    // A few frames of our caller's stack, so a failing test says which code tried.
    stack: (new Error().stack || '')
      .split('\n')
      .slice(3, 11)
      .map((l) => l.trim()),
  };
  const line = `${JSON.stringify(entry)}\n`;
  try {
    fs.appendFileSync(logFile, line);
  } catch {
    process.stderr.write(`[network-guard] ${line}`); // the log is unwritable: still say it, still refuse
  }
}

function refusal(code, what) {
  const err = new Error(`network guard: ${what} refused (not loopback)`);
  err.code = code;
  return err;
}

/** Host and port a `Socket#connect(...)` call aims at, or a unix socket path. */
function connectTarget(args) {
  let [first, second] = args;
  if (Array.isArray(first)) first = first[0]; // Node's internal normalized form: [options, cb]
  if (first !== null && typeof first === 'object') {
    if (first.path) return { path: String(first.path) }; // as Node decides: a pipe when `path` is truthy
    return { host: first.host ?? first.hostname ?? 'localhost', port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

const originals = {};

/** Records attempts into `file` and refuses them, in this process, until uninstall(). */
function install(file) {
  if (!file) throw new Error('network guard: install(file) needs the file to record attempts in');
  if (logFile !== null) throw new Error('network guard: already installed');
  logFile = file;
  // A line saying this process is guarded, so a test can tell "nothing tried" from "not guarded".
  try {
    fs.appendFileSync(logFile, `${JSON.stringify({ kind: INSTALLED, pid: process.pid, script: process.argv[1] || process.argv0 })}\n`);
  } catch {
    /* the attempts, if any, still go to stderr */
  }

  originals.connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const target = connectTarget(args);
    if (target.path === undefined && !isLoopback(target.host)) {
      record('connect', `${target.host}:${target.port}`);
      const socket = this;
      socket.connecting = true; // as during a real connect: writes wait, then fail with the refusal
      process.nextTick(() => socket.destroy(refusal('ECONNREFUSED', `connection to ${target.host}:${target.port}`)));
      return socket;
    }
    return originals.connect.apply(this, args);
  };

  originals.udpSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(msg, ...rest) {
    // send(msg[, offset, length], port[, address][, callback]); connected sockets omit port and address.
    const numbers = rest.filter((a) => typeof a === 'number');
    const address = rest.find((a) => typeof a === 'string');
    if (numbers.length > 0 && !isLoopback(address)) {
      record('udp-send', `${address}:${numbers[numbers.length - 1]}`);
      const cb = rest.find((a) => typeof a === 'function');
      if (cb) process.nextTick(cb, refusal('ECONNREFUSED', `UDP datagram to ${address}`));
      return;
    }
    return originals.udpSend.call(this, msg, ...rest);
  };
  originals.udpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, cb) {
    const host = typeof address === 'string' ? address : undefined;
    if (!isLoopback(host)) {
      record('udp-connect', `${host}:${port}`);
      const callback = typeof address === 'function' ? address : cb;
      const err = refusal('ECONNREFUSED', `UDP connect to ${host}`);
      if (callback) process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return;
    }
    return originals.udpConnect.apply(this, [port, address, cb]);
  };

  // Name resolution: lookups of loopback names go through; anything else would ask a DNS server.
  const callbackStyle = (name, fn) =>
    function guardedResolve(hostname, ...rest) {
      if (isLoopback(hostname)) return fn.call(this, hostname, ...rest);
      record(name, String(hostname));
      const cb = rest.find((a) => typeof a === 'function');
      if (cb) process.nextTick(cb, refusal('ENOTFOUND', `resolving ${hostname}`));
      return {};
    };
  const promiseStyle = (name, fn) =>
    function guardedResolve(hostname, ...rest) {
      if (isLoopback(hostname)) return fn.call(this, hostname, ...rest);
      record(name, String(hostname));
      return Promise.reject(refusal('ENOTFOUND', `resolving ${hostname}`));
    };
  const isResolver = (key) => key === 'lookup' || key === 'lookupService' || key === 'reverse' || key.startsWith('resolve');
  const wrapAll = (target, wrap, prefix) => {
    for (const key of Object.getOwnPropertyNames(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor || typeof descriptor.value !== 'function' || !isResolver(key)) continue;
      originals.dns.push([target, key, descriptor.value]);
      target[key] = wrap(`${prefix}${key}`, descriptor.value);
    }
  };
  originals.dns = [];
  wrapAll(dns, callbackStyle, 'dns.');
  wrapAll(dns.Resolver.prototype, callbackStyle, 'dns.Resolver#');
  wrapAll(dns.promises, promiseStyle, 'dns.promises.');
  wrapAll(dns.promises.Resolver.prototype, promiseStyle, 'dns.promises.Resolver#');
}

/** Puts every wrapped function back (for a test process that installed the guard itself). */
function uninstall() {
  if (logFile === null) return;
  net.Socket.prototype.connect = originals.connect;
  dgram.Socket.prototype.send = originals.udpSend;
  dgram.Socket.prototype.connect = originals.udpConnect;
  for (const [target, key, fn] of originals.dns) target[key] = fn;
  logFile = null;
}

if (process.env[LOG_ENV]) install(process.env[LOG_ENV]);

module.exports = { install, uninstall, isLoopback, LOG_ENV, INSTALLED };
