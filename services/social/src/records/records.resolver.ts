import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { trusted } from '@nct/db';
import { Access, citizenIdArg, RequestContext } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import type { Models } from '../models';
import { inTransaction } from '../transactions';
import { parseInsuranceCsv, type ParsedRow } from './insurance-import';
import { InsuranceImportReport, SetCircumstancesInput, SetPovertyStatusInput, SocialRecord } from './social-record';
import { emptyRecord, type InsuranceEntry, type SocialRecordDoc } from './social-record.model';

function communeArg(code: string, argument: string): string {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) {
    throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument });
  }
  return code;
}

/** Merges insurance entries (one per date; the later import of a date replaces its status). */
export function mergeInsurance(current: readonly InsuranceEntry[], incoming: readonly InsuranceEntry[]): InsuranceEntry[] {
  const byDate = new Map(current.map((e) => [e.from, e.status]));
  for (const e of incoming) byDate.set(e.from, e.status);
  return [...byDate].map(([from, status]) => ({ from, status })).sort((a, b) => (a.from < b.from ? -1 : 1));
}

@Resolver()
export class RecordsResolver {
  constructor(private readonly models: Models) {}

  private async upsert(citizenId: string, communeCode: string, change: (r: SocialRecordDoc) => SocialRecordDoc): Promise<SocialRecordDoc> {
    const before = await this.models.SocialRecord.findOne({ _id: citizenId }).lean<SocialRecordDoc>();
    const next = change(before ? { ...before, communeCode } : emptyRecord(citizenId, communeCode));
    const { _id, ...fields } = next;
    await this.models.SocialRecord.updateOne({ _id }, { $set: fields }, { upsert: true, runValidators: true });
    return next;
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => SocialRecord, {
    description:
      'Ghi tình trạng nghèo của hộ trong một năm (ghi lại cùng giá trị: không đổi). / Record the household poverty status for a year (idempotent).',
  })
  async setPovertyStatus(
    @Arg('input', () => SetPovertyStatusInput) input: SetPovertyStatusInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SocialRecordDoc> {
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
    description: 'Ghi hoàn cảnh: khuyết tật, người phụng dưỡng, nuôi dưỡng tại cộng đồng, trợ cấp khác. / Record circumstances.',
  })
  async setCircumstances(@Arg('input', () => SetCircumstancesInput) input: SetCircumstancesInput): Promise<SocialRecordDoc> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    communeArg(input.communeCode, 'input.communeCode');
    return this.upsert(citizenId, input.communeCode, (r) => ({
      ...r,
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
  ): Promise<InsuranceImportReport> {
    const { rows, rejected, total } = parseInsuranceCsv(csv, ctx.today);
    const byPerson = new Map<string, ParsedRow[]>();
    for (const r of rows) byPerson.set(r.citizenId, [...(byPerson.get(r.citizenId) ?? []), r]);
    const ids = [...byPerson.keys()];
    // The good rows are applied together or not at all: the records read by `_id $in`
    // and one bulk write of the changed ones, in one transaction.
    const counts = await inTransaction(this.models, async (session) => {
      const records = await findInChunks(ids, (chunk) =>
        this.models.SocialRecord.find({ _id: trusted({ $in: chunk }) })
          .session(session)
          .lean<SocialRecordDoc[]>(),
      );
      const recordOf = new Map(records.map((r) => [r._id, r]));
      let applied = 0;
      let unchanged = 0;
      const writes: SocialRecordDoc[] = [];
      for (const [citizenId, list] of byPerson) {
        const before = recordOf.get(citizenId) ?? null;
        // the commune of the latest row in the file for a new record; an existing record keeps its own
        const commune = before?.communeCode ?? list[list.length - 1].communeCode;
        const merged = mergeInsurance(
          before?.insurance ?? [],
          list.map((r) => ({ from: r.from, status: r.status })),
        );
        for (const r of list) {
          const had = before?.insurance.find((e) => e.from === r.from);
          if (had && had.status === r.status) unchanged++;
          else applied++;
        }
        if (before && JSON.stringify(before.insurance) === JSON.stringify(merged)) continue;
        writes.push({ ...(before ?? emptyRecord(citizenId, commune)), insurance: merged });
      }
      if (writes.length) {
        await this.models.SocialRecord.bulkWrite(
          writes.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })),
          { session, ordered: true },
        );
      }
      return { applied, unchanged };
    });
    return Object.assign(new InsuranceImportReport(), { rows: total, ...counts, rejected });
  }
}
