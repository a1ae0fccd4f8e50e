import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

export interface CelebrationAgeRow extends DatedRow {
  /** Calendar ages (year - birth year) celebrated once each. */
  ages: number[];
  /** From this calendar age on, every year. */
  everyYearFrom: number;
}

/**
 * Longevity celebrations (chúc thọ, mừng thọ). Law on the Elderly No. 39/2009/QH12, Art. 21
 * (in force 2010-07-01): ages 70, 75, 80, 85, 90, 95 and over 100 (every year from 100);
 * age counted by calendar year (Decree 06/2011/NĐ-CP, Art. 7: "tuổi ... tính theo năm").
 */
export const CELEBRATION_AGES = validateCelebrationAges([
  {
    effectiveFrom: '2010-07-01',
    legalAct: 'Luật Người cao tuổi số 39/2009/QH12, Điều 21; Nghị định 06/2011/NĐ-CP, Điều 7',
    ages: [70, 75, 80, 85, 90, 95],
    everyYearFrom: 100,
  },
]);

export function validateCelebrationAges(rows: readonly CelebrationAgeRow[]): DatedTable<CelebrationAgeRow> {
  return datedTable(rows, {
    name: 'celebration-ages',
    check: (r) => {
      if (!Array.isArray(r.ages) || r.ages.length === 0) return 'ages must be a non-empty list';
      for (let i = 0; i < r.ages.length; i++) {
        const a = r.ages[i];
        if (!Number.isInteger(a) || a < 60 || a > 130) return `age ${a} out of range`;
        if (i > 0 && a <= r.ages[i - 1]) return 'ages must increase';
      }
      if (!Number.isInteger(r.everyYearFrom) || r.everyYearFrom <= r.ages[r.ages.length - 1] || r.everyYearFrom > 130) {
        return 'everyYearFrom must be a whole age above the listed ages';
      }
      return null;
    },
  });
}

/** The row for a calendar year: the one in force on 1 January of it (or the first row). */
export function celebrationAgesFor(year: number): CelebrationAgeRow {
  return CELEBRATION_AGES.on(`${year}-01-01`) ?? CELEBRATION_AGES[0];
}
