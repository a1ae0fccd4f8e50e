import { printSubgraphSdl } from '../src';

describe('health subgraph SDL', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await printSubgraphSdl();
  });

  it('links federation 2 and extends the Person stub by its key', () => {
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(sdl).toMatch(/type Person @key\(fields: "citizenId"\)/);
  });

  it('adds the health fields to Person with their exact names and types', () => {
    const person = /type Person[^{]*\{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    expect(person).toMatch(/citizenId: ID!/);
    expect(person).toMatch(/healthRecord: HealthRecord @requiresScopes\(scopes: \[\["role:health"\]\]\)\n/);
    expect(person).toMatch(/lastHealthCheck: HealthCheck @requiresScopes\(scopes: \[\["role:health"\]\]\)\n/);
    expect(person).toMatch(
      /insuranceCard: InsuranceCard @requiresScopes\(scopes: \[\["role:health"\], \["role:social"\], \["role:commune-officer"\]\]\)\n/,
    );
    expect(person).not.toMatch(/fullName|birthDate/);
  });

  it('declares the types, queries and mutations of this slice', () => {
    for (const pattern of [
      /enum HealthResultClass \{\s+"""[^"]*"""\s+I\b/,
      /openedOn: Date!/,
      /resultClass: HealthResultClass!/,
      /benefitLevel: Int!/,
      /validToday: Boolean!/,
      /healthChecks\([\s\S]*?citizenId: ID![\s\S]*?\): HealthCheckConnection!/,
      /insuranceCard\([\s\S]*?code: String!\s*\): InsuranceCard @requiresScopes/,
      /openHealthRecord\([\s\S]*?idempotencyKey: String\s+input: OpenHealthRecordInput!\s+\): HealthRecord!/,
      /recordHealthCheck\([\s\S]*?idempotencyKey: String\s+input: RecordHealthCheckInput!\s+\): HealthCheck!/,
      /issueInsuranceCard\([\s\S]*?idempotencyKey: String\s+input: IssueInsuranceCardInput!\s+\): InsuranceCard!/,
      /type PageInfo @shareable/,
    ]) {
      expect(sdl).toMatch(pattern);
    }
  });

  it('defines none of the names homeaffairs owns; AdministrativeUnit only as a stub requiring elderlyCountToday and communes { code elderlyCountToday }', () => {
    for (const name of ['Sex', 'UnitKind', 'PersonFilter', 'PersonEdge', 'PersonConnection', 'RegisterPersonInput', 'UnitLineage']) {
      expect(sdl).not.toMatch(new RegExp(`(type|enum|input) ${name}\\b`));
    }
    const unit = /type AdministrativeUnit @key\(fields: "code"\) \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    expect(unit).toMatch(/code: ID!/);
    expect(unit).toMatch(/elderlyCountToday: Int @external/);
    expect(unit).toMatch(/communes: \[AdministrativeUnit!\] @external/);
    expect(unit).toMatch(
      /\): HealthCoverage @requiresScopes\([^)]*\) @requires\(fields: "elderlyCountToday communes \{ code elderlyCountToday \}"\)/,
    );
    expect(unit).not.toMatch(/name:/);
  });

  it('adds the care follow-up facts under CARE_FOLLOW_UP and chronic conditions under HEALTH_RECORD', () => {
    const followUp = '@requiresScopes(scopes: [["role:health"], ["role:social"], ["role:association"], ["role:commune-officer"]])';
    const person = /type Person[^{]*\{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    expect(person).toContain(`year: Int!\n  ): Boolean ${followUp}`);
    expect(person).toContain(`asOf: Date\n  ): Boolean ${followUp}`);
    expect(person).toContain(`quarter: String!\n  ): Boolean ${followUp}`);
    expect(person).toMatch(/chronicConditions: \[ChronicCondition!\] @requiresScopes\(scopes: \[\["role:health"\]\]\)/);
    expect(sdl).toMatch(
      /recordChronicCondition\([\s\S]*?idempotencyKey: String\s+input: RecordChronicConditionInput!\s+\): ChronicCondition!/,
    );
    expect(sdl).toMatch(/recordHomeVisit\([\s\S]*?idempotencyKey: String\s+input: RecordHomeVisitInput!\s+\): HomeVisit!/);
  });
});

describe('the death receiver and the Q11 cohort', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await printSubgraphSdl();
  });

  it('receives deaths from the register service only', () => {
    expect(sdl).toMatch(
      /healthApplyDeath\([\s\S]*?citizenId: ID![\s\S]*?eventId: ID!\s+\): HealthDeathReceipt! @requiresScopes\(scopes: \[\["role:homeaffairs"\]\]\)/,
    );
    expect(sdl).toMatch(/enum HealthDeathOutcome \{[\s\S]*?APPLIED[\s\S]*?ALREADY_APPLIED[\s\S]*?NOT_DECEASED/);
  });

  it('extends ClubMemberCohort with an aggregate that requires the member list', () => {
    const cohort = /type ClubMemberCohort @key\(fields: "scope"\) \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    expect(cohort).toMatch(/memberCitizenIds: \[ID!\]! @external/);
    expect(cohort).toMatch(
      /\): ChronicManagementByMembership @requiresScopes\([^)]*"role:coordinator"[^)]*\) @requires\(fields: "memberCitizenIds"\)/,
    );
  });
});

describe('composition with the owner of Person', () => {
  it('composes with the homeaffairs and association subgraphs without errors', async () => {
    const { composeServices } = await import('@apollo/composition');
    const { parse } = await import('graphql');
    // Resolved by the jest preset's moduleNameMapper; not a dependency of this package (the
    // gateway's composition is the real check), hence the untyped specifier.
    const owner = '@nct/homeaffairs';
    const { printSubgraphSdl: homeaffairsSdl } = (await import(owner)) as { printSubgraphSdl(): Promise<string> };
    // ClubMemberCohort is the association's (Q11).
    const cohortOwner = '@nct/association';
    const { printSubgraphSdl: associationSdl } = (await import(cohortOwner)) as { printSubgraphSdl(): Promise<string> };
    const result = composeServices([
      { name: 'homeaffairs', url: 'http://127.0.0.1:4001/graphql', typeDefs: parse(await homeaffairsSdl()) },
      { name: 'association', url: 'http://127.0.0.1:4004/graphql', typeDefs: parse(await associationSdl()) },
      { name: 'health', url: 'http://127.0.0.1:4003/graphql', typeDefs: parse(await printSubgraphSdl()) },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toMatch(/lastHealthCheck: HealthCheck @join__field\(graph: HEALTH\)/);
    // the member list is never in the client API
    expect(result.supergraphSdl).toMatch(/memberCitizenIds: \[ID!\]! @inaccessible/);
  });
});
