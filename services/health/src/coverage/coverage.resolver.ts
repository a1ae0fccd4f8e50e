import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import { coverageYearProblems, indicatorValue, referenceDate } from './coverage.rules';
import { coverageCountsFromTallies } from './coverage.tallies';
import { HealthCoverage } from './health-coverage';
import { communeTalliesLoader } from './coverage.loaders';

/**
 * Adds `healthCoverage(year)` to homeaffairs' AdministrativeUnit: the counts of
 * `coverageCounts` (coverage.rules.ts), read from the coverage tallies (coverage.tallies.ts)
 * kept by every write in its transaction; the indicators, targets and small-cell suppression
 * are the rules of coverage.rules.ts.
 */
@Resolver(() => AdministrativeUnit)
export class HealthCoverageResolver {
  constructor(private readonly models: Models) {}

  @Access('AGGREGATES')
  @Directive('@requires(fields: "elderlyCountToday")')
  @FieldResolver(() => HealthCoverage, {
    nullable: true,
    description:
      'Tỷ lệ người cao tuổi có hồ sơ sức khỏe, được khám trong năm, có thẻ BHYT còn giá trị, so với mục tiêu quốc gia; ô nhỏ (1-4) bị ẩn; mẫu số do Sở Nội vụ cung cấp. / Shares of the elderly with a health record, a check in the year and a valid card against the national targets; small cells withheld; the denominator comes from home affairs.',
  })
  async healthCoverage(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, { description: 'Năm (2015 đến năm hiện tại). / Year, 2015 to the current one.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<HealthCoverage> {
    const today = ctx.today;
    const problems = coverageYearProblems(year, Number(today.slice(0, 4)));
    if (problems.length) refuseWithCodes(problems);
    if (!/^\d{5}$/.test(unit.code)) {
      throw new BadUserInputError(
        { vi: 'Số liệu bao phủ y tế tính theo xã/phường (mã 5 chữ số)', en: 'Health coverage is given per commune (5-digit code)' },
        { argument: 'code' },
      );
    }
    assertInScope(ctx, unit.code);
    const histograms = await communeTalliesLoader(this.models, ctx).load(unit.code);
    const onDate = referenceDate(year, today);
    const counts = coverageCountsFromTallies(histograms, year, onDate);
    const elderly = unit.elderlyCountToday ?? null;
    const healthRecord = indicatorValue('HEALTH_RECORD', counts.withRecord, elderly, year);
    const annualCheck = indicatorValue('ANNUAL_CHECK', counts.checkedInYear, elderly, year);
    const insuranceCard = indicatorValue('INSURANCE_CARD', counts.validCard, elderly, year);
    const chronicManagement = indicatorValue('CHRONIC_MANAGEMENT', counts.chronicAllManaged, counts.withChronic, year);
    const mets = [healthRecord.met, annualCheck.met, insuranceCard.met];
    return Object.assign(new HealthCoverage(), {
      communeCode: unit.code,
      year,
      referenceDate: onDate,
      elderlyCount: elderly,
      healthRecord,
      annualCheck,
      insuranceCard,
      chronicManagement,
      allTargetsMet: mets.some((m) => m === null) ? null : mets.every(Boolean),
    });
  }
}
