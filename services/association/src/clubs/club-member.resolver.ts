import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import { cleanText } from '../common/problems';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { identityMismatches, refuseMismatches, registerIdentityOf } from '../register/register';
import type { AssociationDeps } from '../services';
import { Person } from '../person/person';
import { AddClubMemberInput, ClubMember } from './club';
import { ClubMemberDoc, roleSlotOf } from './club-member.model';
import { clubOrNotFound } from './club.loaders';
import { clubMemberProblems } from './clubs.rules';

/** A club member: who they are in the register, and joining a club. */
@Resolver(() => ClubMember)
export class ClubMemberResolver {
  constructor(private readonly deps: AssociationDeps) {}

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() m: ClubMemberDoc): Person | null {
    // Only elderly members are in the register (homeaffairs); the gateway resolves the rest.
    return m.elderly ? { citizenId: m.citizenId } : null;
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ClubMember, {
    description:
      'Thêm thành viên vào câu lạc bộ; các cờ phải khớp ngày sinh và giới tính, tối đa một chủ nhiệm. Người có trong sổ đăng ký: ngày sinh, giới tính nhập khác sổ bị từ chối (IDENTITY_MISMATCH), người đã mất bị từ chối; người đủ 60 tuổi phải có trong sổ (NOT_FOUND); sổ không trả lời: DEPENDENCY_UNAVAILABLE, không ghi gì. / Add a club member; flags must agree with birth date and sex; at most one chair. For someone in the register a different birth date or sex is refused (IDENTITY_MISMATCH), and so is someone deceased; anyone aged 60+ must be in the register (NOT_FOUND); register unreachable: DEPENDENCY_UNAVAILABLE, nothing written.',
  })
  async addClubMember(
    @Arg('input', () => AddClubMemberInput) input: AddClubMemberInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ClubMemberDoc> {
    // One document: the member count is counted from `club_members`, not stored, and the
    // unique {clubId, roleSlot} index keeps one chair per club, so no transaction is needed.
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = clubMemberProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.deps, input.clubId);
    if (input.joinedOn < club.foundedOn) {
      refuse([
        {
          field: 'joinedOn',
          vi: `Ngày tham gia trước ngày thành lập ${club.foundedOn}`,
          en: `joinedOn is before the club was founded (${club.foundedOn})`,
        },
      ]);
    }
    // Identity from the register (docs/consistency.md section 3): the elderly flag decides the
    // club's composition, so the birth date of anyone in the register is the register's.
    // Younger members are not in it: their identity is the one given (checked against the ID).
    const identity = await registerIdentityOf(this.deps.graph, ctx, input.citizenId);
    if (identity) {
      refuseMismatches(identityMismatches({ birthDate: input.birthDate, sex: input.sex }, identity));
      if (identity.deathDate !== null) {
        refuse([
          {
            field: 'citizenId',
            vi: `Sổ đăng ký ghi người này đã mất ngày ${identity.deathDate}`,
            en: `The register records this person's death on ${identity.deathDate}`,
          },
        ]);
      }
    } else if (input.elderly) {
      throw new NotFoundError(
        {
          vi: `Người đủ 60 tuổi phải có trong sổ đăng ký; không có số định danh ${input.citizenId}`,
          en: `Anyone aged 60 or more must be in the register; it has no citizen ID ${input.citizenId}`,
        },
        { field: 'citizenId', reason: 'NOT_IN_REGISTER' },
      );
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
      endedOn: null,
      endReason: null,
    };
    return idempotent(ctx, this.deps.ClubMember.db, { operation: 'addClubMember', key, input: doc }, async () => {
      // Which unique index would refuse it, asked first: the person in the club, or the chair.
      if (await this.deps.ClubMember.exists({ clubId: input.clubId, citizenId: input.citizenId })) {
        throw new ConflictError(
          {
            vi: `${input.citizenId} đã là thành viên của ${input.clubId}`,
            en: `${input.citizenId} is already a member of ${input.clubId}`,
          },
          { field: 'citizenId' },
        );
      }
      const chairTaken = () =>
        new ConflictError(
          { vi: `Câu lạc bộ ${input.clubId} đã có chủ nhiệm`, en: `Club ${input.clubId} already has a chair` },
          { field: 'role' },
        );
      if (doc.roleSlot === 'CHAIR' && (await this.deps.ClubMember.exists({ clubId: input.clubId, roleSlot: 'CHAIR' }))) throw chairTaken();
      try {
        await this.deps.ClubMember.create([doc]);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw chairTaken(); // a chair (or this member) recorded meanwhile
      }
      return doc;
    });
  }
}
