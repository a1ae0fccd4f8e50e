import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, assertInScope, idempotencyKeyArg, idempotent, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { communeCodeProblems, Problem, refuse } from '@nct/rules';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { cleanText, textProblem } from '../common/problems';
import type { Models } from '../models';
import { ExemplaryRecognition, RecordRecognitionInput } from './recognition';
import type { RecognitionDoc } from './recognition.model';

export function recognitionProblems(input: RecordRecognitionInput, today: string): Problem[] {
  const problems: Problem[] = [];
  for (const p of checkCitizenId(input.citizenId)) problems.push({ field: 'citizenId', ...PROBLEM_MESSAGES[p] });
  problems.push(...communeCodeProblems(input.communeCode));
  const d = textProblem('decisionNumber', input.decisionNumber, 50);
  if (d) problems.push(d);
  if (!isIsoDate(input.decisionDate) || input.decisionDate > today)
    problems.push({
      field: 'decisionDate',
      vi: 'Ngày quyết định không hợp lệ hoặc ở tương lai',
      en: 'decisionDate is not a valid past date',
    });
  else if (Number(input.decisionDate.slice(0, 4)) !== input.year)
    problems.push({ field: 'year', vi: 'Năm khen phải là năm của quyết định', en: "year must be the decision's year" });
  return problems;
}

@Resolver(() => ExemplaryRecognition)
export class RecognitionResolver {
  constructor(private readonly models: Models) {}

  @Access('ASSOCIATION_DATA')
  @Query(() => [ExemplaryRecognition], {
    description: 'Khen thưởng "Tuổi cao - Gương sáng" của xã trong năm. / The commune\'s recognitions of a year.',
  })
  async exemplaryRecognitions(
    @Arg('communeCode') communeCode: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<RecognitionDoc[]> {
    const badCode = communeCodeProblems(communeCode);
    if (badCode.length) refuse(badCode);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      refuse([{ field: 'year', vi: 'Năm không hợp lệ', en: 'year must be 2000-2100' }]);
    const commune = scopedCommune(ctx, communeCode) as string;
    const docs = await this.models.Recognition.find({ communeCode: commune, year }).lean<RecognitionDoc[]>();
    return docs.sort((a, b) => a.citizenId.localeCompare(b.citizenId) || a.level.localeCompare(b.level));
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ExemplaryRecognition, {
    description:
      'Ghi nhận khen thưởng; trùng người, năm, cấp: CONFLICT (cùng quyết định: trả lại bản ghi). / Record a recognition; the same person, year and level twice is a CONFLICT unless identical.',
  })
  async recordExemplaryRecognition(
    @Arg('input', () => RecordRecognitionInput) input: RecordRecognitionInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<RecognitionDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = recognitionProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    assertInScope(ctx, input.communeCode);
    const doc: RecognitionDoc = {
      citizenId: input.citizenId,
      year: input.year,
      level: input.level,
      decisionNumber: cleanText(input.decisionNumber),
      decisionDate: input.decisionDate,
      communeCode: input.communeCode,
    };
    const conflict = () =>
      new ConflictError(
        {
          vi: `${doc.citizenId} đã được khen cấp ${doc.level} năm ${doc.year}`,
          en: `${doc.citizenId} already has a ${doc.level} recognition in ${doc.year}`,
        },
        { field: 'level' },
      );
    // A concurrent request for the same person, year and level may insert first: the second attempt reads it.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await idempotent(ctx, this.models.Recognition.db, { operation: 'recordExemplaryRecognition', key, input: doc }, async () => {
          const existing = await this.models.Recognition.findOne(
            { citizenId: doc.citizenId, year: doc.year, level: doc.level },
            { _id: 0 },
          ).lean<RecognitionDoc | null>();
          if (existing) {
            const same =
              existing.decisionNumber === doc.decisionNumber &&
              existing.decisionDate === doc.decisionDate &&
              existing.communeCode === doc.communeCode;
            if (same) return existing;
            throw conflict();
          }
          await this.models.Recognition.create([doc]);
          return doc;
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw conflict();
  }
}
