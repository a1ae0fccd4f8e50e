import { graphStub, graphUnavailable, type GraphCaller, type GraphOperation } from '@nct/subgraph-kit';

/** A person as the register (homeaffairs) gives them to the association. */
export interface RegisterPerson {
  birthDate: string;
  deathDate?: string | null;
  sex: 'MALE' | 'FEMALE';
}

export interface RegisterStub {
  /** Pass to `createSubgraph(definition, conn, { graph })`. */
  graph: GraphCaller;
  /** Every operation sent, in order (purpose, variables). */
  calls: GraphOperation[];
  /** Add or change a person. */
  set(citizenId: string, person: RegisterPerson): void;
  /** While true, every call fails as when the gateway cannot be reached (DEPENDENCY_UNAVAILABLE). */
  unreachable: boolean;
}

/**
 * An in-memory register behind the graph caller (`graphStub` of @nct/subgraph-kit): it answers
 * `person(citizenId) { birthDate deathDate sex }` from `people`, then from `fallback`; a citizen
 * ID it does not know is `person: null`.
 */
export function registerStub(
  people: Record<string, RegisterPerson> = {},
  fallback: (citizenId: string) => RegisterPerson | null = () => null,
): RegisterStub {
  const known = new Map(Object.entries(people));
  const stub: RegisterStub = {
    calls: [],
    unreachable: false,
    set: (citizenId, person) => void known.set(citizenId, person),
    graph: graphStub((op) => {
      stub.calls.push(op);
      if (stub.unreachable) throw graphUnavailable(op.what);
      const citizenId = String(op.variables?.citizenId);
      const p = known.get(citizenId) ?? fallback(citizenId);
      return { person: p ? { birthDate: p.birthDate, deathDate: p.deathDate ?? null, sex: p.sex } : null };
    }),
  };
  return stub;
}
