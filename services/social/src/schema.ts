import { buildFederatedSchema, resolverContainer, type SubgraphServices } from '@nct/subgraph-kit';
import { ActionMonthResolver } from './action-month/action-month.resolver';
import { BenefitSummaryResolver } from './benefit-summary/benefit-summary.resolver';
import { AllowanceCaseConnectionResolver, AllowanceCaseResolver } from './allowance/allowance-case.resolver';
import { CaseWorkflowResolver } from './cases/case-workflow.resolver';
import { SocialCoverageResolver } from './dashboards/coverage.resolver';
import { DashboardsResolver } from './dashboards/dashboards.resolver';
import { DeathResolver } from './death/death.resolver';
import type { SocialDeps } from './deps';
import type { Models } from './models';
import { PaymentsResolver } from './payments/payments.resolver';
import { SocialPensionCaseConnectionResolver, SocialPensionCaseResolver } from './pension/social-pension-case.resolver';
import { personReference } from './person/person.reference';
import { PersonBenefitsResolver } from './person/person.resolver';
import { RecordsResolver } from './records/records.resolver';
import { graphRegister } from './register/register.port';

export function buildSchema(models: Models, services: SubgraphServices) {
  const deps: SocialDeps = { models, register: graphRegister(services.graph) };
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
      BenefitSummaryResolver,
      DashboardsResolver,
      DeathResolver,
    ],
    container: resolverContainer(deps),
    referenceResolvers: { Person: personReference() },
  });
}
