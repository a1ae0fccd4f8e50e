import { useEffect, type ReactNode } from 'react';
import { Loading, ProblemNotice } from '../../components/Notice';
import type { Cell } from '../../data/cells';
import { fatalProblem, type Problem } from '../../graphql/problems';
import { markReady } from '../../perf';

/** A query's state: loading, nothing to show (with why), or the content. */
export function QueryState({ hasData, problems, children }: { hasData: boolean; problems: Problem[]; children: () => ReactNode }) {
  const fatal = fatalProblem(problems, hasData);
  if (fatal) return <ProblemNotice problem={fatal} />;
  // Loading, or not asked yet (a query that waits for another).
  if (!hasData) return <Loading />;
  return <>{children()}</>;
}

/** A yes/no figure of an aggregate: null means withheld (the API nulls `met` with a withheld denominator). */
export function flag(value: boolean | null | undefined, problem?: Problem): Cell {
  if (problem) return problem.kind === 'forbidden' ? { kind: 'forbidden' } : { kind: 'unavailable', service: problem.service };
  return value === null || value === undefined ? { kind: 'withheld' } : { kind: 'bool', value };
}

/** A chart value: withheld, refused or unavailable cells are gaps. */
export function chartValue(cell: Cell): number | null {
  return cell.kind === 'number' || cell.kind === 'share' || cell.kind === 'percent' || cell.kind === 'money' ? cell.value : null;
}

/** Marks the moment a section first shows its figures (the bench's first useful paint). */
export function ReadyMark({ name }: { name: string }) {
  useEffect(() => markReady(name), [name]);
  return null;
}
