import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Access, receiveDeath, RequestContext } from '@nct/subgraph-kit';
import { inPersonTransaction } from '../coverage/coverage.tallies';
import type { HealthDeps } from '../services';
import { HealthDeathReceipt } from './death';

type Closed = Pick<HealthDeathReceipt, 'recordClosed' | 'conditionsClosed'>;

/**
 * What a death closes in health, on the date of death, in the transaction of the receiver with
 * the person's coverage guard: the health record (closedOn, reason DECEASED) and the
 * management of the conditions still under management (`managementEndedOn`). Nothing is
 * deleted; checks, cards, visits and conditions stay as history. The coverage tallies (Q5) do
 * not change: they count records kept, as before the death.
 */
function closeHealthFollowUps(deps: HealthDeps, citizenId: string, deathDate: string): Promise<Closed> {
  return inPersonTransaction(deps, citizenId, async () => {
    // Read by the person's index, then write by the unique keys (the embedded server plans a
    // `$ne` next to the key as a scan).
    const record = await deps.HealthRecord.findOne({ citizenId }, { _id: 0, closedOn: 1 }).lean<{ closedOn?: string | null }>();
    const recordClosed = !!record && record.closedOn !== deathDate;
    if (recordClosed) await deps.HealthRecord.updateOne({ citizenId }, { $set: { closedOn: deathDate, closedReason: 'DECEASED' } });
    const conditions = await deps.ChronicCondition.find({ citizenId }, { _id: 0, code: 1, underManagement: 1, managementEndedOn: 1 }).lean<
      Array<{ code: string; underManagement: boolean; managementEndedOn?: string | null }>
    >();
    const toClose = conditions.filter((c) => c.underManagement && c.managementEndedOn !== deathDate);
    for (const c of toClose) {
      await deps.ChronicCondition.updateOne({ citizenId, code: c.code }, { $set: { managementEndedOn: deathDate } });
    }
    return { recordClosed, conditionsClosed: toClose.length };
  });
}

/**
 * The death receiver (docs/consistency.md section 2; the kit's `receiveDeath`): the register's
 * outbox delivers a death here through the gateway as `svc-homeaffairs`; health reads the date
 * of death from the register (purpose HEALTH_CARE) and closes the person's follow-ups once
 * (`closeHealthFollowUps`). A death already applied with the same date changes nothing.
 */
@Resolver(() => HealthDeathReceipt)
export class HealthDeathResolver {
  constructor(private readonly deps: HealthDeps) {}

  @Access('REGISTER_EVENTS')
  @Mutation(() => HealthDeathReceipt, {
    description:
      'Nhận sự kiện tử vong từ sổ đăng ký (chỉ dịch vụ Sở Nội vụ): đọc ngày mất từ sổ đăng ký, đóng hồ sơ sức khỏe và việc quản lý bệnh mạn tính; gửi lại không đổi gì; sổ đăng ký không trả lời: DEPENDENCY_UNAVAILABLE, không ghi gì. / Apply a death from the register (home-affairs service only): reads the date from the register, closes the health record and chronic-disease management; repeating changes nothing; register unreachable: DEPENDENCY_UNAVAILABLE, nothing written.',
  })
  async healthApplyDeath(
    @Arg('eventId', () => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event id.' }) eventId: string,
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<HealthDeathReceipt> {
    const unchanged: Closed = { recordClosed: false, conditionsClosed: 0 };
    return receiveDeath(
      ctx,
      this.deps.AppliedDeath.db,
      this.deps.graph,
      { eventId, citizenId, purpose: 'HEALTH_CARE', unchanged },
      (deathDate, id) => closeHealthFollowUps(this.deps, id, deathDate),
    );
  }
}
