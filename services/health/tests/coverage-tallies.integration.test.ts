import type { Connection } from 'mongoose';
import { connectDatabase, trusted } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, readsDuring, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveHealthSeed, seedDatabase, type Models } from '../src';
import {
  CommuneCoverageCounts,
  CoveragePerson,
  coverageCounts,
  indicatorValue,
  provinceIndicatorValue,
  referenceDate,
} from '../src/coverage/coverage.rules';
import type { CoverageIndicator } from '../src/coverage/rules/coverage-targets';
import {
  COVERAGE_TALLY_NAMES,
  computeCoverageTallies,
  coverageCountsFromTallies,
  readCoverageHistograms,
} from '../src/coverage/coverage.tallies';
import { addDays } from '@nct/dates';

/**
 * The coverage tallies (src/coverage/coverage.tallies.ts) against the collections they count,
 * on the real test server: after the seed's rebuild, after every kind of write (through the
 * Apollo server), after refused writes and under concurrent writes for one person. The
 * expected figures are `coverageCounts` (coverage.rules.ts) of the rows read here directly.
 */
const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));
const STATION = 'Trạm Y tế xã Thử Nghiệm';
const COVERAGE = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on AdministrativeUnit { code healthCoverage(year: $year) {
  communeCode year referenceDate elderlyCount allTargetsMet
  healthRecord { indicator count denominator share targetPercent met suppressed legalAct }
  annualCheck { indicator count denominator share targetPercent met suppressed legalAct }
  insuranceCard { indicator count denominator share targetPercent met suppressed legalAct }
  chronicManagement { indicator count denominator share targetPercent met suppressed legalAct } } } } }`;
const M = {
  open: `mutation($i: OpenHealthRecordInput!) { openHealthRecord(input: $i) { citizenId } }`,
  check: `mutation($i: RecordHealthCheckInput!) { recordHealthCheck(input: $i) { date } }`,
  card: `mutation($i: IssueInsuranceCardInput!) { issueInsuranceCard(input: $i) { code } }`,
  chronic: `mutation($i: RecordChronicConditionInput!) { recordChronicCondition(input: $i) { code } }`,
  manage: `mutation($i: SetChronicManagementInput!) { setChronicConditionManagement(input: $i) { underManagement } }`,
  visit: `mutation($i: RecordHomeVisitInput!) { recordHomeVisit(input: $i) { date } }`,
};

/** Fresh people (valid citizen IDs of Lai Châu) and communes no seed uses. */
const A = '012140009001';
const B = '012140009002';
const C = '012140009003';
const D = '012140009004';
const E = '012140009005';
const F = '012140009006';
const G = '012140009007';
const X = '09901';
const Y = '09902';

describe('coverage tallies', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const run = (query: string, variables?: Record<string, unknown>) =>
    executeOperation(sg.apollo, query, variables, sg.context({ role: 'coordinator' }));
  const write = async (name: keyof typeof M, i: Record<string, unknown>) => {
    const res = await executeOperation(sg.apollo, M[name], { i }, sg.context());
    expect(res.errors).toBeUndefined();
  };
  const refused = async (name: keyof typeof M, i: Record<string, unknown>, code: string) => {
    const res = await executeOperation(sg.apollo, M[name], { i }, sg.context());
    expect(res.errors?.[0].extensions?.code).toBe(code);
  };

  /** Every coverage tally document as stored, without zero counts (a `$inc` back to 0 leaves one). */
  async function storedTallies(): Promise<Record<string, Record<string, number>>> {
    const docs = await sg.models.Tallies.model.find({}).lean();
    const out: Record<string, Record<string, number>> = {};
    for (const d of docs) {
      if (!COVERAGE_TALLY_NAMES.includes(d.name)) continue;
      const counts = Object.fromEntries(Object.entries(d.counts).filter(([, n]) => n !== 0));
      if (Object.keys(counts).length) out[d._id] = counts;
    }
    return out;
  }

  /** The same, computed from the collections by the rebuild function. */
  async function rebuiltTallies(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [name, byScope] of await computeCoverageTallies(sg.models)) {
      for (const [scope, counts] of byScope) {
        const kept = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
        if (Object.keys(kept).length) out[`${name}|${scope}`] = kept;
      }
    }
    return out;
  }

  /** Each commune's people as coverage.rules.ts sees them, from the collections' rows read here. */
  async function peopleByCommune(): Promise<Map<string, CoveragePerson[]>> {
    const [records, checks, cards, conditions] = await Promise.all([
      sg.models.HealthRecord.find({}).lean(),
      sg.models.HealthCheck.find({}).lean(),
      sg.models.InsuranceCard.find({}).lean(),
      sg.models.ChronicCondition.find({}).lean(),
    ]);
    const out = new Map<string, CoveragePerson[]>();
    for (const r of records) {
      const person: CoveragePerson = {
        openedOn: r.openedOn,
        checks: checks.filter((c) => c.citizenId === r.citizenId).map((c) => ({ date: c.date })),
        cards: cards.filter((c) => c.citizenId === r.citizenId).map((c) => ({ validFrom: c.validFrom, validTo: c.validTo })),
        conditionsManaged: conditions.filter((c) => c.citizenId === r.citizenId).map((c) => c.underManagement),
      };
      out.set(r.communeCode, [...(out.get(r.communeCode) ?? []), person]);
    }
    return out;
  }

  /** Coverage through the Apollo server equals the rules applied to `coverageCounts` of the rows, for every commune and year. */
  async function expectCoverageAsRows(years: number[]): Promise<void> {
    const people = await peopleByCommune();
    const codes = [...people.keys()].sort();
    // a denominator per commune large enough that most cells are disclosed, but not all
    const elderly = (code: string) => (people.get(code)!.length * 11) / 10 + 6;
    const r = codes.map((code) => ({ __typename: 'AdministrativeUnit', code, elderlyCountToday: Math.round(elderly(code)) }));
    for (const year of years) {
      const res = await run(COVERAGE, { r, year });
      expect(res.errors).toBeUndefined();
      const onDate = referenceDate(year, TODAY);
      const expected = codes.map((code, i) => {
        const counts = coverageCounts(people.get(code)!, year, onDate);
        const denominator = r[i].elderlyCountToday;
        const values = {
          healthRecord: indicatorValue('HEALTH_RECORD', counts.withRecord, denominator, year),
          annualCheck: indicatorValue('ANNUAL_CHECK', counts.checkedInYear, denominator, year),
          insuranceCard: indicatorValue('INSURANCE_CARD', counts.validCard, denominator, year),
          chronicManagement: indicatorValue('CHRONIC_MANAGEMENT', counts.chronicAllManaged, counts.withChronic, year),
        };
        const mets = [values.healthRecord.met, values.annualCheck.met, values.insuranceCard.met];
        return {
          code,
          healthCoverage: {
            communeCode: code,
            year,
            referenceDate: onDate,
            elderlyCount: denominator,
            allTargetsMet: mets.some((m) => m === null) ? null : mets.every(Boolean),
            ...values,
          },
        };
      });
      expect(res.data?._entities).toEqual(expected);
    }
  }

  /** The exact counts (no suppression) read from the tallies equal `coverageCounts` of the rows, on any date. */
  async function expectCountsAsRows(dates: Array<[number, string]>): Promise<void> {
    const people = await peopleByCommune();
    const codes = [...people.keys()].sort();
    for (const [year, onDate] of dates) {
      // read for the reference date's month: its month histogram and that month's days
      const histograms = await readCoverageHistograms(
        sg.models.Tallies,
        codes.map((communeCode) => ({ communeCode, month: onDate.slice(0, 7) })),
      );
      const got = Object.fromEntries(codes.map((code, i) => [code, coverageCountsFromTallies(histograms[i], year, onDate)]));
      const want = Object.fromEntries(codes.map((code) => [code, coverageCounts(people.get(code)!, year, onDate)]));
      expect({ year, onDate, counts: got }).toEqual({ year, onDate, counts: want });
    }
  }

  const yearsToAsk = [YEAR, YEAR - 1, YEAR - 2, YEAR - 3];
  const datesToAsk = (): Array<[number, string]> => [
    [YEAR, TODAY],
    [YEAR, addDays(TODAY, -1)],
    [YEAR - 1, `${YEAR - 1}-12-31`],
    [YEAR - 1, `${YEAR - 1}-06-30`],
    [YEAR - 1, `${YEAR - 1}-06-15`],
    [YEAR - 1, `${YEAR - 1}-01-01`],
    [YEAR - 2, `${YEAR - 2}-11-30`],
    [YEAR - 2, `${YEAR - 2}-12-01`],
    [YEAR - 2, `${YEAR - 2}-12-31`],
    [YEAR - 3, `${YEAR - 3}-03-01`],
    [2028, '2028-02-29'],
    [YEAR, addDays(TODAY, 200)],
  ];

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_tallies'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 600, seed: 23, asOf: TODAY });
    for (const id of [A, B, C, D, E, F, G]) expect(data.people.some((p) => p.citizenId === id)).toBe(false);
    await seedDatabase(sg.models, data);
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('after seeding: the tallies equal a rebuild from the collections, and coverage equals the rows', async () => {
    const stored = await storedTallies();
    expect(Object.keys(stored).length).toBeGreaterThan(0);
    expect(stored).toEqual(await rebuiltTallies());
    await expectCountsAsRows(datesToAsk());
    await expectCoverageAsRows(yearsToAsk);
  });

  it('a seeded database that has no tallies yet gets them on the next seed call', async () => {
    const before = await storedTallies();
    await sg.models.Tallies.model.deleteMany({});
    expect(await seedDatabase(sg.models, data)).toEqual({ seeded: false, counts: {} });
    expect(await storedTallies()).toEqual(before);
  });

  it('a database holding the former five tallies (one date-keyed document per commune) is rebuilt in the current shape by the next seed call', async () => {
    const before = await storedTallies();
    await sg.models.Tallies.model.deleteMany({ name: 'coverage' });
    const retired = ['records-opened', 'people-checked', 'cards-from', 'cards-to', 'chronic'];
    for (const name of retired)
      await sg.models.Tallies.model.create({ _id: `${name}|09999`, name, scope: '09999', counts: { '2020-01-01': 5 } });
    expect(await seedDatabase(sg.models, data)).toEqual({ seeded: false, counts: {} });
    expect(await storedTallies()).toEqual(before);
    expect(await sg.models.Tallies.model.countDocuments({ name: trusted({ $in: retired }) })).toBe(0);
  });

  it('after every kind of write, coverage through the server equals coverageCounts of the rows', async () => {
    const Y1 = YEAR - 1;
    // A: checks, cards and a condition recorded before any record: counted once the record is opened
    await write('check', { citizenId: A, date: `${Y1}-03-01`, facility: STATION, resultClass: 'II' });
    await write('check', { citizenId: A, date: `${Y1}-07-15`, facility: STATION, resultClass: 'III' }); // second in the same year
    await write('card', {
      code: 'GD4120000009001',
      citizenId: A,
      validFrom: addDays(TODAY, -700),
      validTo: addDays(TODAY, -336),
      primaryCareFacility: STATION,
    });
    await write('chronic', { citizenId: A, code: 'I10', diagnosedOn: `${Y1}-05-01`, underManagement: true, facility: STATION });
    await write('visit', { citizenId: A, date: TODAY, visitor: 'Y sĩ A', kind: 'HOME_CARE' }); // changes no tally
    await expectCountsAsRows(datesToAsk());
    await write('open', { citizenId: A, openedOn: addDays(TODAY, -30), facility: STATION, communeCode: X });
    await expectCountsAsRows(datesToAsk());

    // A after the record: a check in the current year, a second that day at another place, one in an earlier year
    await write('check', { citizenId: A, date: TODAY, facility: STATION, resultClass: 'I' });
    await write('check', { citizenId: A, date: TODAY, facility: 'Bệnh viện Đa khoa tỉnh Lai Châu', resultClass: 'I' });
    await write('check', { citizenId: A, date: `${YEAR - 2}-11-11`, facility: STATION, resultClass: 'II' });
    await write('check', { citizenId: A, date: `${Y1}-09-09`, facility: STATION, resultClass: 'II' }); // third of that year
    // the next card, from the day after the first expired, and one starting in the future
    await write('card', {
      code: 'GD4120000009002',
      citizenId: A,
      validFrom: addDays(TODAY, -335),
      validTo: addDays(TODAY, 29),
      primaryCareFacility: STATION,
    });
    await write('card', {
      code: 'GD4120000009003',
      citizenId: A,
      validFrom: addDays(TODAY, 30),
      validTo: addDays(TODAY, 394),
      primaryCareFacility: STATION,
    });
    // conditions: an unmanaged one (not all managed any more), then managed, then the first unmanaged, repeated
    await write('chronic', { citizenId: A, code: 'E11', diagnosedOn: `${Y1}-06-01`, underManagement: false, facility: STATION });
    await expectCountsAsRows(datesToAsk());
    await write('manage', { citizenId: A, code: 'E11', underManagement: true });
    await write('manage', { citizenId: A, code: 'I10', underManagement: false });
    await write('manage', { citizenId: A, code: 'I10', underManagement: false }); // idempotent
    await expectCountsAsRows(datesToAsk());

    // B: a record first, then everything; C: a record in another commune and nothing else
    await write('open', { citizenId: B, openedOn: TODAY, facility: STATION, communeCode: X });
    await write('chronic', { citizenId: B, code: 'J44', diagnosedOn: TODAY, underManagement: false, facility: STATION });
    await write('card', {
      code: 'HT3120000009004',
      citizenId: B,
      validFrom: TODAY,
      validTo: addDays(TODAY, 364),
      primaryCareFacility: STATION,
    });
    await write('check', { citizenId: B, date: TODAY, facility: STATION, resultClass: 'IV' });
    await write('open', { citizenId: C, openedOn: `${YEAR - 3}-02-28`, facility: STATION, communeCode: Y });

    // seeded people: a new card after a seeded one expired, a check, a new condition, a management change
    const seededRecord = data.health.records.find((r) => {
      const cards = data.health.insuranceCards.filter((c) => c.citizenId === r.citizenId);
      return cards.length === 1 && cards[0].validTo < addDays(TODAY, -10);
    })!;
    const lastCard = data.health.insuranceCards.find((c) => c.citizenId === seededRecord.citizenId)!;
    await write('card', {
      code: 'CK2120000009005',
      citizenId: seededRecord.citizenId,
      validFrom: addDays(lastCard.validTo, 1),
      validTo: addDays(lastCard.validTo, 366),
      primaryCareFacility: STATION,
    });
    await write('check', { citizenId: seededRecord.citizenId, date: TODAY, facility: 'Trạm Y tế khác', resultClass: 'III' });
    await write('chronic', {
      citizenId: seededRecord.citizenId,
      code: 'N18.3',
      diagnosedOn: TODAY,
      underManagement: true,
      facility: STATION,
    });
    const recorded = new Set(data.health.records.map((r) => r.citizenId));
    const seededCondition = deriveHealthSeed(data).chronicConditions.find(
      (c) => recorded.has(c.citizenId) && c.citizenId !== seededRecord.citizenId,
    )!;
    await write('manage', {
      citizenId: seededCondition.citizenId,
      code: seededCondition.code,
      underManagement: !seededCondition.underManagement,
    });

    expect(await storedTallies()).toEqual(await rebuiltTallies());
    await expectCountsAsRows(datesToAsk());
    await expectCoverageAsRows(yearsToAsk);
    // the fresh commune, exactly: A and B have records; A's condition state is "not all managed", B's too
    const [x] = await readCoverageHistograms(sg.models.Tallies, [{ communeCode: X, month: TODAY.slice(0, 7) }]);
    expect(coverageCountsFromTallies(x, YEAR, TODAY)).toEqual({
      withRecord: 2,
      checkedInYear: 2,
      validCard: 2,
      withChronic: 2,
      chronicAllManaged: 0,
    });
    const [x1] = await readCoverageHistograms(sg.models.Tallies, [{ communeCode: X, month: `${Y1}-12` }]);
    expect(coverageCountsFromTallies(x1, Y1, `${Y1}-12-31`)).toMatchObject({ checkedInYear: 1, validCard: 1 });
    // a histogram read for one month does not answer another month's date
    expect(() => coverageCountsFromTallies(x1, YEAR, TODAY)).toThrow(/coverage tally read for/);
  });

  it('a refused write leaves the tallies unchanged', async () => {
    const before = await storedTallies();
    await refused('open', { citizenId: A, openedOn: TODAY, facility: STATION, communeCode: Y }, 'CONFLICT'); // second record
    await refused('check', { citizenId: A, date: TODAY, facility: STATION, resultClass: 'I' }, 'CONFLICT'); // same check twice
    await refused(
      'card',
      { code: 'GD4120000009099', citizenId: A, validFrom: TODAY, validTo: addDays(TODAY, 100), primaryCareFacility: STATION },
      'CONFLICT',
    ); // overlaps
    await refused(
      'card',
      { code: 'GD4120000009002', citizenId: C, validFrom: TODAY, validTo: addDays(TODAY, 100), primaryCareFacility: STATION },
      'CONFLICT',
    ); // code taken
    await refused('chronic', { citizenId: A, code: 'E11', diagnosedOn: TODAY, underManagement: true, facility: STATION }, 'CONFLICT'); // recorded twice
    await refused('chronic', { citizenId: A, code: 'B20', diagnosedOn: TODAY, underManagement: true, facility: STATION }, 'BAD_USER_INPUT'); // never stored
    await refused('manage', { citizenId: C, code: 'I10', underManagement: true }, 'NOT_FOUND');
    await refused('check', { citizenId: A, date: addDays(TODAY, 1), facility: STATION, resultClass: 'I' }, 'BAD_USER_INPUT'); // future
    expect(await storedTallies()).toEqual(before);
    expect(await sg.models.HealthRecord.countDocuments({ citizenId: A })).toBe(1);
  });

  it('concurrent first checks of one person in one year count once', async () => {
    await write('open', { citizenId: D, openedOn: `${YEAR - 3}-01-10`, facility: STATION, communeCode: Y });
    const yearOf = async () =>
      (await readCoverageHistograms(sg.models.Tallies, [{ communeCode: Y, month: TODAY.slice(0, 7) }]))[0].commune[`checked:${YEAR}`] ?? 0;
    const before = await yearOf();
    const facilities = ['Trạm 1', 'Trạm 2', 'Trạm 3', 'Trạm 4', 'Trạm 5', 'Trạm 6'];
    const results = await Promise.all(
      facilities.map((facility) =>
        executeOperation(sg.apollo, M.check, { i: { citizenId: D, date: TODAY, facility, resultClass: 'II' } }, sg.context()),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(facilities.map(() => undefined));
    expect(await sg.models.HealthCheck.countDocuments({ citizenId: D })).toBe(facilities.length);
    expect(await yearOf()).toBe(before + 1);
    expect(await storedTallies()).toEqual(await rebuiltTallies());
  });

  it('concurrent writes for one person before and while the record is opened, and concurrent management changes, stay exact', async () => {
    // E: checks, a card and conditions written at the same time as the record is opened
    const ops = [
      executeOperation(sg.apollo, M.check, { i: { citizenId: E, date: TODAY, facility: 'Trạm 1', resultClass: 'II' } }, sg.context()),
      executeOperation(sg.apollo, M.open, { i: { citizenId: E, openedOn: TODAY, facility: STATION, communeCode: Y } }, sg.context()),
      executeOperation(sg.apollo, M.check, { i: { citizenId: E, date: TODAY, facility: 'Trạm 2', resultClass: 'II' } }, sg.context()),
      executeOperation(
        sg.apollo,
        M.card,
        { i: { code: 'GD4120000009006', citizenId: E, validFrom: TODAY, validTo: addDays(TODAY, 364), primaryCareFacility: STATION } },
        sg.context(),
      ),
      executeOperation(
        sg.apollo,
        M.chronic,
        { i: { citizenId: E, code: 'I10', diagnosedOn: TODAY, underManagement: true, facility: STATION } },
        sg.context(),
      ),
      executeOperation(
        sg.apollo,
        M.chronic,
        { i: { citizenId: E, code: 'E11', diagnosedOn: TODAY, underManagement: false, facility: STATION } },
        sg.context(),
      ),
    ];
    expect((await Promise.all(ops)).map((r) => r.errors)).toEqual(ops.map(() => undefined));
    expect(await storedTallies()).toEqual(await rebuiltTallies());

    // F: one managed, one not; then both flipped at once: still "not all managed" (the change of each alone is 0 or +1)
    await write('open', { citizenId: F, openedOn: TODAY, facility: STATION, communeCode: Y });
    await write('chronic', { citizenId: F, code: 'I10', diagnosedOn: TODAY, underManagement: false, facility: STATION });
    await write('chronic', { citizenId: F, code: 'E11', diagnosedOn: TODAY, underManagement: true, facility: STATION });
    const flips = await Promise.all([
      executeOperation(sg.apollo, M.manage, { i: { citizenId: F, code: 'I10', underManagement: true } }, sg.context()),
      executeOperation(sg.apollo, M.manage, { i: { citizenId: F, code: 'E11', underManagement: false } }, sg.context()),
    ]);
    expect(flips.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(await storedTallies()).toEqual(await rebuiltTallies());
    await expectCountsAsRows(datesToAsk());
    await expectCoverageAsRows([YEAR]);
  });

  it('dated counts: by month in the commune document, by day in the month document; mid-month, month ends and 31 December', async () => {
    const Z = '09903';
    const Y1 = YEAR - 1;
    await write('open', { citizenId: G, openedOn: `${Y1}-06-15`, facility: STATION, communeCode: Z });
    await write('card', {
      code: 'GD4120000009107',
      citizenId: G,
      validFrom: `${Y1}-06-15`,
      validTo: `${Y1}-12-31`,
      primaryCareFacility: STATION,
    });
    const stored = await storedTallies();
    expect(Object.fromEntries(Object.entries(stored).filter(([id]) => id.includes(`|${Z}`)))).toEqual({
      [`coverage|${Z}`]: { [`records:${Y1}-06`]: 1, [`cards-from:${Y1}-06`]: 1, [`cards-to:${Y1}-12`]: 1 },
      [`coverage|${Z}:${Y1}-06`]: { [`records:${Y1}-06-15`]: 1, [`cards-from:${Y1}-06-15`]: 1 },
      [`coverage|${Z}:${Y1}-12`]: { [`cards-to:${Y1}-12-31`]: 1 },
    });
    const on = async (date: string) => {
      const [h] = await readCoverageHistograms(sg.models.Tallies, [{ communeCode: Z, month: date.slice(0, 7) }]);
      const c = coverageCountsFromTallies(h, Number(date.slice(0, 4)), date);
      return [c.withRecord, c.validCard];
    };
    expect(await on(`${Y1}-06-14`)).toEqual([0, 0]); // the day before, same month
    expect(await on(`${Y1}-06-15`)).toEqual([1, 1]); // mid-month: the day itself counts
    expect(await on(`${Y1}-06-30`)).toEqual([1, 1]);
    expect(await on(`${Y1}-07-01`)).toEqual([1, 1]); // from the month histogram alone
    expect(await on(`${Y1}-12-30`)).toEqual([1, 1]);
    expect(await on(`${Y1}-12-31`)).toEqual([1, 1]); // 31 December: still valid on its last day
    expect(await on(`${YEAR}-01-01`)).toEqual([1, 0]); // expired the day before
    expect(await on(`${Y1 - 1}-12-31`)).toEqual([0, 0]);
    expect(stored).toEqual(await rebuiltTallies());
  });

  describe('the province row: the sum of its current communes (sent by home affairs) against its elderlyCountToday', () => {
    // each commune's elderly count as sent by home affairs: large enough that its cells are shown
    const rowOf = (code: string, elderlyCountToday: number | null, communes?: string[] | null, communeElderly = 100_000) => ({
      __typename: 'AdministrativeUnit',
      code,
      elderlyCountToday,
      ...(communes === undefined ? {} : { communes: communes && communes.map((c) => ({ code: c, elderlyCountToday: communeElderly })) }),
    });

    it('equals coverageCounts of all the communes’ rows together, for every year; the same small-cell rule', async () => {
      const people = await peopleByCommune();
      const codes = [...people.keys()].sort();
      const everyone = codes.flatMap((c) => people.get(c)!);
      const elderly = Math.round(everyone.length * 1.1) + 6;
      for (const year of yearsToAsk) {
        const onDate = referenceDate(year, TODAY);
        // the province row next to its communes, in one request (the communes' tallies are read once)
        const res = await run(COVERAGE, { r: [rowOf('12', elderly, codes), ...codes.map((c) => rowOf(c, 10, null))], year });
        expect(res.errors).toBeUndefined();
        const counts = coverageCounts(everyone, year, onDate);
        const byCommune = codes.map((c) => coverageCounts(people.get(c)!, year, onDate));
        // each indicator as the communes' rows show it (elderly 100,000 each): one withheld commune withholds the province's
        const shown = (
          indicator: CoverageIndicator,
          count: (c: CommuneCoverageCounts) => number,
          denominator: (c: CommuneCoverageCounts) => number,
        ) =>
          provinceIndicatorValue(
            indicator,
            count(counts),
            indicator === 'CHRONIC_MANAGEMENT' ? denominator(counts) : elderly,
            year,
            byCommune.map((c) => indicatorValue(indicator, count(c), denominator(c), year)),
          );
        const p = (res.data as any)._entities[0];
        expect(p.code).toBe('12');
        expect(p.healthCoverage).toMatchObject({
          communeCode: '12',
          referenceDate: onDate,
          elderlyCount: elderly,
          healthRecord: shown(
            'HEALTH_RECORD',
            (c) => c.withRecord,
            () => 100_000,
          ),
          annualCheck: shown(
            'ANNUAL_CHECK',
            (c) => c.checkedInYear,
            () => 100_000,
          ),
          insuranceCard: shown(
            'INSURANCE_CARD',
            (c) => c.validCard,
            () => 100_000,
          ),
          chronicManagement: shown(
            'CHRONIC_MANAGEMENT',
            (c) => c.chronicAllManaged,
            (c) => c.withChronic,
          ),
        });
        // and the counts themselves, where shown, are the sums of the rows
        if (p.healthCoverage.healthRecord.count !== null) expect(p.healthCoverage.healthRecord.count).toBe(counts.withRecord);
        expect(counts.withRecord).toBeGreaterThan(0);
      }
      // small cells: 2 people without a record among the province's elderly -> both cells withheld, met still given
      const counts = coverageCounts(everyone, YEAR, TODAY);
      const res = await run(COVERAGE, { r: [rowOf('12', counts.withRecord + 2, codes)], year: YEAR });
      expect((res.data as any)._entities[0].healthCoverage.healthRecord).toMatchObject({
        count: null,
        share: null,
        suppressed: true,
        met: expect.any(Boolean),
      });
      // a withheld denominator: no counts, no met
      const nulls = await run(COVERAGE, { r: [rowOf('12', null, codes)], year: YEAR });
      expect((nulls.data as any)._entities[0].healthCoverage.healthRecord).toMatchObject({ count: null, share: null, met: null });
      // complementary: exactly one commune's cell withheld (its elderly count withheld) -> the province's is too
      // (over the communes whose record cells are all shown otherwise, so that exactly one is withheld)
      const big = codes.filter((c) => coverageCounts(people.get(c)!, YEAR, TODAY).withRecord >= 5);
      expect(big.length).toBeGreaterThan(2);
      const asSent = (withheld: number | null) => ({
        ...rowOf('12', elderly, big),
        communes: big.map((c, i) => ({ code: c, elderlyCountToday: i === withheld ? null : 100_000 })),
      });
      const shownRow = (await run(COVERAGE, { r: [asSent(null)], year: YEAR })).data as any;
      expect(shownRow._entities[0].healthCoverage.healthRecord).toMatchObject({ suppressed: false, count: expect.any(Number) });
      const comp = (await run(COVERAGE, { r: [asSent(0)], year: YEAR })).data as any;
      expect(comp._entities[0].healthCoverage.healthRecord).toMatchObject({ count: null, share: null, suppressed: true });
    });

    it('one province row reads the coverage tally once, two documents per commune', async () => {
      const codes = [...(await peopleByCommune()).keys()].sort();
      const reads = await readsDuring(conn, async () => {
        const res = await run(COVERAGE, { r: [rowOf('12', 5000, codes)], year: YEAR - 1 });
        expect(res.errors).toBeUndefined();
      });
      expect(reads).toEqual({ tallies: 1 });
    });

    it('refuses a province without communes, a unit that is neither commune nor province, and a commune-limited caller', async () => {
      for (const r of [rowOf('12', 100, null), rowOf('12', 100, []), rowOf('12', 100), rowOf('123', 100, ['09901'])]) {
        const res = await run(COVERAGE, { r: [r], year: YEAR });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      const officer = await executeOperation(
        sg.apollo,
        COVERAGE,
        { r: [rowOf('12', 100, [X])], year: YEAR },
        sg.context({ role: 'commune-officer', commune: X }),
      );
      expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
