import type { ReactNode } from 'react';
import { messageOf, type Problem } from '../graphql/problems';
import { useLang } from '../i18n/context';

/** A plain sentence for what is missing and why: not permitted, an agency down, another error. */
export function ProblemNotice({ problem }: { problem: Problem }) {
  const { t, lang } = useLang();
  let text: ReactNode;
  switch (problem.kind) {
    case 'forbidden':
      text = t.notPermitted;
      break;
    case 'unavailable':
      text = t.agencyUnavailable(problem.service ? (t.agencies[problem.service] ?? problem.service) : '?');
      break;
    case 'auditUnavailable':
      text = t.auditUnavailable;
      break;
    case 'rateLimited':
      text = t.rateLimited;
      break;
    default:
      text = `${t.errorPrefix}: ${messageOf(problem, lang)}`;
  }
  return (
    <p className={`notice notice-${problem.kind}`} role="status" data-problem={problem.kind} data-service={problem.service}>
      {text}
    </p>
  );
}

export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

/** A titled part of a page (`<section>` labelled by its heading). */
export function Section({ id, title, level = 2, children }: { id: string; title: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="section" aria-labelledby={`${id}-title`} data-section={id}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {children}
    </section>
  );
}
