import type { ApolloServer, BaseContext } from '@apollo/server';

export interface OperationResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/** Runs an operation against an Apollo server in process and returns the single result. */
export async function executeOperation<T = Record<string, unknown>, C extends BaseContext = BaseContext>(
  server: ApolloServer<C>,
  query: string,
  variables?: Record<string, unknown>,
  contextValue?: C,
): Promise<OperationResult<T>> {
  const response = await server.executeOperation<T>({ query, variables }, contextValue ? { contextValue } : undefined);
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as OperationResult<T>;
}
