import { CombinedError } from '@urql/core';
import { fatalProblem, problemAt, problemsOf } from './problems';

describe('problems from the gateway’s typed errors', () => {
  const error = new CombinedError({
    graphQLErrors: [
      {
        message: 'Không được phép / Forbidden',
        path: ['person', 'healthRecord'],
        extensions: { code: 'FORBIDDEN', serviceName: 'health', messageVi: 'Không được phép', messageEn: 'Forbidden' },
      },
      {
        message: 'Dịch vụ social không phản hồi / The social subgraph is unavailable',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'social' },
      },
    ],
  });

  it('reads the code, the agency, the path and both languages', () => {
    expect(problemsOf(error)).toEqual([
      { kind: 'forbidden', service: 'health', path: ['person', 'healthRecord'], vi: 'Không được phép', en: 'Forbidden' },
      {
        kind: 'unavailable',
        service: 'social',
        path: undefined,
        vi: 'Dịch vụ social không phản hồi',
        en: 'The social subgraph is unavailable',
      },
    ]);
  });

  it('finds the problem at a path, or the agency that is down wherever the gateway put its error', () => {
    const problems = problemsOf(error);
    expect(problemAt(problems, ['person', 'healthRecord'])?.kind).toBe('forbidden');
    expect(problemAt(problems, ['person', 'monthlyAllowance'])).toBeUndefined();
    expect(problemAt(problems, ['person', 'monthlyAllowance'], 'social')?.kind).toBe('unavailable');
    expect(problemAt(problems, ['person', 'membership'], 'association')).toBeUndefined();
  });

  it('an expired token is a problem of the whole answer', () => {
    const expired = new CombinedError({ networkError: new Error('401'), response: { status: 401 } });
    const problems = problemsOf(expired);
    expect(problems[0].kind).toBe('unauthenticated');
    expect(fatalProblem(problems, false)?.kind).toBe('unauthenticated');
    expect(fatalProblem(problemsOf(error), true)).toBeUndefined();
  });

  it('a gateway that cannot be reached', () => {
    expect(problemsOf(new CombinedError({ networkError: new Error('Failed to fetch') }))[0]).toMatchObject({ kind: 'network' });
  });
});
