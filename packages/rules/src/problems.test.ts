import { AppError } from '@nct/errors';
import { refuse, refuseWithCodes, type Problem } from './problems';

const problems: Problem[] = [
  { field: 'year', vi: 'Năm không hợp lệ', en: 'year is invalid' },
  { field: 'code', problem: 'HIV_NOT_STORED', vi: 'Không lưu mã này', en: 'This code is never stored' },
];

function thrown(call: () => never): AppError {
  try {
    call();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('did not throw');
}

describe('refuse', () => {
  it('throws BAD_USER_INPUT with every message in both languages', () => {
    const err = thrown(() => refuse(problems));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('Năm không hợp lệ; Không lưu mã này / year is invalid; This code is never stored');
    expect(err.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageVi: 'Năm không hợp lệ; Không lưu mã này',
      messageEn: 'year is invalid; This code is never stored',
      problems: [
        { field: 'year', messageVi: 'Năm không hợp lệ', messageEn: 'year is invalid' },
        { field: 'code', messageVi: 'Không lưu mã này', messageEn: 'This code is never stored' },
      ],
    });
  });

  it('adds the details given', () => {
    expect(thrown(() => refuse(problems.slice(0, 1), { reason: 'NOT_ELIGIBLE' })).extensions).toMatchObject({ reason: 'NOT_ELIGIBLE' });
  });

  it('with codes, lists each problem code (null when there is none)', () => {
    expect(thrown(() => refuseWithCodes(problems)).extensions.problems).toEqual([
      { field: 'year', problem: null, messageVi: 'Năm không hợp lệ', messageEn: 'year is invalid' },
      { field: 'code', problem: 'HIV_NOT_STORED', messageVi: 'Không lưu mã này', messageEn: 'This code is never stored' },
    ]);
  });
});
