/**
 * How the bench calls the graph: through the gateway with a development token and an access
 * purpose, or directly against a subgraph with the internal credential the gateway would send.
 */
import { INTERNAL_HEADER, issueDevToken, parseSigningKey, signInternal, type Identity, type Purpose, type Role } from '@nct/auth';
import { DEV_ISSUER_DIR } from '@nct/gateway';
import { GraphQLCallError } from './bench-lib';

/** Headers for one call; `url` and the exact `body` matter for the internal credential, which is bound to both. */
export type Headers = (url: string, body: string) => Promise<Record<string, string>>;

/** Access-log write times (ms) the gateway reported in `Server-Timing`, per scenario name. */
export const auditTimings = new Map<string, number[]>();
let currentScenario = '';
export function setCurrentScenario(name: string): void {
  currentScenario = name;
}

export async function gql(url: string, query: string, variables?: Record<string, unknown>, headers?: Headers): Promise<any> {
  const payload = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ? await headers(url, payload) : {}) },
    body: payload,
  });
  const timing = /audit;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
  if (timing) {
    const list = auditTimings.get(currentScenario) ?? [];
    list.push(Number(timing[1]));
    auditTimings.set(currentScenario, list);
  }
  const text = await res.text();
  let body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text);
  } catch {
    throw new GraphQLCallError(`HTTP_${res.status}`, `non-JSON answer (${res.status}): ${text.slice(0, 300)}`);
  }
  if (res.status !== 200 || body.errors?.length) {
    const code = body.errors?.[0]?.extensions?.code ?? `HTTP_${res.status}`;
    throw new GraphQLCallError(code, `GraphQL call failed (${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

export interface Caller {
  /** Headers for the gateway: bearer token and access purpose. */
  gateway: Headers;
  /** Headers for a subgraph: an internal credential signed for that subgraph and that body. */
  direct: Headers;
}

/** What calling subgraphs directly needs: the running system's gateway key and subgraph URLs. */
export interface DirectAccess {
  /** The private key the system's gateway signs with (INTERNAL_SIGNING_KEY). */
  internalSigningKey: string;
  subgraphUrls: Record<string, string>;
}

let requestSeq = 0;

/** A caller of one role (and optionally one commune) with one access purpose. */
export async function caller(role: Role, purpose: Purpose, access: DirectAccess, commune: string | null = null): Promise<Caller> {
  const subject = `bench-${role}${commune ? `-${commune}` : ''}`;
  const token = await issueDevToken(DEV_ISSUER_DIR, { role, subject, ...(commune ? { commune } : {}) });
  const identity: Identity = { subject, role, commune, agency: null };
  const key = parseSigningKey(access.internalSigningKey);
  const subgraphOf = new Map(Object.entries(access.subgraphUrls).map(([name, url]) => [url, name]));
  return {
    gateway: async () => ({ authorization: `Bearer ${token}`, 'x-access-purpose': purpose }),
    // Signed per call, as the gateway does: the credential names the subgraph and hashes the body.
    direct: async (url, body) => {
      const subgraph = subgraphOf.get(url);
      if (!subgraph) throw new Error(`not a subgraph URL of this system: ${url}`);
      return { [INTERNAL_HEADER]: await signInternal({ identity, purpose, requestId: `bench-${requestSeq++}` }, key, { subgraph, body }) };
    },
  };
}
