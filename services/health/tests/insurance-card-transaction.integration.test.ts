import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import { addDays } from '@nct/dates';

/**
 * `issueInsuranceCard` reads the person's cards and inserts the new one in one transaction that
 * first writes the holder's issue counter (insurance-card.resolver.ts): two concurrent issues
 * for one person cannot both pass the overlap check, and a failure after the first write
 * leaves nothing behind. On the real test server (one-node replica set, real transactions).
 */
const TODAY = testToday();
const STATION = 'Trạm Y tế xã Tam Đường';
const ISSUE = `mutation($input: IssueInsuranceCardInput!) { issueInsuranceCard(input: $input) { code } }`;
const card = (code: string, citizenId: string, from = TODAY, to = addDays(TODAY, 364)) => ({
  code,
  citizenId,
  validFrom: from,
  validTo: to,
  primaryCareFacility: STATION,
});

describe('issueInsuranceCard in a transaction', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const issue = (input: Record<string, unknown>) => executeOperation(sg.apollo, ISSUE, { input }, sg.context());

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_tx'));
    sg = await createSubgraph(definition, conn);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('lets exactly one of several concurrent overlapping issues for one person through', async () => {
    const person = '012140000011';
    const codes = ['BT2120000000101', 'BT2120000000102', 'BT2120000000103', 'BT2120000000104', 'BT2120000000105'];
    // overlapping periods, each a day apart: every pair overlaps
    const results = await Promise.all(codes.map((code, i) => issue(card(code, person, addDays(TODAY, i), addDays(TODAY, 300 + i)))));
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.errors?.[0].extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(refused.every((r) => /one active card at a time/i.test(r.errors?.[0].message ?? ''))).toBe(true);
    const stored = await sg.models.InsuranceCard.find({ citizenId: person }, { _id: 0, code: 1 }).lean();
    expect(stored).toEqual([{ code: (ok[0].data?.issueInsuranceCard as { code: string }).code }]);
    expect(await sg.models.CardHolder.findById(person).lean()).toEqual({ _id: person, issued: 1 });
  });

  it('lets concurrent issues for different people, or for consecutive periods, all through', async () => {
    const people = ['012140000021', '012140000022', '012140000023'];
    const results = await Promise.all(people.map((p, i) => issue(card(`GD4120000000${201 + i}`, p))));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const next = await issue(card('GD4120000000299', people[0], addDays(TODAY, 365), addDays(TODAY, 729)));
    expect(next.errors).toBeUndefined();
    expect(await sg.models.InsuranceCard.countDocuments({ citizenId: people[0] })).toBe(2);
  });

  it('writes nothing when the insert fails after the counter was written (duplicate card code)', async () => {
    const taken = card('HT3120000000301', '012140000031');
    expect((await issue(taken)).errors).toBeUndefined();
    const fresh = '012140000032';
    const res = await issue(card(taken.code, fresh)); // no overlap for this person: the insert itself fails (E11000)
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].extensions?.field).toBe('code');
    // the counter's upsert for `fresh` ran inside the transaction: aborted with it
    expect(await sg.models.CardHolder.findById(fresh).lean()).toBeNull();
    expect(await sg.models.InsuranceCard.countDocuments({ citizenId: fresh })).toBe(0);
    expect(await sg.models.InsuranceCard.find({ code: taken.code }, { _id: 0, citizenId: 1 }).lean()).toEqual([
      { citizenId: taken.citizenId },
    ]);
  });
});
