import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import { ActionMonthResolver } from './action-month/action-month.resolver';
import { AllowanceCaseConnectionResolver, AllowanceCaseResolver } from './allowance/allowance-case.resolver';
import { CaseWorkflowResolver } from './cases/case-workflow.resolver';
import { SocialCoverageResolver } from './dashboards/coverage.resolver';
import { DashboardsResolver } from './dashboards/dashboards.resolver';
import type { Models } from './models';
import { PaymentsResolver } from './payments/payments.resolver';
import { SocialPensionCaseConnectionResolver, SocialPensionCaseResolver } from './pension/social-pension-case.resolver';
import { personReference } from './person/person.reference';
import { PersonBenefitsResolver } from './person/person.resolver';
import { RecordsResolver } from './records/records.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [
      PersonBenefitsResolver,
      SocialCoverageResolver,
      AllowanceCaseResolver,
      AllowanceCaseConnectionResolver,
      SocialPensionCaseResolver,
      SocialPensionCaseConnectionResolver,
      CaseWorkflowResolver,
      PaymentsResolver,
      RecordsResolver,
      ActionMonthResolver,
      DashboardsResolver,
    ],
    container: resolverContainer(models),
    referenceResolvers: { Person: personReference() },
  });
}
