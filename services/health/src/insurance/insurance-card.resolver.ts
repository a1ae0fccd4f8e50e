import { Arg, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, loader, RequestContext, todayInVietnam } from '@nct/subgraph-kit';
import { changePersonDigest, refreshPersonDigest, ROW_CHANGES } from '../dashboards/health.digest';
import type { Models } from '../models';
import { normaliseText, refuse } from '../common/problems';
import { InsuranceCard, IssueInsuranceCardInput } from './insurance-card';
import type { InsuranceCardDoc } from './insurance-card.model';
import { cardCodeProblems, currentCard, isValidOn, issueCardProblems, parseCardCode } from './insurance-card.rules';

const PROJECTION = { _id: 0, code: 1, citizenId: 1, validFrom: 1, validTo: 1, primaryCareFacility: 1 } as const;

/**
 * Each person's current card (valid today, else the most recently expired), for one request:
 * one query per batch over the cards already in force (validFrom <= today), newest first.
 * A person holds one card at a time, so this reads about one row per year of coverage.
 */
export function currentCardLoader(models: Models, ctx: RequestContext) {
  return loader<string, InsuranceCardDoc | null>(ctx, 'current-insurance-card', async (ids) => {
    const today = todayInVietnam();
    const rows = await models.InsuranceCard.find({ citizenId: trusted({ $in: [...ids] }), validFrom: trusted({ $lte: today }) }, PROJECTION)
      .sort({ citizenId: 1, validTo: -1 })
      .lean<InsuranceCardDoc[]>();
    const byPerson = new Map<string, InsuranceCardDoc[]>();
    for (const r of rows) byPerson.set(r.citizenId, [...(byPerson.get(r.citizenId) ?? []), r]);
    return ids.map((id) => currentCard(byPerson.get(id) ?? [], today));
  });
}

function duplicateCode(code: string): ConflictError {
  return new ConflictError({ vi: `Mã thẻ ${code} đã được cấp`, en: `Card code ${code} is already issued` }, { field: 'code' });
}

@Resolver(() => InsuranceCard)
export class InsuranceCardResolver {
  constructor(private readonly models: Models) {}

  @Access('INSURANCE_CARD')
  @Query(() => InsuranceCard, {
    nullable: true,
    description: 'Một thẻ BHYT theo mã (mã sai dạng: BAD_USER_INPUT kèm danh sách lỗi). / One card by code; a malformed code is BAD_USER_INPUT listing the problems.',
  })
  async insuranceCard(@Arg('code', () => String, { description: 'Mã thẻ 15 ký tự, viết hoa. / 15-character card code, capital letters.' }) code: string): Promise<InsuranceCardDoc | null> {
    const problems = cardCodeProblems(code, todayInVietnam());
    if (problems.length) refuse(problems);
    return this.models.InsuranceCard.findOne({ code }, PROJECTION).lean<InsuranceCardDoc>();
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => InsuranceCard, {
    description:
      'Cấp thẻ BHYT: mã hợp lệ, hết hạn sau ngày bắt đầu; trùng mã hoặc chồng thời hạn với thẻ khác của cùng người: CONFLICT. / Issue a card; a duplicate code or a validity overlapping another card of the person is a CONFLICT.',
  })
  async issueInsuranceCard(@Arg('input', () => IssueInsuranceCardInput) input: IssueInsuranceCardInput): Promise<InsuranceCardDoc> {
    const problems = issueCardProblems(input, todayInVietnam());
    if (problems.length) refuse(problems);
    const doc: InsuranceCardDoc = {
      code: input.code,
      citizenId: input.citizenId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      primaryCareFacility: normaliseText(input.primaryCareFacility),
    };
    // One active card at a time (one card per person per period, Law on Health Insurance Art. 16).
    // Read-then-write without a transaction: two concurrent issues for the same person could both
    // pass; the card code itself is protected by its unique index.
    const overlapping = await this.models.InsuranceCard.findOne(
      { citizenId: doc.citizenId, validFrom: trusted({ $lte: doc.validTo }), validTo: trusted({ $gte: doc.validFrom }) },
      PROJECTION,
    ).lean<InsuranceCardDoc>();
    if (overlapping?.code === doc.code) throw duplicateCode(doc.code);
    if (overlapping) {
      throw new ConflictError(
        {
          vi: `Mỗi người chỉ có một thẻ còn giá trị tại một thời điểm: thẻ ${overlapping.code} có giá trị ${overlapping.validFrom} - ${overlapping.validTo}`,
          en: `One active card at a time: card ${overlapping.code} is valid ${overlapping.validFrom} to ${overlapping.validTo}`,
        },
        { field: 'validFrom', conflictingCode: overlapping.code },
      );
    }
    try {
      await this.models.InsuranceCard.create(doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        await refreshPersonDigest(this.models, doc.citizenId);
        throw duplicateCode(doc.code);
      }
      throw err;
    }
    await changePersonDigest(this.models, doc.citizenId, ROW_CHANGES.cardIssued(doc.code, doc.validFrom, doc.validTo));
    return doc;
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
  validToday(@Root() card: InsuranceCardDoc): boolean {
    return isValidOn(card, todayInVietnam());
  }
}
