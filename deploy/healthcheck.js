// HEALTHCHECK of the container image (deploy/Dockerfile): GET /health on this process's own
// listener, 0 when it answers 200. NCT_SERVICE is set by the image (the SERVICE build arg).
// The port is found as the process finds it: PORT for the gateway, <NAME>_PORT for a subgraph.
'use strict';
const { GATEWAY_PORT, parsePort, subgraphInfo, subgraphPort } = require('@nct/registry');

const service = process.env.NCT_SERVICE;
const port =
  service === 'gateway' ? (process.env.PORT ? parsePort(process.env.PORT, 'PORT') : GATEWAY_PORT) : subgraphPort(subgraphInfo(service));
// A wildcard listen address is reached on loopback; a specific one on itself.
const listen = process.env.HOST || '127.0.0.1';
const host = listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen.includes(':') ? `[${listen}]` : listen;

fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(4000) }).then(
  (res) => process.exit(res.status === 200 ? 0 : 1),
  () => process.exit(1),
);
