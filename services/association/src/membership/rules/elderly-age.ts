import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

export interface ElderlyAgeRow extends DatedRow {
  /** Full years of age from which a citizen is elderly (and may join the Association). */
  elderlyAge: number;
}

/**
 * Who is elderly. Law on the Elderly No. 39/2009/QH12, Art. 2 (in force 2010-07-01):
 * "công dân Việt Nam từ đủ 60 tuổi trở lên". The Association's charter admits members
 * from the same age.
 */
export const ELDERLY_AGE_TABLE = validateElderlyAgeTable([
  { effectiveFrom: '2010-07-01', legalAct: 'Luật Người cao tuổi số 39/2009/QH12, Điều 2', elderlyAge: 60 },
]);

export function validateElderlyAgeTable(rows: readonly ElderlyAgeRow[]): DatedTable<ElderlyAgeRow> {
  return datedTable(rows, {
    name: 'elderly-age',
    check: (r) =>
      Number.isInteger(r.elderlyAge) && r.elderlyAge >= 40 && r.elderlyAge <= 100 ? null : `elderlyAge ${r.elderlyAge} out of range`,
  });
}

/** The elderly age in force on `date` (the first row's before it: the law predates our data). */
export function elderlyAgeOn(date: string): number {
  return (ELDERLY_AGE_TABLE.on(date) ?? ELDERLY_AGE_TABLE[0]).elderlyAge;
}
