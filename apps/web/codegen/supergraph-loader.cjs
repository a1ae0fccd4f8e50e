// Loads the gateway's committed supergraph as the schema a client sees: the API schema (no join
// machinery, no @inaccessible elements), built as gateway/src/schema-check.ts builds it. Its
// SECURITY links are documentation for the gateway (gateway/src/security-directives.ts).
const fs = require('node:fs');
const { Supergraph } = require('@apollo/federation-internals');

const SECURITY_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:requiresScopes|authenticated)\/v[0-9.]+"), for: SECURITY\)/g;

module.exports = function loadSupergraph(file) {
  const sdl = fs.readFileSync(file, 'utf8').replace(SECURITY_LINK, '$1)');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
};
