import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { HealthCheck } from '../checks/health-check';
import type { HealthCheckDoc } from '../checks/health-check.model';
import { lastHealthCheckLoader } from '../checks/health-check.resolver';
import { InsuranceCard } from '../insurance/insurance-card';
import type { InsuranceCardDoc } from '../insurance/insurance-card.model';
import { currentCardLoader } from '../insurance/insurance-card.resolver';
import { HealthRecord } from '../records/health-record';
import type { HealthRecordDoc } from '../records/health-record.model';
import { healthRecordLoader } from '../records/health-record.resolver';
import { Person } from './person';

/** The health department's fields on `Person`: one query per collection per request batch. */
@Resolver(() => Person)
export class PersonHealthResolver {
  constructor(private readonly models: Models) {}

  @Access('HEALTH_RECORD')
  @FieldResolver(() => HealthRecord, { nullable: true, description: 'Hồ sơ theo dõi sức khỏe (null nếu chưa lập). / Health record, null when none.' })
  healthRecord(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<HealthRecordDoc | null> {
    return healthRecordLoader(this.models, ctx).load(person.citizenId);
  }

  @Access('HEALTH_CHECKS')
  @FieldResolver(() => HealthCheck, { nullable: true, description: 'Lần khám định kỳ gần nhất. / Most recent periodic check, null when none.' })
  lastHealthCheck(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<HealthCheckDoc | null> {
    return lastHealthCheckLoader(this.models, ctx).load(person.citizenId);
  }

  @Access('INSURANCE_CARD')
  @FieldResolver(() => InsuranceCard, {
    nullable: true,
    description:
      'Thẻ BHYT còn giá trị hôm nay, nếu không thì thẻ hết hạn gần nhất; null nếu chưa có thẻ. / The BHYT card valid today (Vietnam), else the most recently expired, null when none.',
  })
  insuranceCard(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<InsuranceCardDoc | null> {
    return currentCardLoader(this.models, ctx).load(person.citizenId);
  }
}
