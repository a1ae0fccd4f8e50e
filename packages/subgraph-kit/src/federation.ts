import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { IResolvers, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { policyChecker } from './access';

/** Federation 2 directives every subgraph may use. */
export const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7",
        import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes"])`;

export interface FederatedSchemaOptions extends Omit<BuildSchemaOptions, 'skipCheck'> {
  /** `__resolveReference` functions by type name. */
  referenceResolvers?: Record<string, { __resolveReference: (...args: any[]) => unknown }>;
}

/**
 * type-graphql classes -> SDL with the federation @link -> @apollo/subgraph schema, with
 * the resolvers type-graphql generated and our reference resolvers merged in.
 * Also returns the printed SDL (what composition reads).
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const { referenceResolvers, ...buildOptions } = options;
  const typeGraphqlSchema = await buildSchema({
    authChecker: policyChecker,
    authMode: 'error',
    ...buildOptions,
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as IResolvers;
  for (const [typeName, ref] of Object.entries(referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...ref };
  }
  const schema = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers: resolvers as any });
  return { schema, sdl };
}

/**
 * A type-graphql container that builds each resolver class once, passing it `deps`
 * (the subgraph's models): resolvers get their database through the constructor, and two
 * subgraph instances in one process (tests) never share state.
 */
export function resolverContainer<D>(deps: D): { get(cls: new (deps: D) => unknown): unknown } {
  const instances = new Map<unknown, unknown>();
  return {
    get(cls) {
      let instance = instances.get(cls);
      if (!instance) {
        instance = new cls(deps);
        instances.set(cls, instance);
      }
      return instance;
    },
  };
}
