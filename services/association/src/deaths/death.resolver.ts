import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Access, receiveDeath, RequestContext } from '@nct/subgraph-kit';
import type { CelebrationDoc } from '../celebrations/celebration.model';
import type { ClubMemberDoc } from '../clubs/club-member.model';
import type { MembershipDoc } from '../membership/membership.model';
import type { AssociationDeps } from '../services';
import { AssociationDeathReceipt } from './death';

type Ended = Pick<AssociationDeathReceipt, 'membershipEnded' | 'clubMembershipsEnded' | 'celebrationsCancelled'>;

/**
 * What a death ends in the association, on the date of death, in the transaction of the
 * receiver: the membership (ACTIVE -> DECEASED, `endedOn`), every club membership (`endedOn`,
 * reason DECEASED; a chair's slot is freed), and every celebration not delivered (PLANNED,
 * NOT_DELIVERED) becomes CANCELLED_DECEASED (`cancelledFrom` keeps what it was, its reason
 * stays); delivered ones stay. Nothing is deleted. A corrected date moves the ends.
 */
async function endMembership(deps: AssociationDeps, citizenId: string, deathDate: string): Promise<Ended> {
  // The membership: ACTIVE -> DECEASED (a corrected date moves the end); LEFT stays as it was.
  const membership = await deps.Membership.findOne({ citizenId }, { _id: 0, status: 1, endedOn: 1 }).lean<
    Pick<MembershipDoc, 'status' | 'endedOn'>
  >();
  const membershipEnded =
    !!membership && (membership.status === 'ACTIVE' || (membership.status === 'DECEASED' && membership.endedOn !== deathDate));
  if (membershipEnded) await deps.Membership.updateOne({ citizenId }, { $set: { status: 'DECEASED', endedOn: deathDate } });
  // Club memberships (by the `{citizenId}` index): ended, the chair's slot given back.
  const clubs = await deps.ClubMember.find({ citizenId }, { _id: 0, clubId: 1, endedOn: 1, endReason: 1 }).lean<
    Array<Pick<ClubMemberDoc, 'clubId' | 'endedOn' | 'endReason'>>
  >();
  const clubsToEnd = clubs.filter((c) => c.endedOn == null || (c.endReason === 'DECEASED' && c.endedOn !== deathDate));
  for (const c of clubsToEnd) {
    await deps.ClubMember.updateOne(
      { clubId: c.clubId, citizenId },
      { $set: { endedOn: deathDate, endReason: 'DECEASED', roleSlot: citizenId } },
    );
  }
  // Celebrations not delivered (by the `{citizenId, year}` index): cancelled; delivered ones stay.
  const celebrations = await deps.Celebration.find({ citizenId }, { _id: 0, year: 1, status: 1, cancelledOn: 1 }).lean<
    Array<Pick<CelebrationDoc, 'year' | 'status' | 'cancelledOn'>>
  >();
  let cancelled = 0;
  for (const c of celebrations) {
    if (c.status === 'PLANNED' || c.status === 'NOT_DELIVERED') {
      await deps.Celebration.updateOne(
        { citizenId, year: c.year },
        { $set: { status: 'CANCELLED_DECEASED', cancelledOn: deathDate, cancelledFrom: c.status } },
      );
      cancelled++;
    } else if (c.status === 'CANCELLED_DECEASED' && c.cancelledOn !== deathDate) {
      await deps.Celebration.updateOne({ citizenId, year: c.year }, { $set: { cancelledOn: deathDate } });
    }
  }
  return { membershipEnded, clubMembershipsEnded: clubsToEnd.length, celebrationsCancelled: cancelled };
}

/**
 * The death receiver (docs/consistency.md section 2; the kit's `receiveDeath`): the register's
 * outbox delivers a death here through the gateway as `svc-homeaffairs`; the association reads
 * the date of death from the register (purpose ASSOCIATION_ACTIVITIES) and ends the membership
 * once (`endMembership`). A death already applied with the same date changes nothing.
 */
@Resolver(() => AssociationDeathReceipt)
export class AssociationDeathResolver {
  constructor(private readonly deps: AssociationDeps) {}

  @Access('REGISTER_EVENTS')
  @Mutation(() => AssociationDeathReceipt, {
    description:
      'Nhận sự kiện tử vong từ sổ đăng ký (chỉ dịch vụ Sở Nội vụ): đọc ngày mất từ sổ đăng ký; kết thúc tư cách hội viên (DECEASED), tham gia câu lạc bộ, hủy mừng thọ chưa trao (CANCELLED_DECEASED); gửi lại không đổi gì; sổ đăng ký không trả lời: DEPENDENCY_UNAVAILABLE, không ghi gì. / Apply a death from the register (home-affairs service only): reads the date from the register; ends the membership (DECEASED) and club memberships, cancels celebrations not delivered (CANCELLED_DECEASED); repeating changes nothing; register unreachable: DEPENDENCY_UNAVAILABLE, nothing written.',
  })
  async associationApplyDeath(
    @Arg('eventId', () => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event id.' }) eventId: string,
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssociationDeathReceipt> {
    const unchanged: Ended = { membershipEnded: false, clubMembershipsEnded: 0, celebrationsCancelled: 0 };
    return receiveDeath(
      ctx,
      this.deps.AppliedDeath.db,
      this.deps.graph,
      { eventId, citizenId, purpose: 'ASSOCIATION_ACTIVITIES', unchanged },
      (deathDate, id) => endMembership(this.deps, id, deathDate),
    );
  }
}
