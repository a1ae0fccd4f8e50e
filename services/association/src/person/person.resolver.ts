import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Access, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { LongevityCelebration } from '../celebrations/celebration';
import { yearArg } from '../celebrations/celebration.args';
import { celebrationsByPersonLoader } from '../celebrations/celebration.loaders';
import { celebrationView, CelebrationView } from '../celebrations/celebrations.rules';
import { ClubMembership } from '../clubs/club';
import type { ClubMemberDoc } from '../clubs/club-member.model';
import { clubMembershipsByPersonLoader } from '../clubs/club.loaders';
import { provinceCode } from '../config/province';
import { AssociationMembership, MembershipEligibility } from '../membership/membership';
import type { MembershipDoc } from '../membership/membership.model';
import { membershipLoader } from '../membership/membership.loaders';
import { eligibilityOf } from '../membership/membership.rules';
import { ExemplaryRecognition } from '../recognitions/recognition';
import type { RecognitionDoc } from '../recognitions/recognition.model';
import { recognitionsLoader } from '../recognitions/recognition.loaders';
import { Person, type PersonRef } from './person';

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

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => MembershipEligibility, {
    nullable: true,
    description:
      'Đối chiếu điều kiện đủ 60 tuổi khi vào Hội với ngày sinh trong sổ đăng ký (null nếu không là hội viên). / The age-60 rule on joining checked against the register, null for non-members.',
  })
  @Directive('@requires(fields: "birthDate")')
  async membershipEligibility(@Root() person: PersonRef, @Ctx() ctx: RequestContext) {
    const m = await membershipLoader(this.models, ctx).load(person.citizenId);
    return m ? eligibilityOf(person.birthDate, m.joinedOn, m.declaredBirthDate) : null;
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => LongevityCelebration, {
    nullable: true,
    description:
      "Mừng thọ trong năm (tuổi tính theo năm, theo ngày sinh trong sổ đăng ký): mức quà của tỉnh và tình trạng. Null khi năm đó không đến tuổi mừng thọ hoặc đã mất (trừ khi đã trao trước khi mất). / The year's longevity celebration from the register's birth date: gift and status; null when no celebrated age that year or deceased (unless delivered before death).",
  })
  @Directive('@requires(fields: "birthDate deathDate")')
  async longevityCelebration(
    @Root() person: PersonRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CelebrationView | null> {
    yearArg(year);
    const records = await celebrationsByPersonLoader(this.models, ctx).load(person.citizenId);
    return celebrationView(person, year, provinceCode(), records.find((r) => r.year === year) ?? null);
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => [ExemplaryRecognition], {
    nullable: true,
    description: 'Khen thưởng "Tuổi cao - Gương sáng" (rỗng nếu không có). / Exemplary-elderly recognitions, empty when none.',
  })
  async exemplaryRecognitions(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<RecognitionDoc[]> {
    return recognitionsLoader(this.models, ctx).load(person.citizenId);
  }
}
