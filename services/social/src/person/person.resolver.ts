import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access, RequestContext, todayInVietnam } from '@nct/subgraph-kit';
import { AllowanceCase } from '../allowance/allowance-case';
import { allowanceCaseView, AllowanceCaseView } from '../allowance/allowance.rules';
import { casesByCitizenLoader } from '../cases/benefit-case.queries';
import { currentCase } from '../cases/cases.rules';
import type { Models } from '../models';
import { SocialPensionCase } from '../pension/social-pension-case';
import { socialPensionCaseView, SocialPensionCaseView } from '../pension/pension.rules';
import { Person, type PersonRef } from './person';

/** The social subgraph's fields on `Person` (owned by homeaffairs). */
@Resolver(() => Person)
export class PersonBenefitsResolver {
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @FieldResolver(() => AllowanceCase, {
    nullable: true,
    description:
      'Hồ sơ trợ cấp xã hội hằng tháng hiện tại (đang hưởng/tạm dừng, nếu không thì hồ sơ thôi gần nhất); hệ số nhóm A5A tính theo tuổi từ sổ đăng ký. / Current monthly allowance case (active or suspended, else the latest stopped); the A5A coefficient uses the age from the register.',
  })
  @Directive('@requires(fields: "birthDate")')
  async monthlyAllowance(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<AllowanceCaseView | null> {
    const cases = await casesByCitizenLoader(this.models, ctx).load(person.citizenId);
    const current = currentCase(cases.filter((c) => c.kind === 'ALLOWANCE'));
    return current && allowanceCaseView(current, person.birthDate, todayInVietnam());
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => SocialPensionCase, {
    nullable: true,
    description:
      'Hồ sơ trợ cấp hưu trí xã hội hiện tại (đang hưởng/tạm dừng, nếu không thì hồ sơ thôi gần nhất). / Current social pension case (active or suspended, else the latest stopped).',
  })
  async socialPension(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<SocialPensionCaseView | null> {
    const cases = await casesByCitizenLoader(this.models, ctx).load(person.citizenId);
    const current = currentCase(cases.filter((c) => c.kind === 'SOCIAL_PENSION'));
    return current && socialPensionCaseView(current, todayInVietnam());
  }
}
