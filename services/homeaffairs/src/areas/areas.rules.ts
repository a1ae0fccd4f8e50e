import { isIsoDate } from '@nct/dates';
import type { Problem } from '@nct/rules';
import { isCommuneCode } from '../units/units.rules';
import type { AreaLevel } from './areas.model';

/**
 * Villages and the dated list of especially disadvantaged areas (docs/consistency.md section 3).
 *
 * A village code is the commune's 5-digit code (Decision 19/2025/QĐ-TTg), a dash and the
 * village's 3-digit number in that commune: `03250-004`. There is no national code list for
 * thôn/bản; the register numbers them within each commune, so a code names its commune.
 */
export const VILLAGE_CODE = /^(\d{5})-(\d{3})$/;

export function isVillageCode(code: string): boolean {
  return VILLAGE_CODE.test(code);
}

/** The commune a village code belongs to (its first five digits), or null for a malformed code. */
export function villageCommune(code: string): string | null {
  return VILLAGE_CODE.exec(code)?.[1] ?? null;
}

export const MAX_LEGAL_ACT_LENGTH = 200;
export const MAX_VILLAGE_NAME_LENGTH = 100;

/** A dated span, inclusive at both ends; `to` null: open. */
export interface Span {
  from: string;
  to: string | null;
}

/** Whether a span is in force on a date. */
export function inForceOn(span: Span, date: string): boolean {
  return span.from <= date && (span.to === null || date <= span.to);
}

/** Whether two spans share at least one day. */
export function overlaps(a: Span, b: Span): boolean {
  return (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);
}

/** The days two spans share, or null. */
export function intersection(a: Span, b: Span): Span | null {
  if (!overlaps(a, b)) return null;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  return { from, to };
}

export interface Listing extends Span {
  level: AreaLevel;
  unitCode: string;
  villageCode: string | null;
  legalAct: string;
}

export interface Spell extends Span {
  level: AreaLevel;
  legalAct: string;
}

/** Whether a listing names the place: its commune as a whole, or its village. */
function concerns(listing: Listing, place: { communeCode: string; villageCode: string | null }): boolean {
  if (listing.level === 'COMMUNE') return listing.unitCode === place.communeCode;
  return place.villageCode !== null && listing.villageCode === place.villageCode;
}

/**
 * The spells of especially disadvantaged status of a residence period: every listing of its
 * commune, or of its village, that overlaps the period, clipped to the period; by start date,
 * the commune's before the village's on the same day.
 */
export function spellsOf(
  period: { communeCode: string; villageCode: string | null; from: string; to: string | null },
  listings: readonly Listing[],
): Spell[] {
  const out: Spell[] = [];
  for (const l of listings) {
    if (!concerns(l, period)) continue;
    const days = intersection(l, period);
    if (days) out.push({ ...days, level: l.level, legalAct: l.legalAct });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.level === b.level ? 0 : a.level === 'COMMUNE' ? -1 : 1));
}

/** Whether a commune as a whole is listed on a date (a listed village does not make its commune listed). */
export function communeListedOn(communeCode: string, listings: readonly Listing[], date: string): boolean {
  return listings.some((l) => l.level === 'COMMUNE' && l.unitCode === communeCode && inForceOn(l, date));
}

/** The id of a listing: the area's code and its first day (an area's listings never overlap). */
export function listingId(l: { level: AreaLevel; unitCode: string; villageCode: string | null; from: string }): string {
  return `${l.level === 'VILLAGE' ? l.villageCode : l.unitCode}@${l.from}`;
}

export interface ListingInput {
  level: AreaLevel;
  /** the commune (of the village, for a village listing) */
  unitCode: string;
  villageCode?: string | null;
  from: string;
  to?: string | null;
  legalAct: string;
}

/** Every reason a new listing is refused before the register is read (an empty list: well formed). */
export function listingProblems(input: ListingInput): Problem[] {
  const problems: Problem[] = [];
  if (!isCommuneCode(input.unitCode))
    problems.push({ field: 'unitCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'unitCode must be the 5-digit commune code' });
  const village = input.villageCode ?? null;
  if (input.level === 'VILLAGE') {
    if (village === null || villageCommune(village) !== input.unitCode)
      problems.push({
        field: 'villageCode',
        vi: 'Danh sách cấp thôn cần mã thôn dạng <mã xã>-NNN thuộc xã đã nêu',
        en: 'A village listing needs a village code <commune code>-NNN of the commune given',
      });
  } else if (village !== null) {
    problems.push({ field: 'villageCode', vi: 'Danh sách cấp xã không có mã thôn', en: 'A commune listing has no village code' });
  }
  problems.push(...spanProblems(input.from, input.to ?? null));
  const act = input.legalAct.normalize('NFC').trim();
  if (act.length === 0 || act.length > MAX_LEGAL_ACT_LENGTH)
    problems.push({
      field: 'legalAct',
      vi: `Văn bản quyết định phải có 1-${MAX_LEGAL_ACT_LENGTH} ký tự`,
      en: `legalAct must be 1-${MAX_LEGAL_ACT_LENGTH} characters`,
    });
  return problems;
}

/** A from/to pair: real dates, `to` (when given) not before `from`. */
export function spanProblems(from: string, to: string | null): Problem[] {
  if (!isIsoDate(from)) return [{ field: 'from', vi: 'Ngày bắt đầu không hợp lệ', en: 'from is not a valid date' }];
  if (to === null) return [];
  if (!isIsoDate(to)) return [{ field: 'to', vi: 'Ngày kết thúc không hợp lệ', en: 'to is not a valid date' }];
  if (to < from) return [{ field: 'to', vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'to is before from' }];
  return [];
}

export interface VillageInput {
  villageCode: string;
  name: string;
  from: string;
}

/** Every reason a new village is refused before the register is read. */
export function villageProblems(input: VillageInput): Problem[] {
  const problems: Problem[] = [];
  if (!isVillageCode(input.villageCode))
    problems.push({
      field: 'villageCode',
      vi: 'Mã thôn phải có dạng <mã xã 5 chữ số>-<3 chữ số>, ví dụ 03250-004',
      en: 'villageCode must be <5-digit commune code>-<3 digits>, e.g. 03250-004',
    });
  const name = input.name.normalize('NFC').trim();
  if (name.length === 0 || name.length > MAX_VILLAGE_NAME_LENGTH)
    problems.push({
      field: 'name',
      vi: `Tên thôn phải có 1-${MAX_VILLAGE_NAME_LENGTH} ký tự`,
      en: `name must be 1-${MAX_VILLAGE_NAME_LENGTH} characters`,
    });
  if (!isIsoDate(input.from)) problems.push({ field: 'from', vi: 'Ngày bắt đầu không hợp lệ', en: 'from is not a valid date' });
  return problems;
}
