// Foreign entity: `ClubMemberCohort` is owned by the association subgraph (Q11). This stub holds
// the key and the member list the association hands over for `@requires` (`@inaccessible` in
// the supergraph: never in the client API); health adds the aggregate over it
// (cohort.resolver.ts) and stores nothing of it.
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

// No type description: the owner's (association) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "scope")')
export class ClubMemberCohort {
  @Field()
  scope!: string;

  /** The cohort's members, sent by the gateway for @requires, never stored here. */
  @Field(() => [ID])
  @Directive('@external')
  memberCitizenIds?: string[] | null;
}

/** Resolves representations without reading: the stub keeps what the gateway sent (citizen IDs only). */
export const clubMemberCohortReference = {
  __resolveReference: (ref: { scope: string; memberCitizenIds?: unknown }): ClubMemberCohort =>
    Object.assign(new ClubMemberCohort(), {
      scope: ref.scope,
      memberCitizenIds: Array.isArray(ref.memberCitizenIds)
        ? ref.memberCitizenIds.filter((id): id is string => typeof id === 'string' && /^\d{12}$/.test(id))
        : null,
    }),
};

@ObjectType({
  description:
    'Quản lý bệnh mạn tính của một nhóm người (hội viên câu lạc bộ hoặc không): chỉ số liệu tổng hợp. / Chronic-disease management of one group (club members or not): figures only.',
})
export class ChronicManagementGroup {
  @Field(() => Int, {
    description:
      'Số người có ít nhất một bệnh mạn tính được theo dõi (hồ sơ ở phạm vi này, còn mở vào ngày tính). / People with at least one tracked chronic condition (record in the scope, open on the date).',
  })
  withCondition!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Số người có mọi bệnh đang được quản lý; null nếu bị ẩn (ô nhỏ 1-4). / People with every condition under management; null when withheld (small cell 1-4).',
  })
  underManagement!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Tỷ lệ được quản lý 0-1 (4 chữ số thập phân); null nếu bị ẩn hoặc không có ai. / Management rate 0-1 (4 decimals); null when withheld or nobody has a condition.',
  })
  rate!: number | null;

  @Field({ description: 'Số liệu bị ẩn vì ô nhỏ. / Withheld as a small cell.' })
  suppressed!: boolean;
}

@ObjectType({
  description:
    'Tỷ lệ quản lý bệnh mạn tính: hội viên câu lạc bộ liên thế hệ so với người không tham gia (Q11); chỉ số liệu tổng hợp, không có danh sách người. / Chronic-disease management rate, intergenerational club members against non-members (Q11); aggregate only, no list of people.',
})
export class ChronicManagementByMembership {
  @Field({ description: 'Phạm vi: mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số). / Scope: commune (5 digits) or province (2 digits).' })
  scope!: string;

  @Field(() => DateScalar, { description: 'Ngày tính. / Reference date.' })
  asOf!: string;

  @Field(() => ChronicManagementGroup, { description: 'Hội viên câu lạc bộ. / Club members.' })
  members!: ChronicManagementGroup;

  @Field(() => ChronicManagementGroup, { description: 'Người không tham gia câu lạc bộ. / People in no club of the scope.' })
  nonMembers!: ChronicManagementGroup;
}
