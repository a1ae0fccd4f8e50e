import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type HttpRoute } from '@nct/subgraph-kit';
import { scriptJson } from '../script-json';

/**
 * The officials' web app (apps/web, built by Vite into apps/web/dist) served by the gateway at
 * `/app/`, from the same origin as `/graphql`: no CORS, and a Content-Security-Policy that allows
 * scripts, styles and requests from this origin only (plus the identity provider's origin for
 * the OpenID Connect token request). The files are read once at start (a few hundred KB), so
 * a request can only ever get one of them: no path from the URL reaches the file system.
 */
export const WEB_APP_PREFIX = '/app/';

/** The OpenID Connect client the app signs in with (production; docs/web-app.md). */
export interface WebAppOidc {
  /** Issuer URL: `<issuer>/.well-known/openid-configuration` is its discovery document. May be a path on this origin. */
  issuer: string;
  clientId: string;
  scope: string;
  /** Sent as `audience` on the authorization request, for providers that need it to issue a JWT for the gateway. */
  audience?: string;
}

export interface WebAppOptions {
  /** The built app (index.html and assets/). */
  dir: string;
  /** The province the dashboard shows (WEB_PROVINCE_CODE). */
  provinceCode: string;
  /** Today as the system sees it (NCT_TODAY when pinned): the app's default year, quarter and dates. */
  today: () => string;
  oidc?: WebAppOidc;
}

/** What the app reads at start from `/app/config.json`. */
export interface WebAppRuntimeConfig {
  provinceCode: string;
  today: string;
  auth: {
    /** Development only: the role picker's token endpoint on this origin. */
    devTokenEndpoint: string | null;
    oidc: WebAppOidc | null;
  };
}

/** The page's policy: everything from this origin; the identity provider for the token request. */
export function webAppCsp(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

interface StaticFile {
  type: string;
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
  /** Vite names its assets by content hash: cached for a year. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every servable file of the build, by path relative to `dir` (`index.html`, `assets/x.js`); null without index.html. */
export function readWebApp(dir: string): Map<string, StaticFile> | null {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return null;
  const files = new Map<string, StaticFile>();
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      // Vite's manifest (.vite/) and any other dot file are not served.
      if (entry.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        const type = TYPES[path.extname(entry.name)];
        if (!type) continue;
        const body = fs.readFileSync(path.join(dir, rel));
        const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
        files.set(rel, { type, body, etag: `"${hash}"`, immutable: rel.startsWith('assets/') });
      }
    }
  };
  walk('');
  return files;
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
  };
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: StaticFile, csp: string): void {
  const headers = {
    ...securityHeaders(csp),
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: file.etag,
    vary: 'accept-encoding',
  };
  const tags = String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/);
  if (tags.includes(file.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (file.body.length > 1024) file.gzipped ??= gzipSync(file.body);
  const gzip = !!file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped! : file.body;
  res.writeHead(200, {
    ...headers,
    'content-type': file.type,
    'content-length': body.length,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null; // a path on this origin
  }
}

/**
 * Routes for `startHttpServer`: `/app` (redirect), `/app/config.json` (the runtime
 * configuration) and the built files under `/app/`; null when `dir` holds no build.
 * `devTokenEndpoint`: the development role picker's endpoint, when development sign-in is on.
 */
export function webAppRoutes(options: WebAppOptions, devTokenEndpoint: string | null): HttpRoute[] | null {
  const files = readWebApp(options.dir);
  if (!files) return null;
  const connect = options.oidc ? [originOf(options.oidc.issuer)].filter((o): o is string => !!o) : [];
  const csp = webAppCsp(connect);
  const index = files.get('index.html')!;
  const runtimeConfig = (): WebAppRuntimeConfig => ({
    provinceCode: options.provinceCode,
    today: options.today(),
    auth: { devTokenEndpoint, oidc: options.oidc ?? null },
  });
  // The page carries its configuration (a JSON data block: not a script, so the CSP allows it),
  // saving the app a round trip before its first query; `/app/config.json` serves the same.
  const indexWithConfig = (): StaticFile => {
    const body = Buffer.from(
      index.body
        .toString('utf8')
        .replace('</head>', `<script type="application/json" id="nct-config">${scriptJson(runtimeConfig())}</script></head>`),
      'utf8',
    );
    return { ...index, body, gzipped: undefined, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
  };
  return [
    {
      methods: ['GET', 'HEAD'],
      path: '/app',
      handle: (_req, res) => {
        res.writeHead(301, { location: WEB_APP_PREFIX });
        res.end();
      },
    },
    {
      methods: ['GET', 'HEAD'],
      path: `${WEB_APP_PREFIX}config.json`,
      handle: (_req, res) => {
        res.setHeader('cache-control', 'no-store');
        for (const [name, value] of Object.entries(securityHeaders(csp))) res.setHeader(name, value);
        sendJson(res, 200, runtimeConfig());
      },
    },
    {
      methods: ['GET', 'HEAD'],
      path: WEB_APP_PREFIX,
      prefix: true,
      handle: (req, res, url) => {
        const rel = url.pathname.slice(WEB_APP_PREFIX.length);
        const file = rel === '' || rel === 'index.html' ? indexWithConfig() : files.get(rel);
        if (!file) {
          for (const [name, value] of Object.entries(securityHeaders(csp))) res.setHeader(name, value);
          sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy / Not found' } });
          return;
        }
        sendFile(req, res, file, csp);
      },
    },
  ];
}
