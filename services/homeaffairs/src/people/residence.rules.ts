import { addDays, isIsoDate } from '@nct/dates';
import type { Problem } from '@nct/rules';
import { isCommuneCode, isValidOn } from '../units/units.rules';
import { villageCommune } from '../areas/areas.rules';
import type { ResidencePeriodDoc } from './person.model';

/**
 * Residence history (docs/consistency.md section 3): periods of residence in a commune (and a
 * village of it), inclusive dates, `to` null while current, oldest first, never overlapping.
 * A period starts no earlier than the person's birth and than the day its commune (and village)
 * exists; a move starts a new period and closes the current one the day before.
 */

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * The history of an entry written before the register kept histories: one current period in
 * its commune, from birth or from the day the commune was formed, whichever is later (where the
 * person lived before is not known).
 */
export function impliedHistory(person: { communeCode: string; birthDate: string }, communeValidFrom: string): ResidencePeriodDoc[] {
  return [{ communeCode: person.communeCode, villageCode: null, from: later(person.birthDate, communeValidFrom), to: null }];
}

/** The first period of a new entry: from `residentSince`, or from birth / the commune's formation. */
export function initialPeriod(
  input: { communeCode: string; villageCode?: string | null; birthDate: string; residentSince?: string | null },
  communeValidFrom: string,
): ResidencePeriodDoc {
  return {
    communeCode: input.communeCode,
    villageCode: input.villageCode ?? null,
    from: input.residentSince ?? later(input.birthDate, communeValidFrom),
    to: null,
  };
}

/** The open period of a history (the last one), or null for an empty history. */
export function currentPeriod(history: readonly ResidencePeriodDoc[]): ResidencePeriodDoc | null {
  const last = history[history.length - 1];
  return last && last.to === null ? last : null;
}

export interface Move {
  communeCode: string;
  villageCode: string | null;
  from: string;
}

/** Whether a move changes nothing: the current period already is in that commune and village. */
export function isCurrentResidence(history: readonly ResidencePeriodDoc[], move: Pick<Move, 'communeCode' | 'villageCode'>): boolean {
  const current = currentPeriod(history);
  return current !== null && current.communeCode === move.communeCode && current.villageCode === move.villageCode;
}

/** The codes of a place: a 5-digit commune and, when given, a village `<commune>-NNN` of that commune. */
export function placeProblems(communeCode: string, villageCode: string | null): Problem[] {
  if (!isCommuneCode(communeCode))
    return [{ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }];
  if (villageCode !== null && villageCommune(villageCode) !== communeCode)
    return [
      {
        field: 'villageCode',
        vi: `Mã thôn phải có dạng ${communeCode}-NNN (thôn của xã đã nêu)`,
        en: `villageCode must be ${communeCode}-NNN (a village of the commune given)`,
      },
    ];
  return [];
}

/**
 * Every reason a move's date is refused: a real date, not in the future, not before birth, not
 * after death.
 */
export function moveDateProblems(person: { birthDate: string; deathDate: string | null }, from: string, today: string): Problem[] {
  if (!isIsoDate(from)) return [{ field: 'from', vi: 'Ngày chuyển đến không hợp lệ', en: 'from is not a valid date' }];
  const problems: Problem[] = [];
  if (from > today) problems.push({ field: 'from', vi: 'Ngày chuyển đến ở tương lai', en: 'from is in the future' });
  if (from < person.birthDate) problems.push({ field: 'from', vi: 'Ngày chuyển đến trước ngày sinh', en: 'from is before the birth date' });
  if (person.deathDate !== null && from > person.deathDate)
    problems.push({ field: 'from', vi: 'Ngày chuyển đến sau ngày mất', en: 'from is after the date of death' });
  return problems;
}

/**
 * Every reason a move is refused before the units are read: its place codes, its date, and a
 * start after the start of the current period (a move cannot replace the current period from
 * its first day: that is a correction).
 */
export function moveProblems(
  person: { birthDate: string; deathDate: string | null },
  history: readonly ResidencePeriodDoc[],
  move: Move,
  today: string,
): Problem[] {
  const problems = [...placeProblems(move.communeCode, move.villageCode), ...moveDateProblems(person, move.from, today)];
  const current = currentPeriod(history);
  if (current && isIsoDate(move.from) && move.from <= current.from)
    problems.push({
      field: 'from',
      vi: `Ngày chuyển đến phải sau ngày bắt đầu nơi cư trú hiện tại (${current.from})`,
      en: `from must be after the start of the current residence (${current.from})`,
    });
  return problems;
}

/** The history after a move: the current period closed the day before, the new one open. */
export function applyMove(history: readonly ResidencePeriodDoc[], move: Move): ResidencePeriodDoc[] {
  const closed = history.map((p) => (p.to === null ? { ...p, to: addDays(move.from, -1) } : { ...p }));
  return [...closed, { communeCode: move.communeCode, villageCode: move.villageCode, from: move.from, to: null }];
}

/**
 * A unit (commune or village) a period may start in on `date`: it exists, is in force on that
 * date and today (the period becomes the current residence). `field` names the argument.
 */
export function placeValidityProblems(
  unit: { validFrom: string; validTo: string | null } | null,
  what: { field: string; code: string; kind: 'commune' | 'village' },
  date: string,
  today: string,
): Problem[] {
  const vi = what.kind === 'commune' ? 'xã/phường' : 'thôn';
  if (!unit) return [{ field: what.field, vi: `Không có ${vi} mã ${what.code}`, en: `No ${what.kind} with code ${what.code}` }];
  if (!isValidOn(unit, date))
    return [
      {
        field: what.field,
        vi: `${vi} ${what.code} không có hiệu lực vào ngày ${date} (hiệu lực ${unit.validFrom} - ${unit.validTo ?? 'nay'})`,
        en: `The ${what.kind} ${what.code} is not in force on ${date} (in force ${unit.validFrom} - ${unit.validTo ?? 'now'})`,
      },
    ];
  if (!isValidOn(unit, today))
    return [
      {
        field: what.field,
        vi: `${vi} ${what.code} không còn hiệu lực; nơi cư trú hiện tại phải là đơn vị hiện hành`,
        en: `The ${what.kind} ${what.code} is no longer in force; the current residence must be a current unit`,
      },
    ];
  return [];
}

/** A corrected birth date must stay on or before the start of the first residence period. */
export function historyBirthProblems(birthDate: string, history: readonly ResidencePeriodDoc[]): Problem[] {
  const first = history[0];
  if (!first || !isIsoDate(birthDate) || birthDate <= first.from) return [];
  return [
    {
      field: 'birthDate',
      vi: `Ngày sinh sau ngày bắt đầu cư trú đã ghi (${first.from})`,
      en: `birthDate is after the start of the recorded residence (${first.from})`,
    },
  ];
}
