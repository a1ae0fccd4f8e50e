import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse, print } from 'graphql';
import type { HttpRoute } from '@nct/subgraph-kit';
import { defaultTabs, PERSON_QUERY } from './default-query';
import { scriptJson } from '../script-json';

/**
 * The GraphQL IDE: GraphiQL as bundled by `@graphql-yoga/render-graphiql` (its exported
 * `graphiql` module holds the script, the stylesheet, the favicon and Monaco's three
 * workers as strings). The gateway serves each one as a file of its own under `/ide/`, so
 * the page is a few KB, every asset is cacheable and the page's Content-Security-Policy
 * allows scripts from its own origin only (no inline script). Nothing is fetched from any
 * other host: the IDE works on a network with no internet.
 */
export const IDE_PREFIX = '/ide/';

/**
 * The package's `graphiql` module (exported: `"./*"` in its exports map; typed here because
 * the repository's `moduleResolution: node` does not read exports maps), loaded on first use.
 */
interface GraphiqlBundle {
  js: string;
  css: string;
  /** A `data:image/x-icon;base64,` URL. */
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}
let bundle: GraphiqlBundle | undefined;
function graphiql(): GraphiqlBundle {
  bundle ??= require('@graphql-yoga/render-graphiql/graphiql') as GraphiqlBundle;
  return bundle;
}

/**
 * Runs before GraphiQL's script: Monaco asks `getWorkerUrl` for its workers (same-origin
 * files); once the document is parsed, GraphiQL is rendered with the page's JSON options.
 */
const BOOT_JS = `(function () {
  var config = JSON.parse(document.getElementById('ide-config').textContent);
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) { return config.workers[label] || config.workers.editorWorkerService; },
  };
  document.addEventListener('DOMContentLoaded', function () {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), config.graphiql);
  });
})();
`;

/**
 * The page's policy (also sent as a header on `/`): scripts and workers from this origin
 * only; inline styles (GraphiQL and Monaco set them at run time); fonts and images inlined
 * as `data:` in GraphiQL's stylesheet; requests to this origin only.
 */
export const IDE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

interface Asset {
  /** Path under IDE_PREFIX. */
  name: string;
  type: string;
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
  /** Content-addressed name: cached for a year. */
  immutable: boolean;
}

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 16);
}

function makeAsset(base: string, ext: string, type: string, content: string | Buffer, immutable = true): Asset {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const hash = hashOf(body);
  return { name: immutable ? `${base}.${hash}.${ext}` : `${base}.${ext}`, type, body, etag: `"${hash}"`, immutable };
}

const JS = 'application/javascript; charset=utf-8';
let assets: Map<string, Asset> | undefined;
/** GraphiQL's files, by name, built once per process. */
function ideAssets(): Map<string, Asset> {
  if (!assets) {
    const g = graphiql();
    const favicon = /^data:([^;,]+);base64,(.*)$/s.exec(g.favicon);
    const list = [
      makeAsset('graphiql', 'js', JS, g.js),
      makeAsset('graphiql', 'css', 'text/css; charset=utf-8', g.css),
      makeAsset('worker-editor', 'js', JS, g.editorWorkerService),
      makeAsset('worker-json', 'js', JS, g.jsonWorker),
      makeAsset('worker-graphql', 'js', JS, g.graphqlWorker),
      makeAsset('boot', 'js', JS, BOOT_JS),
      ...(favicon ? [makeAsset('favicon', 'ico', favicon[1], Buffer.from(favicon[2], 'base64'))] : []),
    ];
    assets = new Map(list.map((a) => [a.name, a]));
  }
  return assets;
}

function assetUrl(base: string, ext: string): string {
  const asset = [...ideAssets().values()].find((a) => a.name.startsWith(`${base}.`) && a.name.endsWith(`.${ext}`));
  if (!asset) throw new Error(`IDE asset ${base}.${ext} missing`);
  return IDE_PREFIX + asset.name;
}

export interface IdePageOptions {
  /** HTTP headers every tab starts with (development: a token and a purpose). */
  headers?: Record<string, string>;
  /** GraphQL endpoint path, relative to the page's own origin. */
  endpoint?: string;
  /** Opens a second tab with `person(citizenId:)` for this id. */
  citizenId?: string;
  /** Type of `Query.person(citizenId:)` in the served supergraph (default `ID!`). */
  citizenIdType?: string;
}

/** The declared type of `Query.person`'s `citizenId` argument, if the supergraph has one. */
export function citizenIdArgType(supergraphSdl: string): string | undefined {
  for (const def of parse(supergraphSdl).definitions) {
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Query') {
      const arg = def.fields?.find((f) => f.name.value === 'person')?.arguments?.find((a) => a.name.value === 'citizenId');
      if (arg) return print(arg.type);
    }
  }
  return undefined;
}

/** The options handed to `renderYogaGraphiQL` (the `GraphiQLOptions` of graphql-yoga). */
export function ideGraphiqlOptions(options: IdePageOptions = {}) {
  const headers = options.headers ? JSON.stringify(options.headers, null, 2) : undefined;
  return {
    title: 'NCT',
    endpoint: options.endpoint ?? '/graphql',
    credentials: 'same-origin' as const,
    defaultEditorToolsVisibility: true,
    ...(headers ? { headers } : {}),
    defaultTabs: defaultTabs(options.citizenId).map((tab) => ({
      query:
        tab.query === PERSON_QUERY && options.citizenIdType
          ? tab.query.replace('$citizenId: ID!', `$citizenId: ${options.citizenIdType}`)
          : tab.query,
      variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : null,
      headers: headers ?? null,
    })),
  };
}

/** The IDE's HTML page: a few KB, its options as JSON, every asset under `/ide/`. */
export function renderIde(options: IdePageOptions = {}): string {
  const config = {
    workers: {
      editorWorkerService: assetUrl('worker-editor', 'js'),
      json: assetUrl('worker-json', 'js'),
      graphql: assetUrl('worker-graphql', 'js'),
    },
    graphiql: ideGraphiqlOptions(options),
  };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${IDE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NCT — GraphiQL</title>
<link rel="icon" href="${assetUrl('favicon', 'ico')}">
<link rel="stylesheet" href="${assetUrl('graphiql', 'css')}">
<style>body { margin: 0; height: 100vh; } #root { height: 100vh; }</style>
</head>
<body class="no-focus-outline">
<noscript>GraphiQL cần JavaScript. / GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script type="application/json" id="ide-config">${scriptJson(config)}</script>
<script src="${assetUrl('boot', 'js')}"></script>
<script src="${assetUrl('graphiql', 'js')}"></script>
</body>
</html>
`;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  asset: Pick<Asset, 'type' | 'body' | 'etag'> & { gzipped?: Buffer },
  headers: Record<string, string>,
): void {
  if (
    String(req.headers['if-none-match'] ?? '')
      .split(/\s*,\s*/)
      .includes(asset.etag)
  ) {
    res.writeHead(304, { etag: asset.etag, vary: 'accept-encoding', ...headers });
    res.end();
    return;
  }
  const gzip = !!asset.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzipped! : asset.body;
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function serveAsset(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const asset = ideAssets().get(url.pathname.slice(IDE_PREFIX.length));
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Không tìm thấy / Not found');
    return;
  }
  // Compressed on first request, once per process (the script is ~5 MB, ~1.3 MB gzipped).
  if (asset.body.length > 1024) asset.gzipped ??= gzipSync(asset.body);
  send(req, res, asset, { 'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
}

/** A page ready to serve: its bytes, gzipped bytes and strong ETag. */
export interface IdePage {
  html: string;
  type: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export function idePage(html: string): IdePage {
  const body = Buffer.from(html, 'utf8');
  return { html, type: 'text/html; charset=utf-8', body, gzipped: gzipSync(body), etag: `"${hashOf(body)}"` };
}

/** Answers a request with the page (GET and HEAD): revalidated each time, with its CSP. */
export function sendIdeHtml(req: IncomingMessage, res: ServerResponse, page: IdePage): void {
  send(req, res, page, {
    'cache-control': 'no-cache',
    'content-security-policy': `${IDE_CSP}; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
  });
}

/** Routes for `startHttpServer`: the page at `/` and GraphiQL's files under `/ide/`. */
export function ideRoutes(page: IdePage): HttpRoute[] {
  return [
    { methods: ['GET', 'HEAD'], path: '/', handle: (req, res) => sendIdeHtml(req, res, page) },
    { methods: ['GET', 'HEAD'], path: IDE_PREFIX, prefix: true, handle: serveAsset },
  ];
}
