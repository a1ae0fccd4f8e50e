import { citizenIdArg, dateArg, foldVietnamese, textArg } from './args';

describe('argument checks', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG THỊ  BÌNH', 'dang thi binh'],
    ['Lò Thị Mai', 'lo thi mai'],
    ['Nguye\u0302\u0303n', 'nguyen'], // decomposed input
  ])('folds %s', (text, folded) => expect(foldVietnamese(text)).toBe(folded));

  it('stores text as NFC and bounds its length', () => {
    expect(textArg(' Nguye\u0302\u0303n ', 'name', 10)).toBe('Nguyễn');
    expect(() => textArg('x'.repeat(11), 'name', 10)).toThrow(/1 to 10 characters/);
    expect(() => textArg('   ', 'name', 10)).toThrow(/1 to 10 characters/);
  });

  it.each(['', '1234', '012140000001x', 'x'.repeat(10_000), '999140000001'])('refuses the citizen ID %j', (id) => {
    expect(() => citizenIdArg(id)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'citizenId' }) }),
    );
  });

  it('accepts a well-formed ID', () => expect(citizenIdArg('012140000001')).toBe('012140000001'));

  it('takes a date argument, or today when it is omitted', () => {
    expect(dateArg('2024-02-29', 'asOf', '2026-01-01')).toBe('2024-02-29');
    expect(dateArg(null, 'asOf', '2026-01-01')).toBe('2026-01-01');
    expect(dateArg(undefined, 'asOf', '2026-01-01')).toBe('2026-01-01');
  });

  it.each(['2025-02-29', '2025-13-01', '01/07/2025', ''])('refuses the date %j, naming the argument in both languages', (value) => {
    expect(() => dateArg(value, 'onDate', '2026-01-01')).toThrow(
      expect.objectContaining({
        message: 'Ngày onDate không hợp lệ / onDate is not a valid date',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'onDate' }),
      }),
    );
    expect(() => dateArg(value, 'asOf', '2026-01-01', 'Ngày xét')).toThrow(/^Ngày xét không hợp lệ \/ asOf is not a valid date$/);
  });
});
