import { Arg, Mutation, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, loader, RequestContext, todayInVietnam } from '@nct/subgraph-kit';
import { refuse } from '../common/problems';
import type { Models } from '../models';
import { AssociationMembership, RegisterAssociationMemberInput } from './membership';
import type { MembershipDoc } from './membership.model';
import { membershipProblems, normaliseMembership } from './membership.rules';

/** Memberships of one request by citizen ID: one query per batch. */
export function membershipLoader(models: Models, ctx: RequestContext) {
  return loader<string, MembershipDoc | null>(ctx, 'membership', async (ids) => {
    const docs = await models.Membership.find({ citizenId: trusted({ $in: [...ids] }) }).lean<MembershipDoc[]>();
    const map = new Map(docs.map((d) => [d.citizenId, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

@Resolver(() => AssociationMembership)
export class MembershipResolver {
  constructor(private readonly models: Models) {}

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => AssociationMembership, {
    description:
      'Kết nạp hội viên. Chưa kiểm tra đủ 60 tuổi (sẽ dùng @requires trên ngày sinh của Person). / Register a member; the age-60 check through @requires comes later.',
  })
  async registerMember(@Arg('input', () => RegisterAssociationMemberInput) input: RegisterAssociationMemberInput): Promise<MembershipDoc> {
    const problems = membershipProblems(input, todayInVietnam());
    if (problems.length) refuse(problems);
    const clean = normaliseMembership(input);
    try {
      const doc = await this.models.Membership.create({ ...clean, status: 'ACTIVE' });
      return doc.toObject();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Which unique index refused it: the person, or the card.
      const samePerson = await this.models.Membership.exists({ citizenId: clean.citizenId });
      if (samePerson) {
        throw new ConflictError(
          { vi: `Người có số định danh ${clean.citizenId} đã là hội viên`, en: `Citizen ${clean.citizenId} is already a member` },
          { field: 'citizenId' },
        );
      }
      throw new ConflictError(
        { vi: `Số thẻ ${clean.cardNumber} đã được cấp cho hội viên khác`, en: `Card number ${clean.cardNumber} is already issued` },
        { field: 'cardNumber' },
      );
    }
  }
}
