import { connectDatabase } from '@nct/db';
import { generateSeed } from '@nct/seed';
import { createSubgraph, todayInVietnam } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, uniqueDbName } from '@nct/testing';
import { definition, healthDigest, seedDatabase } from '../../src';

/**
 * Opt-in measurement of the health digest on a big province (not part of `npm test`):
 *   PERF_PEOPLE=100000 npx jest tests/perf/digest-size.test.ts
 * Prints the digest's size and the time of the dashboard reads and of one write, in process
 * (no gateway). Results are in docs/cross-agency.md.
 */
const PEOPLE = Number(process.env.PERF_PEOPLE ?? 0);
const maybe = PEOPLE > 0 ? it : it.skip;
jest.setTimeout(1_800_000);

async function timed(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = Date.now();
    await fn();
    out.push(Date.now() - t);
  }
  return out;
}

maybe('measures the health digest', async () => {
  const conn = await connectDatabase(testMongoUri(), uniqueDbName('perf'));
  const sg = await createSubgraph(definition, conn);
  try {
    const data = generateSeed({ people: PEOPLE, seed: 3 });
    const seedMs = await timed(1, () => seedDatabase(sg.models, data));
    const docs = await sg.models.digests.find({ kind: 'health' }).lean();
    const rows = docs.reduce((a, d) => a + d.rows.length, 0);
    const bytes = docs.reduce((a, d) => a + d.rows.reduce((b: number, s: string) => b + s.length, 0), 0);
    const findMs = await timed(5, () => sg.models.digests.find({ kind: 'health' }).lean());
    const readAllMs = await timed(5, () => healthDigest(sg.models).readAll());
    const year = todayInVietnam().slice(0, 4);
    const units = [...new Set(data.people.map((p) => p.communeCode))].map((code) => ({ __typename: 'AdministrativeUnit', code, elderlyCountToday: 500 }));
    const coverageMs = await timed(3, async () => {
      const res = await executeOperation(sg.apollo, `query($r:[_Any!]!){_entities(representations:$r){... on AdministrativeUnit{healthCoverage(year:${year}){healthRecord{count}}}}}`, { r: units }, sg.context());
      expect(res.errors).toBeUndefined();
    });
    const people = data.people.slice(0, 1000).map((p) => ({ __typename: 'Person', citizenId: p.citizenId }));
    const factsMs = await timed(3, async () => {
      const res = await executeOperation(
        sg.apollo,
        `query($r:[_Any!]!){_entities(representations:$r){... on Person{healthCheckDue(year:${year}) insuranceCardValid homeVisitedInQuarter(quarter:"${year}-Q4")}}}`,
        { r: people },
        sg.context(),
      );
      expect(res.errors).toBeUndefined();
    });
    let n = 0;
    const writeMs = await timed(3, () =>
      executeOperation(sg.apollo, `mutation{recordHomeVisit(input:{citizenId:"${data.people[5].citizenId}",date:"${todayInVietnam()}",visitor:"Perf ${n++}",kind:SUPPORT_VISIT}){date}}`, {}, sg.context()),
    );
    process.stdout.write(
      `${JSON.stringify({ people: PEOPLE, seedMs, digestDocs: docs.length, rows, bytes, bytesPerRow: Math.round(bytes / rows), findMs, readAllMs, coverageAllCommunesMs: coverageMs, followUpFacts1000Ms: factsMs, writeMs })}\n`,
    );
  } finally {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  }
});
