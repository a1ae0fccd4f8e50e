/**
 * The supergraph carries Federation's `@requiresScopes` / `@authenticated` marks: they document,
 * per field, who may read it. Apollo Gateway (open source) does not implement these SECURITY
 * features and refuses to load a supergraph that requires them. Enforcement lives in the
 * subgraphs that own the data (docs/security.md), so the gateway loads the supergraph with
 * these links marked as documentation only: `for: SECURITY` is removed from exactly these two
 * links, nothing else is changed.
 */
const SECURITY_LINK = /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:requiresScopes|authenticated)\/v[0-9.]+"), for: SECURITY\)/g;

export function withDocumentedSecurity(supergraphSdl: string): string {
  return supergraphSdl.replace(SECURITY_LINK, '$1)');
}
