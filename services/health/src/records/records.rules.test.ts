import { openRecordProblems } from './records.rules';

// Circular 35/2011/TT-BYT: the commune health station opens the elderly person's health record.
describe('opening a health record', () => {
  const TODAY = '2026-03-10';
  const valid = { citizenId: '012140000001', openedOn: '2026-03-10', facility: 'Trạm Y tế xã Tam Đường', communeCode: '03199' };

  it('accepts a record opened today', () => {
    expect(openRecordProblems(valid, TODAY)).toEqual([]);
  });

  it.each([
    [{ citizenId: '12345' }, 'citizenId'],
    [{ citizenId: '999140000001' }, 'citizenId'],
    [{ openedOn: '2026-03-11' }, 'openedOn'],
    [{ openedOn: '2026-02-30' }, 'openedOn'],
    [{ facility: '   ' }, 'facility'],
    [{ facility: 'x'.repeat(201) }, 'facility'],
    [{ communeCode: '031' }, 'communeCode'],
  ])('refuses %j', (change, field) => {
    expect(openRecordProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });
});
