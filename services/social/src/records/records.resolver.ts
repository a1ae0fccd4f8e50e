import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { trusted } from '@nct/db';
import { refuse } from '@nct/rules';
import { Access, citizenIdArg, idempotencyKeyArg, idempotent, inTransaction, RequestContext } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import { parseInsuranceCsv, type ParsedRow } from './insurance-import';
import { mergeInsuranceRows, pensionPeriodProblems } from './records.rules';
import { InsuranceImportReport, SetCircumstancesInput, SetPovertyStatusInput, SocialRecord, socialRecordView } from './social-record';
import { emptyRecord, pensionPeriodsOf, type PensionPeriod, type SocialRecordDoc } from './social-record.model';

function communeArg(code: string, argument: string): string {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) {
    throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument });
  }
  return code;
}

/** A record in the shape written today: pension periods (an older record's status steps read as periods), no steps. */
function normalized(r: SocialRecordDoc): Omit<SocialRecordDoc, 'insurance'> {
  return {
    _id: r._id,
    communeCode: r.communeCode,
    poverty: [...r.poverty].sort((a, b) => a.year - b.year).map(({ year, status }) => ({ year, status })),
    pensions: pensionPeriodsOf(r).map(({ kind, monthlyAmount, from, to }) => ({ kind, monthlyAmount, from, to })),
    disability: r.disability,
    noSupporter: r.noSupporter,
    careFacilityEligible: r.careFacilityEligible,
    otherMonthlyAllowance: r.otherMonthlyAllowance,
  };
}

/** The write of a record in today's shape ($unset: an older record's steps, now periods). */
function recordWrite(next: SocialRecordDoc) {
  const { _id, ...fields } = normalized(next);
  return { filter: { _id }, update: { $set: fields, $unset: { insurance: 1 } } };
}

@Resolver()
export class RecordsResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  /** Changes one record; the same values again write nothing (idempotent by design). */
  private async upsert(citizenId: string, communeCode: string, change: (r: SocialRecordDoc) => SocialRecordDoc): Promise<SocialRecord> {
    const before = await this.models.SocialRecord.findOne({ _id: citizenId }).lean<SocialRecordDoc>();
    const next = change(before ? { ...before, communeCode } : emptyRecord(citizenId, communeCode));
    if (before && JSON.stringify(normalized(before)) === JSON.stringify(normalized(next))) return socialRecordView(before);
    const { filter, update } = recordWrite(next);
    await this.models.SocialRecord.updateOne(filter, update, { upsert: true, runValidators: true });
    return socialRecordView(normalized(next));
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => SocialRecord, {
    description:
      'Ghi tình trạng nghèo của hộ trong một năm (ghi lại cùng giá trị: không đổi). / Record the household poverty status for a year (idempotent).',
  })
  async setPovertyStatus(
    @Arg('input', () => SetPovertyStatusInput) input: SetPovertyStatusInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SocialRecord> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    communeArg(input.communeCode, 'input.communeCode');
    const maxYear = Number(ctx.today.slice(0, 4)) + 1;
    if (!Number.isInteger(input.year) || input.year < 2021 || input.year > maxYear) {
      throw new BadUserInputError(
        { vi: `Năm phải từ 2021 đến ${maxYear}`, en: `year must be from 2021 to ${maxYear}` },
        { argument: 'input.year' },
      );
    }
    return this.upsert(citizenId, input.communeCode, (r) => ({
      ...r,
      poverty: [...r.poverty.filter((p) => p.year !== input.year), { year: input.year, status: input.status }].sort(
        (a, b) => a.year - b.year,
      ),
    }));
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => SocialRecord, {
    description:
      'Ghi hoàn cảnh: khuyết tật, người phụng dưỡng, nuôi dưỡng tại cộng đồng, trợ cấp khác, các khoảng hưởng lương hưu / trợ cấp BHXH hằng tháng với mức hưởng; ghi lại cùng giá trị: không đổi gì. / Record circumstances, and pension / monthly SI periods with their amounts; the same values again change nothing.',
  })
  async setCircumstances(
    @Arg('input', () => SetCircumstancesInput) input: SetCircumstancesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SocialRecord> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    communeArg(input.communeCode, 'input.communeCode');
    const pensions: PensionPeriod[] | null =
      input.pensions?.map((p) => ({ kind: p.kind, monthlyAmount: p.monthlyAmount ?? null, from: p.from, to: p.to ?? null })) ?? null;
    if (pensions) {
      const problems = pensionPeriodProblems(pensions, ctx.today);
      if (problems.length) refuse(problems);
    }
    return this.upsert(citizenId, input.communeCode, (r) => ({
      ...r,
      ...(pensions ? { pensions: [...pensions].sort((a, b) => (a.from < b.from ? -1 : 1)), insurance: [] } : {}),
      disability: input.disability,
      noSupporter: input.noSupporter,
      careFacilityEligible: input.careFacilityEligible,
      otherMonthlyAllowance: input.otherMonthlyAllowance,
    }));
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => InsuranceImportReport, {
    description:
      'Nhập tình trạng lương hưu/BHXH từ cơ quan BHXH (CSV: citizenId,status,effectiveFrom,communeCode; tối đa 5.000 dòng / 200.000 ký tự). Dòng lỗi bị từ chối và không thay đổi gì; dòng đúng được áp dụng, nhập lại không đổi. / Import pension / SI status from the insurance agency as CSV; bad rows are rejected and change nothing; good rows are applied idempotently.',
  })
  async importInsuranceStatus(
    @Arg('csv', { description: 'Nội dung CSV có dòng tiêu đề. / CSV text with a header.' }) csv: string,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<InsuranceImportReport> {
    const key = idempotencyKeyArg(idempotencyKey);
    const { rows, rejected, total } = parseInsuranceCsv(csv, ctx.today);
    const byPerson = new Map<string, ParsedRow[]>();
    for (const r of rows) byPerson.set(r.citizenId, [...(byPerson.get(r.citizenId) ?? []), r]);
    const ids = [...byPerson.keys()];
    // The good rows are applied together or not at all: the records read by `_id $in`
    // and one bulk write of the changed ones, in one transaction (with the key's record).
    const report = await idempotent(ctx, dbOf(this.models), { operation: 'importInsuranceStatus', key, input: { csv } }, () =>
      inTransaction(dbOf(this.models), async () => {
        const records = await findInChunks(ids, (chunk) =>
          this.models.SocialRecord.find({ _id: trusted({ $in: chunk }) }).lean<SocialRecordDoc[]>(),
        );
        const recordOf = new Map(records.map((r) => [r._id, r]));
        let applied = 0;
        let unchanged = 0;
        const writes: SocialRecordDoc[] = [];
        for (const [citizenId, list] of byPerson) {
          const before = recordOf.get(citizenId) ?? null;
          // the commune of the latest row in the file for a new record; an existing record keeps its own
          const commune = before?.communeCode ?? list[list.length - 1].communeCode;
          const current = pensionPeriodsOf(before);
          const merged = mergeInsuranceRows(
            current,
            list.map((r) => ({ from: r.from, status: r.status })),
          );
          for (const same of merged.unchanged) {
            if (same) unchanged++;
            else applied++;
          }
          if (before && JSON.stringify(current) === JSON.stringify(merged.periods)) continue;
          writes.push({ ...(before ?? emptyRecord(citizenId, commune)), pensions: merged.periods, insurance: [] });
        }
        if (writes.length) {
          await this.models.SocialRecord.bulkWrite(
            writes.map((w) => {
              const { filter, update } = recordWrite(w);
              return { updateOne: { filter, update, upsert: true } };
            }),
            { ordered: true },
          );
        }
        return { rows: total, applied, unchanged, rejected };
      }),
    );
    return Object.assign(new InsuranceImportReport(), report);
  }
}
