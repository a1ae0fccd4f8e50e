import { calendarAge, isIsoDate, yearOf } from '@nct/dates';
import { communeCodeProblems, Problem } from '@nct/rules';
import { birthYearOf } from '../common/citizen';
import { cleanText } from '../common/problems';
import { celebrationAgesFor } from './rules/celebration-ages';
import { GiftLevel, giftIn, provinceGiftsFor } from './rules/gift-levels';

/**
 * PLANNED -> DELIVERED | NOT_DELIVERED -> DELIVERED by the commune; CANCELLED_DECEASED only by
 * the death receiver, for a celebration not delivered when the person died (final).
 */
export type CelebrationStatus = 'PLANNED' | 'DELIVERED' | 'NOT_DELIVERED' | 'CANCELLED_DECEASED';
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_REASON_LENGTH = 300;

/** Whether a calendar age is celebrated in `year` (Law on the Elderly 2009, Art. 21). */
export function celebratesAt(age: number, year: number): boolean {
  const row = celebrationAgesFor(year);
  return row.ages.includes(age) || age >= row.everyYearFrom;
}

/** The exact ages of the year's list and the age from which everyone is celebrated. */
export function celebrationAges(year: number): { ages: number[]; everyYearFrom: number; legalAct: string } {
  const row = celebrationAgesFor(year);
  return { ages: [...row.ages], everyYearFrom: row.everyYearFrom, legalAct: row.legalAct };
}

export interface Gift {
  level: GiftLevel;
  amount: number;
  legalAct: string;
}

/** The gift for a calendar age in a year, from the province's table (null when none is set). */
export function giftFor(province: string, year: number, age: number): Gift | null {
  const row = provinceGiftsFor(province, year);
  const g = row && giftIn(row, age);
  return g && row ? { level: g.level, amount: g.amount, legalAct: row.legalAct } : null;
}

/** What is stored about a celebration (one per person and year). */
export interface CelebrationRecord {
  citizenId: string;
  year: number;
  communeCode: string;
  age: number;
  status: CelebrationStatus;
  deliveredOn: string | null;
  reason: string | null;
  /** CANCELLED_DECEASED: the date of death the register gave. */
  cancelledOn?: string | null;
  /** CANCELLED_DECEASED: the status it had (PLANNED or NOT_DELIVERED, whose reason is kept). */
  cancelledFrom?: 'PLANNED' | 'NOT_DELIVERED' | null;
}

export interface CelebrationView {
  citizenId: string;
  year: number;
  age: number;
  giftLevel: GiftLevel | null;
  giftAmount: number | null;
  legalAct: string | null;
  status: CelebrationStatus;
  deliveredOn: string | null;
  reason: string | null;
  communeCode: string | null;
}

/**
 * A person's celebration in `year`, from the register's birth and death dates (sent by the
 * gateway through `@requires`) and the stored record, if any. Null when the person does not
 * reach a celebrated calendar age that year, or has died before the end of it, unless the
 * gift was delivered before (then the delivery stays on record). No record: PLANNED.
 */
export function celebrationView(
  person: { citizenId: string; birthDate?: string | null; deathDate?: string | null },
  year: number,
  province: string,
  record: CelebrationRecord | null,
): CelebrationView | null {
  if (!isIsoDate(person.birthDate)) return null;
  const age = calendarAge(yearOf(person.birthDate), year);
  if (!celebratesAt(age, year)) return null;
  const died = isIsoDate(person.deathDate) && person.deathDate <= `${year}-12-31`;
  const deliveredBeforeDeath =
    record?.status === 'DELIVERED' && !!record.deliveredOn && isIsoDate(person.deathDate) && record.deliveredOn <= person.deathDate;
  if (died && !deliveredBeforeDeath) return null;
  const gift = giftFor(province, year, age);
  return {
    citizenId: person.citizenId,
    year,
    age,
    giftLevel: gift?.level ?? null,
    giftAmount: gift?.amount ?? null,
    legalAct: gift?.legalAct ?? null,
    status: record?.status ?? 'PLANNED',
    deliveredOn: record?.deliveredOn ?? null,
    reason: record?.reason ?? null,
    communeCode: record?.communeCode ?? null,
  };
}

/** Allowed status changes by a commune: PLANNED -> DELIVERED | NOT_DELIVERED; NOT_DELIVERED -> DELIVERED (late delivery). */
export function transitionAllowed(from: CelebrationStatus | null, to: CelebrationStatus): boolean {
  if (to === 'CANCELLED_DECEASED' || from === 'CANCELLED_DECEASED') return false; // the death receiver's, final
  if (from === null) return true;
  if (from === to) return true; // same status again: idempotent when the details agree
  if (from === 'PLANNED') return to === 'DELIVERED' || to === 'NOT_DELIVERED';
  if (from === 'NOT_DELIVERED') return to === 'DELIVERED';
  return false; // DELIVERED is final
}

export interface CelebrationInput {
  citizenId: string;
  year: number;
  communeCode: string;
  status: CelebrationStatus;
  deliveredOn?: string | null;
  reason?: string | null;
}

/** Every reason a delivery record is refused by its shape, before the register and the database are asked (empty: accepted). */
export function celebrationProblems(input: CelebrationInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const birthYear = birthYearOf(input.citizenId);
  if (birthYear === null) problems.push({ field: 'citizenId', vi: 'Số định danh không hợp lệ', en: 'citizenId is not a valid citizen ID' });
  const yearOk =
    Number.isInteger(input.year) && input.year >= MIN_YEAR && input.year <= MAX_YEAR && input.year <= Number(today.slice(0, 4)) + 1;
  if (!yearOk)
    problems.push({ field: 'year', vi: `Năm phải từ ${MIN_YEAR} đến năm sau`, en: `year must be between ${MIN_YEAR} and next year` });
  problems.push(...communeCodeProblems(input.communeCode));
  if (input.status === 'CANCELLED_DECEASED') {
    problems.push({
      field: 'status',
      vi: 'Trạng thái CANCELLED_DECEASED chỉ do sổ đăng ký báo tử ghi',
      en: 'CANCELLED_DECEASED is set only when the register reports a death',
    });
  }
  const reason = input.reason == null ? '' : cleanText(input.reason);
  if (reason.length > MAX_REASON_LENGTH)
    problems.push({
      field: 'reason',
      vi: `Lý do tối đa ${MAX_REASON_LENGTH} ký tự`,
      en: `reason is at most ${MAX_REASON_LENGTH} characters`,
    });
  if (input.status === 'DELIVERED') {
    const d = input.deliveredOn;
    if (!isIsoDate(d) || d > today || (yearOk && d.slice(0, 4) !== String(input.year))) {
      problems.push({
        field: 'deliveredOn',
        vi: 'Ngày trao quà phải trong năm mừng thọ và không ở tương lai',
        en: 'deliveredOn must fall in the celebration year and not in the future',
      });
    }
  } else if (input.deliveredOn != null) {
    problems.push({ field: 'deliveredOn', vi: 'Chỉ ghi ngày trao khi đã trao', en: 'deliveredOn is only for DELIVERED' });
  }
  if (input.status === 'NOT_DELIVERED' && reason.length === 0) {
    problems.push({ field: 'reason', vi: 'Cần nêu lý do chưa trao', en: 'NOT_DELIVERED needs a reason' });
  }
  return problems;
}

/**
 * What the register's dates refuse of a delivery record (read through the graph by
 * `recordCelebrationDelivery`; docs/consistency.md section 3): the person must reach a
 * celebrated calendar age in the year (Law on the Elderly 2009, Art. 21; the register's birth
 * year); after a death nothing is planned, and a gift is not delivered after the date of death.
 * A NOT_DELIVERED record (with its reason, e.g. died before delivery) stays possible.
 */
export function celebrationRegisterProblems(
  input: Pick<CelebrationInput, 'year' | 'status' | 'deliveredOn'>,
  register: { birthDate: string; deathDate: string | null },
): Problem[] {
  const problems: Problem[] = [];
  const birthYear = yearOf(register.birthDate);
  if (!celebratesAt(calendarAge(birthYear, input.year), input.year)) {
    problems.push({
      field: 'year',
      vi: `Người sinh năm ${birthYear} (theo sổ đăng ký) không đến tuổi mừng thọ trong năm ${input.year}`,
      en: `Someone born in ${birthYear} (per the register) has no longevity celebration in ${input.year}`,
    });
  }
  const death = register.deathDate;
  if (death !== null && input.status === 'PLANNED') {
    problems.push({
      field: 'status',
      vi: `Sổ đăng ký ghi người này đã mất ngày ${death}: không dự kiến mừng thọ`,
      en: `The register records this person's death on ${death}: nothing can be planned`,
    });
  }
  if (death !== null && input.status === 'DELIVERED' && isIsoDate(input.deliveredOn) && input.deliveredOn > death) {
    problems.push({
      field: 'deliveredOn',
      vi: `Ngày trao quà sau ngày mất ${death} (theo sổ đăng ký)`,
      en: `deliveredOn is after the date of death ${death} (per the register)`,
    });
  }
  return problems;
}
