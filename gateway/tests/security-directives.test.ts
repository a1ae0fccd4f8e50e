import fs from 'node:fs';
import { SUPERGRAPH_FILE } from '../src/config';
import { withDocumentedSecurity } from '../src/security-directives';

describe('security directives in the supergraph', () => {
  it('keeps the marks but drops the SECURITY requirement of exactly those links', () => {
    const sdl = [
      '  @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)',
      '  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
      '  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
      '  @link(url: "https://specs.apollo.dev/other/v0.1", for: SECURITY)',
    ].join('\n');
    expect(withDocumentedSecurity(sdl).split('\n')).toEqual([
      '  @link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)',
      '  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1")',
      '  @link(url: "https://specs.apollo.dev/authenticated/v0.1")',
      '  @link(url: "https://specs.apollo.dev/other/v0.1", for: SECURITY)',
    ]);
  });

  it('the committed supergraph documents access rules on sensitive fields', () => {
    const sdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
    expect(sdl).toMatch(/lastHealthCheck: HealthCheck @join__field\(graph: HEALTH\) @requiresScopes\(scopes: \[\["role:health"\]\]\)/);
  });
});
