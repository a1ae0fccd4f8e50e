import { ageOn } from '@nct/dates';

/** Age bands of the register's published figures (ten-year bands from 60, then 100+). */
export const AGE_BANDS = ['60-69', '70-79', '80-89', '90-99', '100+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of someone's age in full years on `today`; null under 60. */
export function ageBand(birthDate: string, today: string): AgeBand | null {
  const age = ageOn(birthDate, today);
  if (age < 60) return null;
  if (age >= 100) return '100+';
  return AGE_BANDS[Math.floor((age - 60) / 10)];
}
