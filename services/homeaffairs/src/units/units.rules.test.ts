import { codeLevel, isCommuneCode, isValidOn } from './units.rules';

describe('unit codes (Decision 19/2025/QĐ-TTg)', () => {
  it.each([
    ['12', 'PROVINCE'],
    ['105', 'DISTRICT'],
    ['03199', 'COMMUNE'],
    ['1', null],
    ['1234', null],
    ['123456', null],
    ['12a45', null],
  ])('%s is %s', (code, level) => {
    expect(codeLevel(code)).toBe(level);
  });
  it('recognises communes only by five digits', () => {
    expect(isCommuneCode('03199')).toBe(true);
    expect(isCommuneCode('031')).toBe(false);
  });
});

describe('validity on a date', () => {
  const abolished = { validFrom: '2008-08-01', validTo: '2025-06-30' };
  const current = { validFrom: '2025-07-01', validTo: null };
  it.each([
    [abolished, '2025-06-30', true],
    [abolished, '2025-07-01', false],
    [current, '2025-06-30', false],
    [current, '2025-07-01', true],
    [current, '2099-01-01', true],
  ])('%j on %s -> %s', (unit, date, expected) => {
    expect(isValidOn(unit, date)).toBe(expected);
  });
});

import { resolveLineage, type LineageLink, type LineageUnit } from './units.rules';
import { checkUnitRows, parseUnitCsv, UNIT_CSV_COLUMNS } from './unit-import.rules';
import type { UnitDoc } from './administrative-unit.model';

describe('lineage resolution (Resolution 1670/NQ-UBTVQH15 fixture)', () => {
  const OLD = { validFrom: '2004-01-01', validTo: '2025-06-30' };
  const NEW = { validFrom: '2025-07-01', validTo: null };
  const units: LineageUnit[] = [
    { code: '03203', ...OLD }, // San Thàng: split between two wards
    { code: '03200', ...NEW },
    { code: '03210', ...NEW },
    { code: '03221', ...OLD }, // three communes merged into Bình Lư
    { code: '03222', ...OLD },
    { code: '03223', ...OLD },
    { code: '03220', ...NEW },
    { code: '106', ...OLD }, // old district -> several communes
    { code: '03901', validFrom: '2004-01-01', validTo: '2019-12-31' }, // chain: merged in 2020, then again in 2025
    { code: '03902', validFrom: '2020-01-01', validTo: '2025-06-30' },
  ];
  const link = (fromCode: string, toCode: string, effectiveDate = '2025-07-01'): LineageLink => ({ fromCode, toCode, effectiveDate });
  const links: LineageLink[] = [
    link('03203', '03200'),
    link('03203', '03210'),
    link('03221', '03220'),
    link('03222', '03220'),
    link('03223', '03220'),
    link('106', '03220'),
    link('106', '03230'), // target not a stored unit: not returned
    link('03901', '03902', '2020-01-01'),
    link('03902', '03220'),
  ];
  let calls = 0;
  const fetch = async (codes: readonly string[]) => {
    calls++;
    return { units: units.filter((u) => codes.includes(u.code)), links: links.filter((l) => codes.includes(l.fromCode)) };
  };

  it.each([
    ['split commune -> both wards', '03203', '2026-01-01', ['03200', '03210']],
    ['merged commune -> one', '03222', '2026-01-01', ['03220']],
    ['chain 2020 then 2025 -> today', '03901', '2026-01-01', ['03220']],
    ['chain, half-way on a date in between', '03901', '2022-05-05', ['03902']],
    ['old code on a date it was in force -> itself', '03203', '2025-06-30', ['03203']],
    ['current code -> itself', '03220', '2026-01-01', ['03220']],
    ['old district -> its communes that exist', '106', '2026-01-01', ['03220']],
  ])('%s', async (_label, code, date, expected) => {
    expect(await resolveLineage(code, date, fetch)).toEqual({ known: true, codes: expected });
  });

  it('a code never known is not known', async () => {
    expect(await resolveLineage('03999', '2026-01-01', fetch)).toEqual({ known: false, codes: [] });
  });

  it('reads one step per level, and a cycle ends', async () => {
    calls = 0;
    await resolveLineage('03901', '2026-01-01', fetch);
    expect(calls).toBe(3);
    const cyclic = async (codes: readonly string[]) => ({
      units: [],
      links: [link('1', '2'), link('2', '1')].filter((l) => codes.includes(l.fromCode)),
    });
    expect(await resolveLineage('1', '2026-01-01', cyclic)).toEqual({ known: true, codes: [] });
  });
});

describe('unit list import (CSV)', () => {
  const header = UNIT_CSV_COLUMNS.join(',');
  const csv = (...rows: string[]) => [header, ...rows].join('\n');
  const stored = new Map<string, UnitDoc>([
    [
      '12',
      {
        code: '12',
        name: 'Tỉnh Lai Châu',
        kind: 'PROVINCE',
        level: 'PROVINCE',
        parentCode: null,
        validFrom: '2004-01-01',
        validTo: null,
        disadvantaged: false,
        mountainous: true,
      },
    ],
  ]);

  it('accepts good rows, reports each bad row with its reasons', () => {
    const parsed = parseUnitCsv(
      csv(
        '106,Huyện Tam Đường,DISTRICT,12,2004-01-01,2025-06-30,false,true,,', // line 2 ok
        '03222,Xã Bình Lư,COMMUNE,106,2004-01-01,2025-06-30,false,false,,', // line 3 ok
        '03220,Xã Bình Lư,COMMUNE,12,2025-07-01,,false,false,106;03222,Nghị quyết 1670/NQ-UBTVQH15', // line 4 ok
        '3220,Xã Sai Mã,COMMUNE,12,2025-07-01,,false,false,,', // line 5 bad code
        '107,Huyện Mường Tè,DISTRICT,99,2004-01-01,2025-06-30,false,true,,', // line 6 unknown parent
        '03240,Xã Tả Lèng,COMMUNE,12,2026-02-30,,false,false,,', // line 7 impossible date
        '03250,Xã Khun Há,COMMUNE,12,2025-07-01,2025-01-01,false,false,,', // line 8 validTo before validFrom
        '03220,Xã Bình Lư lần hai,COMMUNE,12,2025-07-01,,false,false,,', // line 9 duplicate in file
        '03260,Xã Mường Tè,WARD,12,2025-07-01,,maybe,false,,', // line 10 bad flag
        '03270,Xã Bum Tở,DISTRICT,12,2025-07-01,,false,false,,', // line 11 kind vs code
        '03280,Xã Bum Nưa,COMMUNE,12,2025-07-01,,false,false,03999,NQ 1670', // line 12 unknown predecessor
        '03261,Thị trấn Mường Tè,TOWNSHIP,107,2004-01-01,2025-06-30,false,false,,', // line 13 parent rejected above
        '03300,too,few,columns', // line 14
        '12,Tỉnh Lai Châu khác,PROVINCE,,2004-01-01,,false,true,,', // line 15 stored with other data
      ),
    );
    expect(parsed.problem).toBeNull();
    const checked = checkUnitRows(parsed.rows, stored);
    const rejected = [...parsed.rejected, ...checked.rejected].sort((a, b) => a.line - b.line);
    expect(checked.accepted.map((r) => r.unit.code)).toEqual(['106', '03222', '03220']);
    expect(rejected.map((r) => [r.line, r.reasons])).toEqual([
      [5, ['BAD_CODE']],
      [6, ['UNKNOWN_PARENT']],
      [7, ['BAD_DATE']],
      [8, ['BAD_DATE']],
      [9, ['DUPLICATE']],
      [10, ['BAD_FLAG']],
      [11, ['BAD_KIND']],
      [12, ['UNKNOWN_PREDECESSOR']],
      [13, ['DEPENDS_ON_REJECTED']],
      [14, ['BAD_ROW']],
      [15, ['DUPLICATE']],
    ]);
  });

  it('treats a row identical to a stored unit as unchanged, and refuses a wrong header', () => {
    const parsed = parseUnitCsv(csv('12,Tỉnh Lai Châu,PROVINCE,,2004-01-01,,false,true,,'));
    expect(checkUnitRows(parsed.rows, stored)).toMatchObject({ accepted: [], rejected: [], unchanged: [{ line: 2 }] });
    expect(parseUnitCsv('code;name\n12;x').problem).toMatch(/header/);
  });

  it('reads quoted fields', () => {
    const parsed = parseUnitCsv(csv('"106","Huyện ""Tam"" Đường",DISTRICT,12,2004-01-01,2025-06-30,false,true,,'));
    expect(parsed.rows[0].unit.name).toBe('Huyện "Tam" Đường');
  });
});
