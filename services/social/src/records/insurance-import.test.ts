import { MAX_CSV_CHARS, MAX_CSV_ROWS, parseInsuranceCsv } from './insurance-import';

const TODAY = '2026-11-20';
const H = 'citizenId,status,effectiveFrom,communeCode';

describe('insurance-status CSV', () => {
  it('accepts good rows and rejects each kind of bad row by line', () => {
    const csv = [
      H,
      '012140000001,PENSION,2005-01-01,03199',
      '12345,PENSION,2005-01-01,03199',
      '012140000002,RETIRED,2005-01-01,03199',
      '012140000003,PENSION,2026-02-30,03199',
      '012140000004,PENSION,2099-01-01,03199',
      '012140000005,NONE,2020-01-01,3199',
      '012140000001,NONE,2005-01-01,03199',
      '012140000006,SI_MONTHLY_BENEFIT,2019-05-01',
      '',
      '"012140000007","NONE","2024-01-01","03388"\r',
    ].join('\n');
    const { rows, rejected, total } = parseInsuranceCsv(csv, TODAY);
    expect(total).toBe(9);
    expect(rows.map((r) => [r.line, r.citizenId, r.status])).toEqual([
      [2, '012140000001', 'PENSION'],
      [11, '012140000007', 'NONE'],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'BAD_ID'],
      [4, 'UNKNOWN_STATUS'],
      [5, 'IMPOSSIBLE_DATE'],
      [6, 'IMPOSSIBLE_DATE'],
      [7, 'BAD_COMMUNE'],
      [8, 'DUPLICATE_ROW'],
      [9, 'WRONG_COLUMNS'],
    ]);
  });

  it.each([
    ['a missing header', '012140000001,PENSION,2005-01-01,03199'],
    ['too many characters', `${H}\n${'x'.repeat(MAX_CSV_CHARS)}`],
    ['too many rows', [H, ...Array.from({ length: MAX_CSV_ROWS + 1 }, () => '012140000001,PENSION,2005-01-01,03199')].join('\n')],
  ])('refuses the whole input with %s', (_what, csv) => {
    expect(() => parseInsuranceCsv(csv, TODAY)).toThrow(/BAD_USER_INPUT|header|large|rows|tiêu đề|quá/);
  });
});
