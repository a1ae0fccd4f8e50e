import { cacheExchange, Client, fetchExchange, mapExchange, type OperationResult } from '@urql/core';
import type { Session } from '../auth/session';

/** The gateway's endpoint, on the app's own origin. */
export const GRAPHQL_URL = '/graphql';

/** The headers of every request: the bearer token and the declared purpose. */
export function authHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${session.accessToken}`, 'x-access-purpose': session.purpose, ...extra };
}

function unauthenticated(result: OperationResult): boolean {
  if (!result.error) return false;
  if ((result.error.response as Response | undefined)?.status === 401) return true;
  return result.error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * The gateway client of a session: POST only (Apollo's CSRF prevention wants a JSON body), the
 * token and purpose on every request; a refused token (401, UNAUTHENTICATED) ends the session,
 * which takes the user back to sign-in.
 */
export function createGraphClient(session: Session, onUnauthenticated: () => void): Client {
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    fetchOptions: () => ({ headers: authHeaders(session) }),
    exchanges: [
      mapExchange({
        onResult(result) {
          if (unauthenticated(result)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
