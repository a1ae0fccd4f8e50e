import { isIsoDate } from '@nct/dates';
import type { GraphCaller } from '@nct/subgraph-kit';
import { parseResidenceHistory, type ResidencePeriod } from './residence.rules';

/** What social needs to know about a person from the register (homeaffairs), read through the graph. */
export interface RegisterIdentity {
  citizenId: string;
  birthDate: string | null;
  deathDate: string | null;
  residenceHistory: ResidencePeriod[];
}

/**
 * The one place social asks the register (docs/consistency.md sections 1 and 3): through the
 * gateway as `svc-social`, purpose BENEFIT_ADMINISTRATION. When the graph cannot answer, the
 * call throws DEPENDENCY_UNAVAILABLE and the write that needed it writes nothing.
 */
export interface RegisterPort {
  /** One person; null when the register does not know the citizen ID. */
  identity(citizenId: string, requestId?: string): Promise<RegisterIdentity | null>;
  /** Many people (asked 500 at a time); a citizen ID the register does not know is absent from the map. */
  identities(citizenIds: readonly string[], requestId?: string): Promise<Map<string, RegisterIdentity>>;
}

/** `registerPeople` takes at most this many citizen IDs. */
export const REGISTER_CHUNK = 500;

const WHAT = { vi: 'sổ đăng ký cư trú (Sở Nội vụ)', en: 'the resident register (home affairs)' };

const PEOPLE_QUERY = `query SocialRegisterPeople($ids: [ID!]!) {
  registerPeople(citizenIds: $ids) {
    citizenId birthDate deathDate
    residenceHistory { communeCode villageCode from to disadvantaged { from to level legalAct } }
  }
}`;

/** A person as the graph answered, checked: anything of the wrong shape is read as unknown. */
function identityOf(raw: unknown): RegisterIdentity | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  if (typeof p.citizenId !== 'string') return null;
  return {
    citizenId: p.citizenId,
    birthDate: isIsoDate(p.birthDate) ? p.birthDate : null,
    deathDate: isIsoDate(p.deathDate) ? p.deathDate : null,
    residenceHistory: parseResidenceHistory(p.residenceHistory) ?? [],
  };
}

/** The register through the graph (`registerPeople`, 500 citizen IDs per call). */
export function graphRegister(graph: GraphCaller): RegisterPort {
  const identities = async (citizenIds: readonly string[], requestId?: string) => {
    const out = new Map<string, RegisterIdentity>();
    const ids = [...new Set(citizenIds)];
    for (let i = 0; i < ids.length; i += REGISTER_CHUNK) {
      const data = await graph.request<{ registerPeople?: unknown }>({
        query: PEOPLE_QUERY,
        variables: { ids: ids.slice(i, i + REGISTER_CHUNK) },
        purpose: 'BENEFIT_ADMINISTRATION',
        requestId,
        what: WHAT,
      });
      for (const raw of Array.isArray(data?.registerPeople) ? data.registerPeople : []) {
        const person = identityOf(raw);
        if (person) out.set(person.citizenId, person);
      }
    }
    return out;
  };
  return {
    identities,
    async identity(citizenId, requestId) {
      return (await identities([citizenId], requestId)).get(citizenId) ?? null;
    },
  };
}
