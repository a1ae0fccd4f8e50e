import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, RequestContext } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import { cleanText } from '../common/problems';
import type { Models } from '../models';
import { Person } from '../person/person';
import { AddClubMemberInput, ClubMember } from './club';
import { ClubMemberDoc, roleSlotOf } from './club-member.model';
import { clubOrNotFound } from './club.loaders';
import { clubMemberProblems } from './clubs.rules';

/** A club member: who they are in the register, and joining a club. */
@Resolver(() => ClubMember)
export class ClubMemberResolver {
  constructor(private readonly models: Models) {}

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() m: ClubMemberDoc): Person | null {
    // Only elderly members are in the register (homeaffairs); the gateway resolves the rest.
    return m.elderly ? { citizenId: m.citizenId } : null;
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ClubMember, {
    description:
      'Thêm thành viên vào câu lạc bộ; các cờ phải khớp ngày sinh và giới tính, tối đa một chủ nhiệm. / Add a club member; flags must agree with birth date and sex; at most one chair.',
  })
  async addClubMember(
    @Arg('input', () => AddClubMemberInput) input: AddClubMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClubMemberDoc> {
    // One document: the member count is counted from `club_members`, not stored, and the
    // unique {clubId, roleSlot} index keeps one chair per club, so no transaction is needed.
    const problems = clubMemberProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
    if (input.joinedOn < club.foundedOn) {
      refuse([
        {
          field: 'joinedOn',
          vi: `Ngày tham gia trước ngày thành lập ${club.foundedOn}`,
          en: `joinedOn is before the club was founded (${club.foundedOn})`,
        },
      ]);
    }
    const doc: ClubMemberDoc = {
      clubId: input.clubId,
      citizenId: input.citizenId,
      fullName: cleanText(input.fullName),
      birthDate: input.birthDate,
      sex: input.sex,
      role: input.role,
      elderly: input.elderly,
      woman: input.woman,
      young: input.young,
      priority: input.priority,
      joinedOn: input.joinedOn,
      roleSlot: roleSlotOf(input),
    };
    try {
      return (await this.models.ClubMember.create(doc)).toObject();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      if (await this.models.ClubMember.exists({ clubId: input.clubId, citizenId: input.citizenId })) {
        throw new ConflictError(
          {
            vi: `${input.citizenId} đã là thành viên của ${input.clubId}`,
            en: `${input.citizenId} is already a member of ${input.clubId}`,
          },
          { field: 'citizenId' },
        );
      }
      throw new ConflictError(
        { vi: `Câu lạc bộ ${input.clubId} đã có chủ nhiệm`, en: `Club ${input.clubId} already has a chair` },
        { field: 'role' },
      );
    }
  }
}
