import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { Problem } from '@nct/rules';
import { facilityProblems, pastDateProblems } from '../common/problems';
import { NEVER_STORED_ROWS, NeverStoredRow } from './rules/never-stored';
import { TRACKED_CONDITION_ROWS, TrackedConditionRow } from './rules/tracked-conditions';

/**
 * ICD-10 code as written on a diagnosis: a category of one capital letter and two digits
 * (`I10`), optionally a dot and 1-4 more characters, digits or capitals (`E11.9`, `I25.10`).
 * Lower case is refused, never silently upper-cased (the same choice as the BHYT card code).
 */
export const ICD10_SHAPE = /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/;
const CATEGORY = /^[A-Z]\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const FAR = '9999-12-31';

/** The category (letter + 2 digits) of a well-formed code. */
export function icd10Category(code: string): string {
  return code.slice(0, 3);
}

function inRange(category: string, r: { from: string; to: string }): boolean {
  return r.from <= category && category <= r.to;
}

function inForce(r: { effectiveFrom: string; effectiveTo: string | null }, date: string): boolean {
  return r.effectiveFrom <= date && date <= (r.effectiveTo ?? FAR);
}

function periodsOverlap(
  a: { effectiveFrom: string; effectiveTo: string | null },
  b: { effectiveFrom: string; effectiveTo: string | null },
): boolean {
  return a.effectiveFrom <= (b.effectiveTo ?? FAR) && b.effectiveFrom <= (a.effectiveTo ?? FAR);
}

function validateRange(
  where: string,
  r: { from: string; to: string; effectiveFrom: string; effectiveTo: string | null; legalAct: string },
): void {
  if (!CATEGORY.test(r.from) || !CATEGORY.test(r.to)) throw new Error(`${where}: from/to must be ICD-10 categories (letter + 2 digits)`);
  if (r.from[0] !== r.to[0] || r.from > r.to) throw new Error(`${where}: from must not be after to, within one letter`);
  if (!ISO.test(r.effectiveFrom)) throw new Error(`${where}: effectiveFrom must be an ISO date`);
  if (r.effectiveTo !== null && (!ISO.test(r.effectiveTo) || r.effectiveTo < r.effectiveFrom)) {
    throw new Error(`${where}: effectiveTo must be an ISO date on or after effectiveFrom`);
  }
  if (!r.legalAct.trim()) throw new Error(`${where}: legalAct is required`);
}

/** Refuses a malformed never-stored table at load. */
export function validateNeverStored(rows: readonly NeverStoredRow[]): readonly NeverStoredRow[] {
  rows.forEach((r, i) => {
    validateRange(`never-stored row ${i} (${r.from}-${r.to})`, r);
    if (!r.reasonVi.trim() || !r.reasonEn.trim()) throw new Error(`never-stored row ${i}: reasons are required`);
  });
  return rows;
}

/**
 * Refuses a malformed tracked-condition table at load: bad ranges or dates, missing names or
 * act, two rows in force at once covering the same category, and above all any row that
 * would let a never-stored (HIV) code in.
 */
export function validateTrackedConditions(
  rows: readonly TrackedConditionRow[],
  neverStored: readonly NeverStoredRow[],
): readonly TrackedConditionRow[] {
  rows.forEach((r, i) => {
    const where = `tracked condition row ${i} (${r.key})`;
    validateRange(where, r);
    if (!/^[A-Z][A-Z0-9_]*$/.test(r.key)) throw new Error(`${where}: key must be CAPITAL_SNAKE_CASE`);
    if (!r.nameVi.trim() || !r.nameEn.trim()) throw new Error(`${where}: names are required`);
    for (const n of neverStored) {
      if (r.from <= n.to && n.from <= r.to) throw new Error(`${where}: overlaps the never-stored range ${n.from}-${n.to}`);
    }
    const clash = rows.find((o, j) => j !== i && o.from <= r.to && r.from <= o.to && periodsOverlap(o, r));
    if (clash) throw new Error(`${where}: overlaps row ${clash.key} in force at the same time`);
  });
  return rows;
}

export const NEVER_STORED = validateNeverStored(NEVER_STORED_ROWS);
export const TRACKED_CONDITIONS = validateTrackedConditions(TRACKED_CONDITION_ROWS, NEVER_STORED);

/** The tracked condition a code belongs to on a date, or null. */
export function trackedConditionOf(code: string, date: string): TrackedConditionRow | null {
  const category = icd10Category(code);
  return TRACKED_CONDITIONS.find((r) => inRange(category, r) && inForce(r, date)) ?? null;
}

/**
 * Whether a code reveals HIV status. Checked on the upper-cased text, before any other rule,
 * so that "b20" gets the clear refusal too (the code is never echoed back).
 */
export function isNeverStored(code: string, date: string): boolean {
  const category = code.trim().toUpperCase().slice(0, 3);
  return CATEGORY.test(category) && NEVER_STORED.some((r) => inRange(category, r) && inForce(r, date));
}

export const HIV_REFUSAL = {
  vi:
    'Không lưu mã ICD-10 về HIV (B20-B24, Z21, R75): tình trạng HIV không bao giờ được ghi vào dữ liệu dùng chung ' +
    '(Luật Phòng, chống HIV/AIDS 2006, Điều 8; Luật 91/2025/QH15); việc quản lý do chương trình HIV/AIDS thực hiện trên hệ thống riêng',
  en:
    'HIV ICD-10 codes (B20-B24, Z21, R75) are never stored: HIV status never appears in a shared view ' +
    '(Law on HIV/AIDS 2006, Art. 8; Law 91/2025/QH15); it is managed by the HIV/AIDS programme in its own records',
};

/** Every problem with an ICD-10 code for a tracked chronic condition on `date`. */
export function icd10Problems(code: string, date: string, field = 'code'): Problem[] {
  if (typeof code !== 'string' || code.length > 12) {
    return [
      {
        field,
        problem: 'BAD_SHAPE',
        vi: 'Mã ICD-10 không đúng dạng (chữ cái + 2 chữ số, ví dụ I10 hoặc E11.9)',
        en: 'Malformed ICD-10 code (letter + 2 digits, e.g. I10 or E11.9)',
      },
    ];
  }
  if (isNeverStored(code, date)) return [{ field, problem: 'HIV_NOT_STORED', ...HIV_REFUSAL }];
  if (/[a-z]/.test(code))
    return [{ field, problem: 'LOWER_CASE', vi: 'Mã ICD-10 phải viết hoa', en: 'An ICD-10 code must be in capital letters' }];
  if (!ICD10_SHAPE.test(code)) {
    return [
      {
        field,
        problem: 'BAD_SHAPE',
        vi: 'Mã ICD-10 không đúng dạng (chữ cái + 2 chữ số, ví dụ I10 hoặc E11.9)',
        en: 'Malformed ICD-10 code (letter + 2 digits, e.g. I10 or E11.9)',
      },
    ];
  }
  if (!trackedConditionOf(code, date)) {
    return [
      {
        field,
        problem: 'NOT_TRACKED',
        vi: `Mã ${code} không thuộc danh mục bệnh mạn tính theo dõi ở người cao tuổi`,
        en: `${code} is not one of the chronic conditions tracked for the elderly`,
      },
    ];
  }
  return [];
}

export interface RecordChronicInput {
  citizenId: string;
  code: string;
  diagnosedOn: string;
  underManagement: boolean;
  facility: string;
}

/** Every reason to refuse recording a chronic condition (empty: accepted). */
export function recordChronicProblems(input: RecordChronicInput, today: string): Problem[] {
  // HIV first and alone: nothing else about the request is worth telling back.
  if (isNeverStored(input.code, today)) return [{ field: 'code', problem: 'HIV_NOT_STORED', ...HIV_REFUSAL }];
  const problems: Problem[] = checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] }));
  const dateProblems = pastDateProblems(input.diagnosedOn, 'diagnosedOn', today);
  problems.push(...dateProblems);
  // the table in force on the diagnosis date decides (today when the date itself is bad)
  problems.push(...icd10Problems(input.code, dateProblems.length ? today : input.diagnosedOn));
  problems.push(...facilityProblems(input.facility, 'facility'));
  return problems;
}
