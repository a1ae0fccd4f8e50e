import { NoRuleInForceError } from '@nct/rules';
import { SOCIAL_PENSION_FIRST_MONTH, socialPensionAmountOn } from './pension.rules';
import { checkSocialPensionLevelTable } from './rules/social-pension-level';

describe('social pension level (Social Insurance Law 2024 Art. 22, Decree 176/2025)', () => {
  it.each([
    ['2025-07', 500_000],
    ['2026-11', 500_000],
  ])('%s -> %i VND', (month, amount) => {
    expect(socialPensionAmountOn(month)).toBe(amount);
  });

  it('does not exist before 2025-07', () => {
    expect(SOCIAL_PENSION_FIRST_MONTH).toBe('2025-07');
    expect(() => socialPensionAmountOn('2025-06')).toThrow(NoRuleInForceError);
  });

  it.each([
    [[]],
    [[{ effectiveFrom: '2025-07-01', amount: -500_000, legalAct: 'x' }]],
    [[{ effectiveFrom: '01/07/2025', amount: 500_000, legalAct: 'x' }]],
  ])('refuses a malformed table %j', (rows) => {
    expect(() => checkSocialPensionLevelTable(rows)).toThrow(/social pension level/);
  });
});
