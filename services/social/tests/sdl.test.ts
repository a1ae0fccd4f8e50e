import { parse, print, visit } from 'graphql';
import { printSubgraphSdl } from '../src';

/** The SDL without descriptions, printed canonically (arguments on one line). */
function bare(sdl: string): string {
  return print(
    visit(parse(sdl), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }),
  );
}

describe('social subgraph SDL', () => {
  let raw: string;
  let sdl: string;
  beforeAll(async () => {
    raw = await printSubgraphSdl();
    sdl = bare(raw);
  });

  it('extends Person with the external identity it requires: birth date, death date, dated residence', () => {
    expect(sdl).toMatch(
      /allowanceEligibility\(asOf: Date\): AllowanceEligibility .*@requires\(fields: "birthDate deathDate residenceHistory \{ communeCode villageCode from to disadvantaged \{ from to level legalAct \} \}"\)/,
    );
    expect(sdl).toMatch(/residenceHistory: \[ResidencePeriod!\] @external/);
    expect(sdl).toMatch(/type Person @key\(fields: "citizenId"\) \{\n\s+citizenId: ID!\n\s+birthDate: Date! @external\n/);
    expect(sdl).toMatch(/monthlyAllowance: AllowanceCase .*@requires\(fields: "birthDate"\)/);
    expect(sdl).toMatch(/monthlyAllowance: AllowanceCase .*@requiresScopes\(scopes: \[\["role:social"\], \["role:commune-officer"\]\]\)/);
    expect(sdl).toMatch(/socialPension: SocialPensionCase @requiresScopes/);
  });

  it('declares the case types, enums, lists and mutation', () => {
    for (const name of [
      'type AllowanceCase {',
      'type SocialPensionCase {',
      'enum AllowanceGroup {',
      'enum BenefitCaseStatus {',
      'input AllowanceCaseFilter {',
      'input OpenAllowanceCaseInput {',
    ]) {
      expect(sdl).toContain(name);
    }
    expect(sdl).toContain('allowanceCases(filter: AllowanceCaseFilter, first: Int, after: String): AllowanceCaseConnection!');
    expect(sdl).toContain('socialPensionCases(filter: SocialPensionCaseFilter, first: Int, after: String): SocialPensionCaseConnection!');
    expect(sdl).toContain('openAllowanceCase(idempotencyKey: String, input: OpenAllowanceCaseInput!): AllowanceCase!');
    expect(sdl).toContain(
      'socialApplyDeath(citizenId: ID!, eventId: ID!): SocialDeathReceipt! @requiresScopes(scopes: [["role:homeaffairs"]])',
    );
    for (const field of [
      'coefficient: Float',
      'baseLevel: Int!',
      'monthlyAmount: Int',
      'status: BenefitCaseStatus!',
      'startMonth: Month!',
      'stopMonth: Month',
      'decisionDate: Date!',
      'totalCount: Int!',
    ]) {
      expect(sdl).toContain(field);
    }
  });

  it('describes every type and field of its own in both languages', () => {
    const doc = parse(raw);
    const missing: string[] = [];
    visit(doc, {
      ObjectTypeDefinition(node) {
        if (['Person', 'ResidencePeriod', 'DisadvantagedSpell', 'PageInfo'].includes(node.name.value)) return false; // the owners' / the kit's
        if (!['Query', 'Mutation'].includes(node.name.value) && !node.description) missing.push(node.name.value);
        for (const f of node.fields ?? []) if (!f.description?.value.includes(' / ')) missing.push(`${node.name.value}.${f.name.value}`);
        return undefined;
      },
      InputObjectTypeDefinition(node) {
        for (const f of node.fields ?? []) if (!f.description) missing.push(`${node.name.value}.${f.name.value}`);
      },
      EnumTypeDefinition(node) {
        for (const v of node.values ?? []) if (!v.description) missing.push(`${node.name.value}.${v.name.value}`);
      },
    });
    expect(missing).toEqual([]);
  });
});
