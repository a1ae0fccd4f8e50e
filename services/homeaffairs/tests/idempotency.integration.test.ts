import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';

/**
 * Every create of the register is safe to retry (docs/consistency.md section 4): with an
 * `idempotencyKey`, a repeat returns the first result and writes nothing, and the key with
 * other input is CONFLICT (IDEMPOTENCY_KEY_REUSED); state changes are idempotent by design.
 */
const TODAY = testToday();
const UNITS = [
  { code: '12', name: 'Tỉnh Lai Châu', kind: 'PROVINCE', level: 'PROVINCE', parentCode: null, validFrom: '2004-01-01', validTo: null },
  { code: '03220', name: 'Xã Bình Lư', kind: 'COMMUNE', level: 'COMMUNE', parentCode: '12', validFrom: '2025-07-01', validTo: null },
];

describe('retry-safe writes of the register', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    executeOperation(sg.apollo, query, variables, ctx);
  const reused = (res: { errors?: readonly any[] }) =>
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  /** Sends `query` twice with the same key: both answer the same, and the database changed once. */
  async function retried(query: string, variables: Record<string, unknown>) {
    const first = await run(query, variables);
    expect(first.errors).toBeUndefined();
    const again = await run(query, variables);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    return first.data as any;
  }

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_idempotency'));
    sg = await createSubgraph(definition, conn);
    await sg.models.Unit.insertMany(UNITS);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('registerPerson', () => {
    const M = `mutation($i: RegisterPersonInput!, $k: String) { registerPerson(input: $i, idempotencyKey: $k) { citizenId fullName residence { code } } }`;
    const i = {
      citizenId: '012055000501',
      fullName: 'Lò Văn Thử Lại',
      birthDate: '1955-05-05',
      sex: 'MALE',
      ethnicity: 'Thái',
      communeCode: '03220',
    };
    const count = async () =>
      ((await run(`{ administrativeUnit(code: "03220") { elderlyCountToday } }`)).data?.administrativeUnit as any).elderlyCountToday;

    it('a retry after a lost answer returns the first result; the person and the count are there once', async () => {
      const before = await count();
      await retried(M, { i, k: 'reg-012055000501' });
      expect(await sg.models.Person.countDocuments({ citizenId: i.citizenId })).toBe(1);
      expect(await count()).toBe(before + 1);
    });

    it('the same key with other input is refused (CONFLICT, IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
      reused(await run(M, { i: { ...i, fullName: 'Lò Văn Khác' }, k: 'reg-012055000501' }));
      expect((await sg.models.Person.findOne({ citizenId: i.citizenId }).lean())?.fullName).toBe('Lò Văn Thử Lại');
    });

    it('without a key the duplicate is still a CONFLICT; a malformed key is refused', async () => {
      expect((await run(M, { i })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await run(M, { i, k: 'short' })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'idempotencyKey',
      });
    });

    it('three concurrent calls with one key: one person, three identical answers', async () => {
      const j = { ...i, citizenId: '012055000502' };
      const results = await Promise.all(Array.from({ length: 3 }, () => run(M, { i: j, k: 'reg-012055000502' })));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
      expect(await sg.models.Person.countDocuments({ citizenId: j.citizenId })).toBe(1);
    });
  });

  describe('plans and tasks', () => {
    const plan = {
      planNumber: '91/KH-SNV',
      title: 'Kế hoạch thử gửi lại',
      date: '2026-09-01',
      issuingBody: 'Sở Nội vụ tỉnh Lai Châu',
      legalBasis: ['Luật Người cao tuổi năm 2009'],
      tasks: [{ taskNo: 1, title: 'Việc một', leadAgency: 'HEALTH', deadline: '2026-12-31' }],
    };

    it('createImplementationPlan, addPlanTask and reportTaskProgress: a retry returns the first result', async () => {
      await retried(
        `mutation($i: ImplementationPlanInput!, $k: String) { createImplementationPlan(input: $i, idempotencyKey: $k) { planNumber title } }`,
        {
          i: plan,
          k: 'plan-91-KH-SNV',
        },
      );
      const task = { taskNo: 2, title: 'Việc hai', leadAgency: 'SOCIAL', deadline: '2026-12-31' };
      const ADD = `mutation($i: PlanTaskInput!, $k: String) { addPlanTask(planNumber: "91/KH-SNV", input: $i, idempotencyKey: $k) { taskNo title } }`;
      await retried(ADD, { i: task, k: 'task-91-0002' });
      reused(await run(ADD, { i: { ...task, title: 'Việc khác' }, k: 'task-91-0002' }));
      const REPORT = `mutation($i: ProgressReportInput!, $k: String) { reportTaskProgress(planNumber: "91/KH-SNV", taskNo: 1, input: $i, idempotencyKey: $k) { reports { percent } } }`;
      await retried(REPORT, { i: { date: TODAY, text: 'Đã làm một nửa', percent: 50 }, k: 'report-91-1-a' });
      expect(await sg.models.Plan.countDocuments({ planNumber: '91/KH-SNV' })).toBe(1);
      expect(await sg.models.PlanTask.countDocuments({ planNumber: '91/KH-SNV' })).toBe(2);
      expect((await sg.models.PlanTask.findOne({ planNumber: '91/KH-SNV', taskNo: 1 }).lean())?.reports).toHaveLength(1);
    });

    it('changeTaskStatus to the status it has changes nothing and answers the task', async () => {
      const CHANGE = `mutation { changeTaskStatus(planNumber: "91/KH-SNV", taskNo: 2, status: IN_PROGRESS) { status allowedTransitions } }`;
      const first = await run(CHANGE);
      expect(first.errors).toBeUndefined();
      const stored = await sg.models.PlanTask.findOne({ planNumber: '91/KH-SNV', taskNo: 2 }).lean();
      const again = await run(CHANGE);
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(await sg.models.PlanTask.findOne({ planNumber: '91/KH-SNV', taskNo: 2 }).lean()).toEqual(stored);
    });
  });

  describe('organisation records and the unit list', () => {
    const decision = { number: '21/QĐ-UBND', date: '2026-03-01', issuingBody: 'UBND xã Bình Lư' };

    it('createAssociationUnit and recordLeadershipTerm: a retry returns the first result', async () => {
      await retried(
        `mutation($i: AssociationUnitInput!, $k: String) { createAssociationUnit(input: $i, idempotencyKey: $k) { adminUnitCode name } }`,
        {
          i: {
            adminUnitCode: '03220',
            name: 'Hội Người cao tuổi xã Bình Lư',
            level: 'COMMUNE',
            type: 'ASSOCIATION',
            establishment: decision,
          },
          k: 'assoc-03220-0001',
        },
      );
      const TERM = `mutation($i: LeadershipTermInput!, $k: String) { recordLeadershipTerm(adminUnitCode: "03220", input: $i, idempotencyKey: $k) { adminUnitCode } }`;
      const t = { startDate: '2026-03-15', endDate: '2031-03-15', chairName: 'Lò Văn Pọm', decision: { ...decision, date: '2026-03-20' } };
      await retried(TERM, { i: t, k: 'term-03220-2026' });
      expect(await sg.models.LeadershipTerm.countDocuments({ adminUnitCode: '03220' })).toBe(1);
      reused(await run(TERM, { i: { ...t, chairName: 'Người Khác' }, k: 'term-03220-2026' }));
    });

    it('importAdministrativeUnits: a retry returns the first report (not "unchanged")', async () => {
      const csv = [
        'code,name,kind,parentCode,validFrom,validTo,disadvantaged,mountainous,formedFrom,legalAct',
        '03581,Xã Thử Nhập,COMMUNE,12,2026-01-01,,false,true,,',
      ].join('\n');
      const data = await retried(
        `mutation($csv: String!, $k: String) { importAdministrativeUnits(csv: $csv, idempotencyKey: $k) { inserted unchanged } }`,
        { csv, k: 'import-2026-01-units' },
      );
      expect(data.importAdministrativeUnits).toEqual({ inserted: 1, unchanged: 0 });
      expect(await sg.models.Unit.countDocuments({ code: '03581' })).toBe(1);
    });

    it('addVillage: a retry returns the first result', async () => {
      await retried(`mutation($i: VillageInput!, $k: String) { addVillage(input: $i, idempotencyKey: $k) { villageCode name } }`, {
        i: { villageCode: '03220-001', name: 'thôn Bình Lư', from: '2025-07-01' },
        k: 'village-03220-001',
      });
      expect(await sg.models.Village.countDocuments({ communeCode: '03220' })).toBe(1);
    });
  });

  describe('state changes of the register', () => {
    it('correctPerson with the same input twice changes nothing the second time', async () => {
      const M = `mutation($i: CorrectPersonInput!) { correctPerson(citizenId: "012055000501", input: $i) { fullName ethnicity } }`;
      const first = await run(M, { i: { fullName: 'Lò Văn Đã Sửa', ethnicity: 'Tày' } });
      expect(first.errors).toBeUndefined();
      const stored = await sg.models.Person.findOne({ citizenId: '012055000501' }).lean();
      const again = await run(M, { i: { fullName: 'Lò Văn Đã Sửa', ethnicity: 'Tày' } });
      expect(again.data).toEqual(first.data);
      expect(await sg.models.Person.findOne({ citizenId: '012055000501' }).lean()).toEqual(stored); // not even updatedAt
    });
  });
});
