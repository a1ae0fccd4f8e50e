import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { cardChanges, inPersonTransaction, recordCommuneOf } from '../coverage/coverage.tallies';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { normaliseText } from '../common/problems';
import { InsuranceCard, IssueInsuranceCardInput } from './insurance-card';
import type { InsuranceCardDoc } from './insurance-card.model';
import { cardCodeProblems, isValidOn, issueCardProblems, overlaps, parseCardCode } from './insurance-card.rules';
import { PROJECTION } from './insurance-card.loaders';

function duplicateCode(code: string): ConflictError {
  return new ConflictError({ vi: `Mã thẻ ${code} đã được cấp`, en: `Card code ${code} is already issued` }, { field: 'code' });
}

function overlapConflict(overlapping: InsuranceCardDoc): ConflictError {
  return new ConflictError(
    {
      vi: `Mỗi người chỉ có một thẻ còn giá trị tại một thời điểm: thẻ ${overlapping.code} có giá trị ${overlapping.validFrom} - ${overlapping.validTo}`,
      en: `One active card at a time: card ${overlapping.code} is valid ${overlapping.validFrom} to ${overlapping.validTo}`,
    },
    { field: 'validFrom', conflictingCode: overlapping.code },
  );
}

/**
 * Issues a card inside a transaction (one card per person per period, Law on Health Insurance
 * Art. 16). The person's coverage guard and the holder's issue counter are written first: two concurrent issues for the same
 * person write the same document, so only one commits; the other is retried by
 * `connection.transaction` from the start, now sees the first card and is refused. A failure
 * after the counter (a duplicate card code) aborts the transaction: nothing is written, the
 * coverage tally (`cards-from:`, `cards-to:` counts of the record's commune) included.
 */
async function issueCard(models: Models, doc: InsuranceCardDoc): Promise<InsuranceCardDoc> {
  // the transaction also increments the person's coverage guard (coverage.tallies.ts)
  return inPersonTransaction(models, doc.citizenId, async () => {
    await models.CardHolder.updateOne({ _id: doc.citizenId }, { $inc: { issued: 1 } }, { upsert: true });
    // the person's cards still valid on the new card's first day (indexed: citizenId, validTo), then the rule
    const later = await models.InsuranceCard.find({ citizenId: doc.citizenId, validTo: trusted({ $gte: doc.validFrom }) }, PROJECTION).lean<
      InsuranceCardDoc[]
    >();
    const overlapping = later.find((c) => overlaps(c, doc));
    if (overlapping?.code === doc.code) throw duplicateCode(doc.code);
    if (overlapping) throw overlapConflict(overlapping);
    await models.InsuranceCard.create([doc]);
    // the card counts in the coverage of the commune keeping the person's record (else when one is opened)
    const record = await recordCommuneOf(models, doc.citizenId);
    if (record) await models.Tallies.add(cardChanges(record.communeCode, doc));
    return doc;
  });
}

@Resolver(() => InsuranceCard)
export class InsuranceCardResolver {
  constructor(private readonly models: Models) {}

  @Access('INSURANCE_CARD')
  @Query(() => InsuranceCard, {
    nullable: true,
    description:
      'Một thẻ BHYT theo mã (mã sai dạng: BAD_USER_INPUT kèm danh sách lỗi). / One card by code; a malformed code is BAD_USER_INPUT listing the problems.',
  })
  async insuranceCard(
    @Arg('code', () => String, { description: 'Mã thẻ 15 ký tự, viết hoa. / 15-character card code, capital letters.' }) code: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InsuranceCardDoc | null> {
    const problems = cardCodeProblems(code, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    return this.models.InsuranceCard.findOne({ code }, PROJECTION).lean<InsuranceCardDoc>();
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => InsuranceCard, {
    description:
      'Cấp thẻ BHYT: mã hợp lệ, hết hạn sau ngày bắt đầu; trùng mã hoặc chồng thời hạn với thẻ khác của cùng người: CONFLICT. / Issue a card; a duplicate code or a validity overlapping another card of the person is a CONFLICT.',
  })
  async issueInsuranceCard(
    @Arg('input', () => IssueInsuranceCardInput) input: IssueInsuranceCardInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<InsuranceCardDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = issueCardProblems(input, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    const doc: InsuranceCardDoc = {
      code: input.code,
      citizenId: input.citizenId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      primaryCareFacility: normaliseText(input.primaryCareFacility),
    };
    try {
      return await idempotent(ctx, this.models.InsuranceCard.db, { operation: 'issueInsuranceCard', key, input: doc }, () =>
        issueCard(this.models, doc),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) throw duplicateCode(doc.code);
      throw err;
    }
  }

  @FieldResolver(() => String)
  beneficiaryGroup(@Root() card: InsuranceCardDoc): string {
    return parseCardCode(card.code).beneficiaryGroup;
  }

  @FieldResolver(() => Int)
  benefitLevel(@Root() card: InsuranceCardDoc): number {
    return parseCardCode(card.code).benefitLevel;
  }

  @FieldResolver(() => String)
  provinceCode(@Root() card: InsuranceCardDoc): string {
    return parseCardCode(card.code).provinceCode;
  }

  @FieldResolver(() => Boolean)
  validToday(@Root() card: InsuranceCardDoc, @Ctx() ctx: RequestContext): boolean {
    return isValidOn(card, ctx.today);
  }
}
