import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { ClubMembership } from '../clubs/club';
import type { ClubMemberDoc } from '../clubs/club-member.model';
import { clubMembershipsByPersonLoader } from '../clubs/club.resolver';
import { AssociationMembership } from '../membership/membership';
import type { MembershipDoc } from '../membership/membership.model';
import { membershipLoader } from '../membership/membership.resolver';
import { Person } from './person';

/** The Association's fields on the federated `Person` (owned by homeaffairs). */
@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly models: Models) {}

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => AssociationMembership, {
    nullable: true,
    description: 'Hội viên Hội Người cao tuổi (null nếu chưa vào Hội). / Association membership, null when not a member.',
  })
  async membership(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<MembershipDoc | null> {
    return membershipLoader(this.models, ctx).load(person.citizenId);
  }

  @Access('ASSOCIATION_DATA')
  // Nullable on purpose: a caller who may not see association data, or an association
  // subgraph that is down, must null this field only, not the whole person (and page).
  @FieldResolver(() => [ClubMembership], {
    nullable: true,
    description:
      'Các câu lạc bộ liên thế hệ người này tham gia (danh sách rỗng nếu không tham gia; null khi không được xem). / Intergenerational self-help clubs the person belongs to: empty when none, null when not visible to the caller.',
  })
  async clubs(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<ClubMemberDoc[]> {
    return clubMembershipsByPersonLoader(this.models, ctx).load(person.citizenId);
  }
}
