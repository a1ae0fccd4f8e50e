import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@nct/subgraph-kit';
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

  @FieldResolver(() => AssociationMembership, {
    nullable: true,
    description: 'Hội viên Hội Người cao tuổi (null nếu chưa vào Hội). / Association membership, null when not a member.',
  })
  async membership(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<MembershipDoc | null> {
    return membershipLoader(this.models, ctx).load(person.citizenId);
  }

  @FieldResolver(() => [ClubMembership], {
    description: 'Các câu lạc bộ liên thế hệ người này tham gia. / Intergenerational self-help clubs the person belongs to.',
  })
  async clubs(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<ClubMemberDoc[]> {
    return clubMembershipsByPersonLoader(this.models, ctx).load(person.citizenId);
  }
}
