import type { ApolloServerPlugin } from '@apollo/server';
import type { Path } from 'graphql/jsutils/Path';
import type { RequestContext } from './context';

/**
 * What a subgraph reports to the gateway about the personal data it returned, for the
 * access log (docs/security.md, "The access log"): for every person, the fields read.
 *
 * A field is a read of personal data when a personal rule allowed it (`@Access` with a
 * `personal` policy, recorded by `policyChecker` as a granted path) or it lies under such a
 * field, and the object it was resolved on carries a `citizenId`. Refused fields never
 * resolve, so they are never recorded.
 */
export interface AccessRecorder {
  /** Response paths where a personal rule allowed the field. */
  granted: Set<Path>;
  /** citizenId -> fields read (`social:Person.monthlyAllowance`). */
  reads: Map<string, Set<string>>;
}

export interface AccessRead {
  citizenId: string;
  fields: string[];
}

/** The shape of a recorded field name, `subgraph:Type.field` (checked by the gateway and the log). */
export const ACCESS_FIELD_PATTERN = /^[a-z]+:[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** Name of the response extension that carries the reads to the gateway. */
export const ACCESS_LOG_EXTENSION = 'nctAccessLog';

export function newAccessRecorder(): AccessRecorder {
  return { granted: new Set(), reads: new Map() };
}

function citizenIdOf(source: unknown): string | null {
  if (source === null || typeof source !== 'object') return null;
  const id = (source as { citizenId?: unknown }).citizenId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function underGrant(granted: Set<Path>, path: Path | undefined): boolean {
  for (let p = path; p; p = p.prev) if (granted.has(p)) return true;
  return false;
}

export function accessReadsOf(recorder: AccessRecorder): AccessRead[] {
  return [...recorder.reads].map(([citizenId, fields]) => ({ citizenId, fields: [...fields].sort() }));
}

/** Apollo plugin: records personal-data reads per person and reports them in the response extensions. */
export function accessRecordPlugin(subgraph: string): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info, contextValue }) {
              const recorder = contextValue.access;
              return (error) => {
                if (error || recorder.granted.size === 0) return;
                const citizenId = citizenIdOf(source);
                if (!citizenId || !underGrant(recorder.granted, info.path)) return;
                const fields = recorder.reads.get(citizenId) ?? new Set<string>();
                fields.add(`${subgraph}:${info.parentType.name}.${info.fieldName}`);
                recorder.reads.set(citizenId, fields);
              };
            },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue.access.reads.size === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...(result.extensions ?? {}), [ACCESS_LOG_EXTENSION]: accessReadsOf(contextValue.access) };
        },
      };
    },
  };
}
