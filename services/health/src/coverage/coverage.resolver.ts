import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import { CommuneCoverageCounts, coverageYearProblems, indicatorValue, provinceIndicatorValue, referenceDate } from './coverage.rules';
import { coverageCountsFromTallies } from './coverage.tallies';
import type { CoverageIndicator } from './rules/coverage-targets';
import { HealthCoverage } from './health-coverage';
import { communeTalliesLoader } from './coverage.loaders';

/** The sum of communes' counts (a province row). */
function addCounts(all: readonly CommuneCoverageCounts[]): CommuneCoverageCounts {
  const out: CommuneCoverageCounts = { withRecord: 0, checkedInYear: 0, validCard: 0, withChronic: 0, chronicAllManaged: 0 };
  for (const c of all) for (const k of Object.keys(out) as Array<keyof CommuneCoverageCounts>) out[k] += c[k];
  return out;
}

/**
 * Adds `healthCoverage(year)` to homeaffairs' AdministrativeUnit: the counts of
 * `coverageCounts` (coverage.rules.ts), read from the coverage tally (coverage.tallies.ts)
 * kept by every write in its transaction; the indicators, targets and small-cell suppression
 * are the rules of coverage.rules.ts. For a commune (5 digits) its own counts; for a province
 * (2 digits) the sum of its current communes' counts (the list comes from home affairs through
 * `@requires`), against the province's `elderlyCountToday`.
 */
@Resolver(() => AdministrativeUnit)
export class HealthCoverageResolver {
  constructor(private readonly models: Models) {}

  @Access('AGGREGATES')
  @Directive('@requires(fields: "elderlyCountToday communes { code elderlyCountToday }")')
  @FieldResolver(() => HealthCoverage, {
    nullable: true,
    description:
      'Tỷ lệ người cao tuổi có hồ sơ sức khỏe, được khám trong năm, có thẻ BHYT còn giá trị, so với mục tiêu quốc gia, của một xã hoặc cả tỉnh (tổng các xã hiện hành); ô nhỏ (1-4) bị ẩn; mẫu số do Sở Nội vụ cung cấp. / Shares of the elderly with a health record, a check in the year and a valid card against the national targets, for a commune or a whole province (the sum of its current communes); small cells withheld; the denominator comes from home affairs.',
  })
  async healthCoverage(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, { description: 'Năm (2015 đến năm hiện tại). / Year, 2015 to the current one.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<HealthCoverage> {
    const today = ctx.today;
    const problems = coverageYearProblems(year, Number(today.slice(0, 4)));
    if (problems.length) refuseWithCodes(problems);
    const province = /^\d{2}$/.test(unit.code);
    if (!province && !/^\d{5}$/.test(unit.code)) {
      throw new BadUserInputError(
        {
          vi: 'Số liệu bao phủ y tế tính theo xã/phường (mã 5 chữ số) hoặc tỉnh (mã 2 chữ số)',
          en: 'Health coverage is given per commune (5-digit code) or province (2-digit code)',
        },
        { argument: 'code' },
      );
    }
    assertInScope(ctx, unit.code);
    const communeUnits = province ? (unit.communes ?? []).filter((c) => /^\d{5}$/.test(c.code)) : [unit];
    const communes = communeUnits.map((c) => c.code);
    if (communes.length === 0) {
      throw new BadUserInputError(
        { vi: `Tỉnh ${unit.code} không có xã/phường hiện hành`, en: `Province ${unit.code} has no current communes` },
        { argument: 'code' },
      );
    }
    const onDate = referenceDate(year, today);
    const month = onDate.slice(0, 7);
    const loaded = await communeTalliesLoader(this.models, ctx).loadMany(communes.map((c) => `${c}|${month}`));
    const perCommune = loaded.map((h) => {
      if (h instanceof Error) throw h;
      return coverageCountsFromTallies(h, year, onDate);
    });
    const counts = addCounts(perCommune);
    const elderly = unit.elderlyCountToday ?? null;
    // a province row: an indicator is withheld too when exactly one commune's cell of it is (complementary cell)
    const value = (indicator: CoverageIndicator, count: (c: CommuneCoverageCounts) => number, denominator: (c: CommuneCoverageCounts, elderly: number | null) => number | null) =>
      province
        ? provinceIndicatorValue(
            indicator,
            count(counts),
            denominator(counts, elderly),
            year,
            perCommune.map((c, i) => indicatorValue(indicator, count(c), denominator(c, communeUnits[i].elderlyCountToday ?? null), year)),
          )
        : indicatorValue(indicator, count(counts), denominator(counts, elderly), year);
    const healthRecord = value('HEALTH_RECORD', (c) => c.withRecord, (_, e) => e);
    const annualCheck = value('ANNUAL_CHECK', (c) => c.checkedInYear, (_, e) => e);
    const insuranceCard = value('INSURANCE_CARD', (c) => c.validCard, (_, e) => e);
    const chronicManagement = value('CHRONIC_MANAGEMENT', (c) => c.chronicAllManaged, (c) => c.withChronic);
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
