import { isIsoDate } from '@nct/dates';
import { NotFoundError } from '@nct/errors';
import { refuseWithCodes, type Problem } from '@nct/rules';
import { graphUnavailable, type GraphCaller, type RequestContext } from '@nct/subgraph-kit';

/** What the association takes from the register (homeaffairs) for a decision by age or a death. */
export interface RegisterIdentity {
  birthDate: string;
  deathDate: string | null;
  sex: 'MALE' | 'FEMALE';
}

const THE_REGISTER = { vi: 'sổ đăng ký (Sở Nội vụ)', en: 'the register (home affairs)' };

const IDENTITY_QUERY = 'query AssociationRegisterIdentity($citizenId: ID!) { person(citizenId: $citizenId) { birthDate deathDate sex } }';

/**
 * One person's birth date, death date and sex from the register, read through the gateway as
 * `svc-association` for the Association's activities (docs/consistency.md sections 1 and 3).
 * Null when the register does not know the citizen ID. Throws DEPENDENCY_UNAVAILABLE when the
 * graph cannot answer, or answers something malformed: the write that needed it writes nothing.
 */
export async function registerIdentityOf(graph: GraphCaller, ctx: RequestContext, citizenId: string): Promise<RegisterIdentity | null> {
  const data = await graph.request<{ person?: { birthDate?: unknown; deathDate?: unknown; sex?: unknown } | null } | null>({
    query: IDENTITY_QUERY,
    variables: { citizenId },
    purpose: 'ASSOCIATION_ACTIVITIES',
    requestId: ctx.requestId,
    what: THE_REGISTER,
  });
  const person = data?.person ?? null;
  if (person === null) return null;
  const { birthDate, sex } = person;
  const deathDate = person.deathDate ?? null;
  if (!isIsoDate(birthDate) || (deathDate !== null && !isIsoDate(deathDate)) || (sex !== 'MALE' && sex !== 'FEMALE')) {
    throw graphUnavailable(THE_REGISTER, 'REGISTER_ANSWER_MALFORMED');
  }
  return { birthDate, deathDate, sex };
}

/** The register's identity of someone who must be in it (an elderly person), or NOT_FOUND. */
export async function registeredIdentity(graph: GraphCaller, ctx: RequestContext, citizenId: string): Promise<RegisterIdentity> {
  const identity = await registerIdentityOf(graph, ctx, citizenId);
  if (!identity) {
    throw new NotFoundError(
      { vi: `Sổ đăng ký không có người có số định danh ${citizenId}`, en: `The register has no person with citizen ID ${citizenId}` },
      { field: 'citizenId', reason: 'NOT_IN_REGISTER' },
    );
  }
  return identity;
}

/** A fact a caller asserted that the register does not confirm. */
export interface Mismatch {
  field: string;
  given: string;
  register: string | null;
}

/** The asserted facts that differ from the register (a fact not asserted is not compared). */
export function identityMismatches(given: { birthDate?: string | null; sex?: string | null }, register: RegisterIdentity): Mismatch[] {
  const out: Mismatch[] = [];
  if (given.birthDate != null && given.birthDate !== register.birthDate)
    out.push({ field: 'birthDate', given: given.birthDate, register: register.birthDate });
  if (given.sex != null && given.sex !== register.sex) out.push({ field: 'sex', given: given.sex, register: register.sex });
  return out;
}

/**
 * Refuses (BAD_USER_INPUT, reason IDENTITY_MISMATCH) when what the caller asserted differs from
 * the register: each field named with both values, in both languages (docs/consistency.md
 * section 3). Returns when there is nothing to refuse.
 */
export function refuseMismatches(mismatches: readonly Mismatch[]): void {
  if (!mismatches.length) return;
  const problems: Problem[] = mismatches.map((m) => ({
    field: m.field,
    problem: 'IDENTITY_MISMATCH',
    vi: `${m.field}: nhập ${m.given}, sổ đăng ký ghi ${m.register ?? 'không có'}`,
    en: `${m.field}: given ${m.given}, the register has ${m.register ?? 'none'}`,
  }));
  refuseWithCodes(problems, { reason: 'IDENTITY_MISMATCH', mismatches: mismatches.map((m) => ({ ...m })) });
}
