import type { CombinedError } from '@urql/core';
import type { Lang } from '../i18n/format';

/**
 * What went wrong with (a part of) an answer, from the gateway's typed errors only: a field
 * the role may not read (FORBIDDEN at its path), an agency whose subgraph is down
 * (SUBGRAPH_UNAVAILABLE with its `serviceName`), an expired or refused token, or another error
 * with its bilingual message. Never a stack trace: the gateway sends none, and the app shows
 * only these messages.
 */
export type ProblemKind = 'forbidden' | 'unavailable' | 'unauthenticated' | 'auditUnavailable' | 'rateLimited' | 'network' | 'other';

export interface Problem {
  kind: ProblemKind;
  /** The subgraph the error came from (an agency, or audit). */
  service?: string;
  path?: readonly (string | number)[];
  vi: string;
  en: string;
}

export function messageOf(problem: Problem, lang: Lang): string {
  return lang === 'vi' ? problem.vi : problem.en;
}

const KINDS: Record<string, ProblemKind> = {
  FORBIDDEN: 'forbidden',
  SUBGRAPH_UNAVAILABLE: 'unavailable',
  UNAUTHENTICATED: 'unauthenticated',
  AUDIT_UNAVAILABLE: 'auditUnavailable',
  RATE_LIMITED: 'rateLimited',
};

function split(message: string): { vi: string; en: string } {
  const i = message.indexOf(' / ');
  return i > 0 ? { vi: message.slice(0, i), en: message.slice(i + 3) } : { vi: message, en: message };
}

interface ErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** One problem per GraphQL error (or one for a failed request). */
export function problemsOf(error: CombinedError | undefined | null): Problem[] {
  if (!error) return [];
  const problems: Problem[] = [];
  const status = error.response?.status as number | undefined;
  for (const e of error.graphQLErrors as ErrorLike[]) {
    const ext = e.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : '';
    const text =
      typeof ext.messageVi === 'string' && typeof ext.messageEn === 'string' ? { vi: ext.messageVi, en: ext.messageEn } : split(e.message);
    problems.push({
      kind: status === 401 ? 'unauthenticated' : (KINDS[code] ?? 'other'),
      service: typeof ext.serviceName === 'string' ? ext.serviceName : undefined,
      path: e.path,
      ...text,
    });
  }
  if (!problems.length) {
    if (status === 401) problems.push({ kind: 'unauthenticated', vi: 'Phiên đăng nhập đã hết hạn', en: 'The session has expired' });
    else
      problems.push({
        kind: 'network',
        vi: status ? `Cổng API trả lời lỗi HTTP ${status}` : 'Không kết nối được với cổng API',
        en: status ? `The gateway answered HTTP ${status}` : 'Cannot reach the gateway',
      });
  }
  return problems;
}

/** Whether `path` starts with `prefix` (`['person', 'healthRecord']` is under `['person']`). */
function under(path: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]): boolean {
  return !!path && prefix.every((p, i) => path[i] === p);
}

/**
 * The problem at a path of the answer or under it, if any (a refused or unavailable field);
 * with `service`, also that subgraph being unavailable wherever the gateway placed the error.
 */
export function problemAt(problems: readonly Problem[], prefix: readonly (string | number)[], service?: string): Problem | undefined {
  return (
    problems.find((p) => under(p.path, prefix)) ??
    (service ? problems.find((p) => p.kind === 'unavailable' && p.service === service) : undefined)
  );
}

/** Problems that spoil the whole answer (nothing to show). */
export function fatalProblem(problems: readonly Problem[], dataPresent: boolean): Problem | undefined {
  if (!dataPresent) return problems[0];
  return problems.find((p) => p.kind === 'unauthenticated' || p.kind === 'auditUnavailable');
}
