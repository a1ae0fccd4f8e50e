import { DocumentNode, FieldDefinitionNode, parse, print, TypeNode } from 'graphql';
import { printSubgraphSdl } from '../src';

/** `name: Type` of every field (and `name(args): Type` when it has arguments) of a type in the SDL. */
function fieldsOf(doc: DocumentNode, typeName: string): Record<string, string> {
  const def = doc.definitions.find((d) => 'name' in d && d.name?.value === typeName && 'fields' in d);
  if (!def || !('fields' in def)) throw new Error(`no type ${typeName}`);
  const out: Record<string, string> = {};
  for (const f of (def.fields ?? []) as FieldDefinitionNode[]) {
    const args = f.arguments?.length ? `(${f.arguments.map((a) => `${a.name.value}: ${print(a.type)}`).join(', ')})` : '';
    out[f.name.value] = `${args}${print(f.type as TypeNode)}`;
  }
  return out;
}

describe('association SDL', () => {
  let sdl: string;
  let doc: DocumentNode;
  beforeAll(async () => {
    sdl = await printSubgraphSdl();
    doc = parse(sdl);
  });

  it('extends Person by its key with membership and clubs', () => {
    expect(sdl).toContain('type Person @key(fields: "citizenId") {');
    expect(fieldsOf(doc, 'Person')).toEqual({
      citizenId: 'ID!',
      birthDate: 'Date!',
      deathDate: 'Date',
      membership: 'AssociationMembership',
      clubs: '[ClubMembership!]',
      membershipEligibility: 'MembershipEligibility',
      longevityCelebration: '(year: Int!)LongevityCelebration',
      exemplaryRecognitions: '[ExemplaryRecognition!]',
    });
    expect(sdl).toMatch(/birthDate: Date! @external/);
    expect(sdl).toMatch(/deathDate: Date @external/);
    expect(sdl).toMatch(
      /longevityCelebration\(year: Int!\): LongevityCelebration @requiresScopes\([^\n]*\) @requires\(fields: "birthDate deathDate"\)/,
    );
    expect(sdl).toMatch(/membershipEligibility: MembershipEligibility @requiresScopes\([^\n]*\) @requires\(fields: "birthDate"\)/);
  });

  it('owns Club as an entity and adds club figures to AdministrativeUnit', () => {
    expect(sdl).toContain('type Club @key(fields: "clubId") {');
    expect(sdl).toContain('type AdministrativeUnit @key(fields: "code") {');
    expect(fieldsOf(doc, 'AdministrativeUnit')).toEqual({
      code: 'ID!',
      mountainous: 'Boolean',
      communes: '[AdministrativeUnit!]',
      clubCount: 'Int',
      clubs: '[Club!]',
      centenarianCelebrations: '(year: Int!)Int',
      longevityCelebrationStatus: '(year: Int!)LongevityCelebrationStatus',
      clubCoverage: '(asOf: Date)ClubCoverage',
      livingBirthYearsToday: '[BirthYearCount!]',
    });
    expect(sdl).toMatch(/\): ClubCoverage @requiresScopes\([^\n]*\) @requires\(fields: "communes \{ code mountainous \}"\)/);
    expect(sdl).toMatch(
      /\): LongevityCelebrationStatus @requiresScopes\([^\n]*\) @requires\(fields: "livingBirthYearsToday \{ year count \} communes \{ code livingBirthYearsToday \{ year count \} \}"\)/,
    );
    expect(sdl).toMatch(/livingBirthYearsToday: \[BirthYearCount!\] @external/);
    expect(fieldsOf(doc, 'Club')).toMatchObject({
      clubId: 'ID!',
      name: 'String!',
      commune: 'AdministrativeUnit!',
      foundedOn: 'Date!',
      decisionNumber: 'String!',
      memberCount: 'Int!',
      members: '(first: Int, after: String)ClubMemberConnection!',
    });
  });

  it('has the queries and mutations of this slice', () => {
    expect(fieldsOf(doc, 'Query')).toEqual({
      club: '(clubId: ID!)Club',
      clubs: '(first: Int, after: String, filter: ClubFilter)ClubConnection!',
      clubPriorityMembers: '(communeCode: String!)[Person!]!',
      branches: '(communeCode: String!)[Branch!]!',
      fundLedger: '(ledger: FundRefInput!)FundLedger!',
      longevityCelebrationAges: '(year: Int!)[Int!]!',
      longevityCelebrationRule: '(year: Int!)LongevityCelebrationRule!',
      exemplaryRecognitions: '(year: Int!, communeCode: String!)[ExemplaryRecognition!]!',
      clubMemberCohort: '(scope: String!)ClubMemberCohort!',
    });
    expect(fieldsOf(doc, 'Mutation')).toEqual({
      joinAssociation: '(idempotencyKey: String, input: JoinAssociationInput!)AssociationMembership!',
      createBranch: '(idempotencyKey: String, input: CreateBranchInput!)Branch!',
      createClub: '(idempotencyKey: String, input: CreateClubInput!)Club!',
      addClubMember: '(idempotencyKey: String, input: AddClubMemberInput!)ClubMember!',
      recordClubLoan: '(idempotencyKey: String, input: RecordClubLoanInput!)ClubLoan!',
      recordClubActivity: '(idempotencyKey: String, input: RecordClubActivityInput!)ClubActivity!',
      recordFundEntry: '(idempotencyKey: String, input: RecordFundEntryInput!)FundEntry!',
      recordCelebrationDelivery: '(idempotencyKey: String, input: RecordCelebrationInput!)LongevityCelebration!',
      recordExemplaryRecognition: '(idempotencyKey: String, input: RecordRecognitionInput!)ExemplaryRecognition!',
      associationApplyDeath: '(citizenId: ID!, eventId: ID!)AssociationDeathReceipt!',
    });
    // Q11: the member list is never in the client API
    expect(fieldsOf(doc, 'ClubMemberCohort')).toEqual({
      scope: 'String!',
      clubCount: 'Int!',
      memberCount: 'Int!',
      memberCitizenIds: '[ID!]!',
    });
    expect(sdl).toMatch(/memberCitizenIds: \[ID!\]! @requiresScopes\([^)]*\) @inaccessible/);
    expect(fieldsOf(doc, 'ClubConnection')).toMatchObject({ totalCount: 'Int!', pageInfo: 'PageInfo!' });
    expect(fieldsOf(doc, 'AssociationMembership')).toMatchObject({
      citizenId: 'ID!',
      branchName: 'String!',
      communeCode: 'String!',
      joinedOn: 'Date!',
      cardNumber: 'String!',
    });
  });

  it('keeps PageInfo shareable and Sex identical to homeaffairs', () => {
    expect(sdl).toContain('type PageInfo @shareable {');
    expect(sdl).toMatch(/enum Sex \{\s*MALE\s*FEMALE\s*\}/);
  });

  it('gives club-list members identity and a Person link on top of the membership fields', () => {
    const membership = {
      club: 'Club!',
      role: 'ClubRole!',
      elderly: 'Boolean!',
      woman: 'Boolean!',
      young: 'Boolean!',
      priority: 'Boolean!',
      joinedOn: 'Date!',
      endedOn: 'Date',
    };
    expect(fieldsOf(doc, 'ClubMembership')).toEqual(membership);
    expect(fieldsOf(doc, 'ClubMember')).toEqual({ ...membership, citizenId: 'ID!', fullName: 'String!', person: 'Person' });
  });

  it("describes every type and field in both languages (entity stubs take the owner's type description)", () => {
    for (const def of doc.definitions) {
      if (!('name' in def) || !def.name) continue;
      if (!['Query', 'Mutation', 'Person', 'AdministrativeUnit'].includes(def.name.value))
        expect([def.name.value, 'description' in def && def.description?.value.includes(' / ')]).toEqual([def.name.value, true]);
      for (const f of ('fields' in def ? (def.fields ?? []) : []) as FieldDefinitionNode[]) {
        expect([`${def.name.value}.${f.name.value}`, f.description?.value.includes(' / ')]).toEqual([
          `${def.name.value}.${f.name.value}`,
          true,
        ]);
      }
    }
  });
});
