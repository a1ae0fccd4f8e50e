import type { Client, TypedDocumentNode } from '@urql/core';
import { randomToken } from '../auth/pkce';
import type { Session } from '../auth/session';
import { authHeaders } from '../graphql/client';
import { problemsOf, type Problem } from '../graphql/problems';

/**
 * The same document under the operation name `Export_<name>`: the gateway writes that name to
 * the access log with every person the export read, so an auditor can tell an export from a
 * screen read (`accessLog` entries carry `operationName`).
 */
export function exportDocument<T extends TypedDocumentNode<any, any>>(doc: T): T {
  // Without urql's cache key (`__key`) and source location (`loc`): they name the original document.
  const { __key: _key, loc: _loc, ...rest } = doc as T & { __key?: unknown };
  return {
    ...rest,
    definitions: doc.definitions.map((d) => {
      if ((d.kind as string) !== 'OperationDefinition' || !('name' in d) || !d.name) return d;
      const { loc: _l, ...definition } = d;
      return { ...definition, name: { kind: d.name.kind, value: `Export_${d.name.value}` } };
    }),
  } as unknown as T;
}

export class ExportError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.vi} / ${problem.en}`);
  }
}

/**
 * An export's read: through the gateway like any other (never from the screen's cache), with
 * the export's own operation name and a correlation id (`x-request-id: export-...`). The gateway
 * records every person this read returned before it answers; the file holds the rows the list's
 * rule keeps, so every person in the file is in the access log under this export (a list's rule
 * may leave out people the query read: they are logged too, as they are for the screen).
 */
export async function exportRead<Data, Vars extends Record<string, unknown>>(
  client: Client,
  session: Session,
  doc: TypedDocumentNode<Data, Vars>,
  variables: Vars,
  correlation: string,
): Promise<{ data: Data; problems: Problem[] }> {
  const res = await client
    .query(exportDocument(doc), variables, {
      requestPolicy: 'network-only',
      fetchOptions: { headers: authHeaders(session, { 'x-request-id': `export-${correlation}` }) },
    })
    .toPromise();
  const problems = problemsOf(res.error);
  if (!res.data) throw new ExportError(problems[0]);
  return { data: res.data, problems };
}

export const newCorrelation = () => randomToken(9);
