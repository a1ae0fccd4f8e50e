import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderPlaygroundPage } from 'graphql-playground-html';
import { Kind, parse, print } from 'graphql';
import type { HttpRoute } from '@nct/subgraph-kit';
import { defaultTabs, PERSON_QUERY } from './default-query';

/**
 * GraphQL Playground, served entirely by the gateway: the page and every asset come from
 * the installed `graphql-playground-react` package, so the IDE works with no internet.
 */
export const ASSET_PREFIX = '/playground/';

const PACKAGE = 'graphql-playground-react';
const PACKAGE_DIR = path.dirname(require.resolve(`${PACKAGE}/package.json`));

/** The only files served, by their path under the package's `build/` folder. */
const ASSETS: Record<string, string> = {
  'static/js/middleware.js': 'application/javascript; charset=utf-8',
  'static/css/index.css': 'text/css; charset=utf-8',
  'favicon.png': 'image/png',
  'logo.png': 'image/png',
};

export interface PlaygroundPageOptions {
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

export function renderPlayground(options: PlaygroundPageOptions = {}): string {
  const endpoint = options.endpoint ?? '/graphql';
  const tabs = defaultTabs(options.citizenId).map((tab) => ({
    name: tab.name,
    endpoint,
    query: tab.query === PERSON_QUERY && options.citizenIdType ? tab.query.replace('$citizenId: ID!', `$citizenId: ${options.citizenIdType}`) : tab.query,
    variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : undefined,
    headers: options.headers,
  }));
  const html = renderPlaygroundPage({
    title: 'NCT — GraphQL Playground',
    endpoint,
    // Asset URLs become `/playground/graphql-playground-react/build/<file>` (no version).
    cdnUrl: ASSET_PREFIX.slice(0, -1),
    faviconUrl: `${ASSET_PREFIX}${PACKAGE}/build/favicon.png`,
    tabs,
    settings: {
      'request.credentials': 'same-origin',
      'schema.polling.enable': false,
      'editor.reuseHeaders': true,
      'tracing.hideTracingResponse': true,
    },
  });
  return (
    html
      // The template links Google Fonts; the page falls back to local fonts instead.
      .replace(/<link[^>]*fonts\.googleapis\.com[^>]*>/g, '')
      // An XML namespace declaration on the inline loading SVG: not needed in HTML, and
      // it keeps the page free of any "http://" reference.
      .replace(/\s+xmlns(?::\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '')
  );
}

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}
const cache = new Map<string, Asset>();

function loadAsset(file: string): Asset | undefined {
  const type = ASSETS[file];
  if (!type) return undefined;
  let asset = cache.get(file);
  if (!asset) {
    const body = fs.readFileSync(path.join(PACKAGE_DIR, 'build', file));
    asset = { type, body, gzipped: gzipSync(body) };
    cache.set(file, asset);
  }
  return asset;
}

function serveAsset(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const file = url.pathname.slice(`${ASSET_PREFIX}${PACKAGE}/build/`.length);
  const asset = url.pathname.startsWith(`${ASSET_PREFIX}${PACKAGE}/build/`) ? loadAsset(file) : undefined;
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Không tìm thấy / Not found');
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    'cache-control': 'public, max-age=86400',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers a request with the page (GET and HEAD). */
export function sendPlaygroundHtml(req: IncomingMessage, res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** Routes for `startHttpServer`: the assets under `/playground/`. */
export function playgroundAssetRoutes(): HttpRoute[] {
  return [
    { methods: ['GET', 'HEAD'], path: ASSET_PREFIX, prefix: true, handle: serveAsset },
  ];
}
