import { EntitlementFacts, stateFundedEntitlements, validateEntitlements } from './entitlement.rules';
import { STATE_FUNDED_ENTITLEMENT_ROWS } from './rules/state-funded-entitlement';

// Law on Health Insurance Art. 12.3-12.4; Decree 20/2021 Art. 9; Decree 146/2018 Art. 3-4;
// Social Insurance Law 2024 Art. 22 (social pension from 2025-07-01).
describe('state-paid BHYT entitlement', () => {
  const none: EntitlementFacts = {
    age: 70,
    socialAllowance: false,
    socialPension: false,
    household: 'NONE',
    minorityInDisadvantagedArea: false,
  };
  const bases = (facts: Partial<EntitlementFacts>, date = '2026-03-10') =>
    stateFundedEntitlements({ ...none, ...facts }, date).map((r) => r.basis);

  it.each([
    [{}, []],
    [{ socialAllowance: true, age: 82 }, ['SOCIAL_ALLOWANCE']],
    [{ household: 'POOR' as const }, ['POOR_HOUSEHOLD']],
    [{ household: 'NEAR_POOR' as const }, ['NEAR_POOR_HOUSEHOLD']],
    [{ minorityInDisadvantagedArea: true }, ['ETHNIC_MINORITY_DISADVANTAGED_AREA']],
    [{ socialPension: true, age: 76 }, ['SOCIAL_PENSION']],
    // the most favourable first: full payment before the near-poor subsidy
    [{ household: 'NEAR_POOR' as const, socialAllowance: true }, ['SOCIAL_ALLOWANCE', 'NEAR_POOR_HOUSEHOLD']],
    [
      { household: 'POOR' as const, socialAllowance: true, minorityInDisadvantagedArea: true },
      ['SOCIAL_ALLOWANCE', 'POOR_HOUSEHOLD', 'ETHNIC_MINORITY_DISADVANTAGED_AREA'],
    ],
  ])('%j -> %j', (facts, expected) => {
    expect(bases(facts)).toEqual(expected);
  });

  it('gives the social pension basis only from 2025-07-01, and from age 70', () => {
    expect(bases({ socialPension: true, age: 76 }, '2025-06-30')).toEqual([]);
    expect(bases({ socialPension: true, age: 76 }, '2025-07-01')).toEqual(['SOCIAL_PENSION']);
    expect(bases({ socialPension: true, age: 69 }, '2026-01-01')).toEqual([]);
  });

  it('pays the near-poor 70%, the others 100%', () => {
    const pct = Object.fromEntries(STATE_FUNDED_ENTITLEMENT_ROWS.map((r) => [r.basis, r.statePaysPercent]));
    expect(pct).toEqual({
      SOCIAL_ALLOWANCE: 100,
      POOR_HOUSEHOLD: 100,
      ETHNIC_MINORITY_DISADVANTAGED_AREA: 100,
      SOCIAL_PENSION: 100,
      NEAR_POOR_HOUSEHOLD: 70,
    });
  });

  const good = STATE_FUNDED_ENTITLEMENT_ROWS[0];
  it.each([
    [{ statePaysPercent: 0 }],
    [{ statePaysPercent: 101 }],
    [{ minAge: 59 }],
    [{ basis: 'OTHER' as 'SOCIAL_ALLOWANCE' }],
    [{ cardGroup: 'ZZ' }],
    [{ effectiveFrom: '1/7/2021' }],
    [{ effectiveTo: '2020-01-01' }],
    [{ legalAct: '' }],
  ])('refuses a malformed row %j', (change) => {
    expect(() => validateEntitlements([{ ...good, ...change }])).toThrow();
  });

  it('refuses two rows in force for the same basis', () => {
    expect(() => validateEntitlements([good, { ...good, effectiveFrom: '2024-07-01' }])).toThrow(/overlaps/);
  });
});
