import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { ageOn, monthOf } from '@nct/dates';
import { testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import {
  coverageFrom,
  definition,
  deriveSocialSeed,
  onProtectionList,
  paymentsAfterDeathFrom,
  rowsFrom,
  seedDatabase,
  type Models,
} from '../src';

describe('social seed (2,000 people)', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_seed'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 2000, seed: 1, asOf: testToday() });
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('derives deterministically, with positive and negative cases for Q1, Q2, Q9 and Q14', () => {
    const a = deriveSocialSeed(data);
    expect(deriveSocialSeed(data)).toEqual(a);
    const rows = rowsFrom(
      data.people.map((p) => p.citizenId),
      a,
    );
    const row = (id: string) => rows.get(id) ?? null;
    const q1 = { yes: 0, no: 0 };
    const q2 = { yes: 0, no: 0 };
    const q9 = { yes: 0, no: 0 };
    for (const p of data.people) {
      const age = ageOn(p.birthDate, data.asOf);
      const c = coverageFrom(row(p.citizenId), data.asOf);
      if (!p.deathDate && age >= 80) q1[!c.receivesPension && !c.onAllowance && !c.onSocialPension ? 'yes' : 'no']++;
      const poverty = row(p.citizenId)?.poverty.find(([y]) => y === Number(data.asOf.slice(0, 4)))?.[1];
      if (!p.deathDate && age >= 70 && age <= 74 && (poverty === 'POOR' || poverty === 'NEAR_POOR')) q2[c.onSocialPension ? 'no' : 'yes']++;
      if (p.deathDate && rows.get(p.citizenId))
        q9[paymentsAfterDeathFrom(row(p.citizenId), p.citizenId, p.deathDate).length ? 'yes' : 'no']++;
    }
    const october = `${Number(data.asOf.slice(0, 4))}-10`;
    const q14 = { on: a.supports.filter((s) => onProtectionList(row(s.citizenId), october)).length, total: a.supports.length };
    for (const [q, v] of Object.entries({ q1, q2, q9 })) {
      expect([q, v.yes > 0 && v.no > 0]).toEqual([q, true]);
    }
    expect(q14.on).toBeGreaterThan(0);
    expect(q14.total - q14.on).toBeGreaterThan(0);
    // realistic-looking sizes
    expect(a.records.length).toBeGreaterThan(500);
    expect(a.payments.every((p) => p.month < monthOf(data.asOf))).toBe(true);
  });

  it('seeds the collections once; a second run skips a seeded database', async () => {
    const first = await seedDatabase(sg.models, data);
    expect(first.seeded).toBe(true);
    const extra = deriveSocialSeed(data);
    expect(first.counts).toMatchObject({
      monthlyPayments: extra.payments.length,
      socialRecords: extra.records.length,
      actionMonthSupports: extra.supports.length,
    });
    expect(await sg.models.MonthlyPayment.countDocuments({})).toBe(extra.payments.length);
    expect(await sg.models.ActionMonthSupport.countDocuments({})).toBe(extra.supports.length);
    expect(await seedDatabase(sg.models, data)).toEqual({ seeded: false, counts: {} });
    expect(await sg.models.BenefitCase.countDocuments({})).toBe(extra.cases.length);
  });
});
