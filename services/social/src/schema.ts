import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import { AllowanceCaseConnectionResolver, AllowanceCaseResolver } from './allowance/allowance-case.resolver';
import type { Models } from './models';
import { SocialPensionCaseConnectionResolver, SocialPensionCaseResolver } from './pension/social-pension-case.resolver';
import { personReference } from './person/person.reference';
import { PersonBenefitsResolver } from './person/person.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [
      PersonBenefitsResolver,
      AllowanceCaseResolver,
      AllowanceCaseConnectionResolver,
      SocialPensionCaseResolver,
      SocialPensionCaseConnectionResolver,
    ],
    container: resolverContainer(models),
    referenceResolvers: { Person: personReference() },
  });
}
