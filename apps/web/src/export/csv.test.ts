import { CSV_BOM, csvField, neutraliseFormula, toCsv } from './csv';

describe('CSV escaping', () => {
  it.each([
    // Formula injection (OWASP "CSV injection"): a spreadsheet would run these.
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tindented', "'\tindented"],
    ['\r=1', `"'\r=1"`],
    // RFC 4180 quoting.
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers: a negative number is not a formula', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('neutralises only what a spreadsheet would run', () => {
    expect(neutraliseFormula('A=B')).toBe('A=B');
    expect(neutraliseFormula('ẩn')).toBe('ẩn');
  });

  it('one line per row, CRLF, headers first; the BOM is a separate prefix', () => {
    expect(
      toCsv(
        ['Họ tên', 'Tuổi'],
        [
          ['=cmd', 81],
          ['Lò Thị Ún', null],
        ],
      ),
    ).toBe("Họ tên,Tuổi\r\n'=cmd,81\r\nLò Thị Ún,\r\n");
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
