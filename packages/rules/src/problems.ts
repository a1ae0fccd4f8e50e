import { BadUserInputError } from '@nct/errors';

/**
 * One reason an input is refused: the input field it concerns, a message in Vietnamese and
 * English, and (where a client may act on it) a stable code such as 'HIV_NOT_STORED'.
 */
export interface Problem {
  field: string;
  problem?: string;
  vi: string;
  en: string;
}

function messages(problems: readonly Problem[]) {
  return { vi: problems.map((p) => p.vi).join('; '), en: problems.map((p) => p.en).join('; ') };
}

/**
 * Throws BAD_USER_INPUT listing every problem: the messages joined with "; ", and
 * `extensions.problems` = [{ field, messageVi, messageEn }], plus `details` (e.g. a reason).
 * Called before anything is written.
 */
export function refuse(problems: readonly Problem[], details: Record<string, unknown> = {}): never {
  throw new BadUserInputError(messages(problems), {
    problems: problems.map((p) => ({ field: p.field, messageVi: p.vi, messageEn: p.en })),
    ...details,
  });
}

/**
 * As `refuse`, for subgraphs whose clients read a stable code per problem: every entry of
 * `extensions.problems` also carries `problem` (the code, or null when there is none).
 */
export function refuseWithCodes(problems: readonly Problem[], details: Record<string, unknown> = {}): never {
  throw new BadUserInputError(messages(problems), {
    problems: problems.map((p) => ({ field: p.field, problem: p.problem ?? null, messageVi: p.vi, messageEn: p.en })),
    ...details,
  });
}
