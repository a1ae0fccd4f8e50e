import { auditUrlFromSupergraph, chunkBySize, mergeReads } from '../src/access-log';

describe('access-log reports from subgraphs', () => {
  it('merges the reports of several subgraphs into one set of fields per person', () => {
    const reads = new Map<string, Set<string>>();
    mergeReads(reads, [{ citizenId: '012140000001', fields: ['homeaffairs:Person.fullName'] }]);
    mergeReads(reads, [
      { citizenId: '012140000001', fields: ['social:Person.monthlyAllowance', 'homeaffairs:Person.fullName'] },
      { citizenId: '012145000002', fields: ['health:Person.insuranceCard'] },
    ]);
    expect([...reads].map(([id, f]) => [id, [...f].sort()])).toEqual([
      ['012140000001', ['homeaffairs:Person.fullName', 'social:Person.monthlyAllowance']],
      ['012145000002', ['health:Person.insuranceCard']],
    ]);
  });

  it.each([
    ['not a list', { citizenId: '012140000001' }],
    ['a malformed citizen ID', [{ citizenId: '1', fields: ['a:B.c'] }]],
    ['an operator for an ID', [{ citizenId: { $gt: '' }, fields: ['a:B.c'] }]],
    ['fields that are not names', [{ citizenId: '012140000001', fields: ['$where', 3] }]],
    ['null', [null]],
  ])('ignores %s', (_label, report) => {
    const reads = new Map<string, Set<string>>();
    mergeReads(reads, report);
    expect(reads.size).toBe(0);
  });

  it("splits a large request's entries into calls under the body limit, keeping every entry once", () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({
      citizenId: String(100000000000 + i),
      fields: ['homeaffairs:Person.fullName', 'social:Person.socialCoverage'],
    }));
    const chunks = chunkBySize(entries, 200_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThanOrEqual(200_000 + 2);
    expect(chunks.flat()).toEqual(entries);
    expect(chunkBySize([])).toEqual([]);
  });

  it('finds the audit subgraph URL in a supergraph, or null', () => {
    expect(auditUrlFromSupergraph('enum join__Graph {\n  AUDIT @join__graph(name: "audit", url: "http://127.0.0.1:4005/graphql")\n}')).toBe(
      'http://127.0.0.1:4005/graphql',
    );
    expect(auditUrlFromSupergraph('enum join__Graph { A @join__graph(name: "a", url: "http://x") }')).toBeNull();
  });
});
