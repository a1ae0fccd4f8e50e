import { isIsoDate } from '@nct/dates';
import type { UnitDoc, UnitKind, UnitLevel } from './administrative-unit.model';
import { codeLevel } from './units.rules';

/**
 * Import of the official list of administrative units (Decision 19/2025/QĐ-TTg codes) from
 * a CSV file, one unit per line, with the units it was formed from (the lineage, by the
 * legal act that made the change, e.g. Resolution 1670/NQ-UBTVQH15 for Lai Châu):
 *
 *   code,name,kind,parentCode,validFrom,validTo,disadvantaged,mountainous,formedFrom,legalAct
 *
 * `formedFrom` lists predecessor codes separated by `;` (effective on `validFrom`). A row
 * that fails any check is rejected with its reasons and changes nothing; the other rows
 * are imported. Rows that depend on a rejected row (its parent, its predecessors) are
 * rejected too.
 */
export const UNIT_CSV_COLUMNS = [
  'code',
  'name',
  'kind',
  'parentCode',
  'validFrom',
  'validTo',
  'disadvantaged',
  'mountainous',
  'formedFrom',
  'legalAct',
] as const;

/** Nationwide: 34 provinces, 3,321 communes, plus ~10,600 abolished units and ~700 districts. */
export const MAX_IMPORT_ROWS = 20_000;

export type RejectReason =
  | 'BAD_ROW'
  | 'BAD_CODE'
  | 'BAD_KIND'
  | 'BAD_NAME'
  | 'BAD_DATE'
  | 'BAD_FLAG'
  | 'UNKNOWN_PARENT'
  | 'UNKNOWN_PREDECESSOR'
  | 'DUPLICATE'
  | 'DEPENDS_ON_REJECTED';

export const REJECT_MESSAGES: Record<RejectReason, { vi: string; en: string }> = {
  BAD_ROW: { vi: 'Số cột không đúng', en: 'Wrong number of columns' },
  BAD_CODE: {
    vi: 'Mã phải gồm 2 (tỉnh), 3 (huyện cũ) hoặc 5 (xã) chữ số',
    en: 'Code must be 2 (province), 3 (old district) or 5 (commune) digits',
  },
  BAD_KIND: { vi: 'Loại đơn vị không hợp lệ hoặc không khớp độ dài mã', en: 'Unknown kind, or kind does not match the code length' },
  BAD_NAME: { vi: 'Tên phải có 1-200 ký tự', en: 'Name must be 1-200 characters' },
  BAD_DATE: { vi: 'Ngày không hợp lệ hoặc ngày hết hiệu lực trước ngày có hiệu lực', en: 'Impossible date, or validTo before validFrom' },
  BAD_FLAG: { vi: 'Cờ phải là true/false', en: 'Flags must be true/false' },
  UNKNOWN_PARENT: { vi: 'Đơn vị cấp trên không có hoặc sai cấp', en: 'Parent unit unknown or of the wrong level' },
  UNKNOWN_PREDECESSOR: {
    vi: 'Đơn vị tiền thân không có, hoặc thiếu văn bản pháp lý',
    en: 'Predecessor unit unknown, or the legal act is missing',
  },
  DUPLICATE: {
    vi: 'Mã trùng (trong tệp, hoặc đã có với nội dung khác)',
    en: 'Duplicate code (in the file, or already stored with other data)',
  },
  DEPENDS_ON_REJECTED: { vi: 'Phụ thuộc vào một dòng bị từ chối', en: 'Depends on a rejected row' },
};

export interface ParsedUnitRow {
  line: number;
  unit: UnitDoc;
  formedFrom: string[];
  legalAct: string;
}

export interface RejectedRow {
  line: number;
  code: string;
  reasons: RejectReason[];
}

const KIND_LEVEL: Record<UnitKind, UnitLevel> = {
  PROVINCE: 'PROVINCE',
  DISTRICT: 'DISTRICT',
  COMMUNE: 'COMMUNE',
  WARD: 'COMMUNE',
  SPECIAL_ZONE: 'COMMUNE',
  TOWNSHIP: 'COMMUNE',
};

/** Splits one CSV line (RFC 4180 quotes; no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

function flag(value: string): boolean | null {
  const v = value.toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  return null;
}

/** Parses the text into rows, checking each row on its own (shape, kind, dates, flags). */
export function parseUnitCsv(text: string): { rows: ParsedUnitRow[]; rejected: RejectedRow[]; problem: string | null } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  if (header.join(',') !== UNIT_CSV_COLUMNS.join(',')) {
    return { rows: [], rejected: [], problem: `header must be: ${UNIT_CSV_COLUMNS.join(',')}` };
  }
  const rows: ParsedUnitRow[] = [];
  const rejected: RejectedRow[] = [];
  const dataLines = lines
    .slice(1)
    .map((l, i) => ({ text: l, line: i + 2 }))
    .filter((l) => l.text.trim() !== '');
  if (dataLines.length > MAX_IMPORT_ROWS) return { rows: [], rejected: [], problem: `at most ${MAX_IMPORT_ROWS} rows` };
  for (const { text: l, line } of dataLines) {
    const cells = splitCsvLine(l);
    if (cells.length !== UNIT_CSV_COLUMNS.length) {
      rejected.push({ line, code: (cells[0] ?? '').slice(0, 10), reasons: ['BAD_ROW'] });
      continue;
    }
    const [code, rawName, kind, parentCode, validFrom, validTo, disadvantaged, mountainous, formedFrom, legalAct] = cells;
    const reasons: RejectReason[] = [];
    const level = codeLevel(code);
    if (!level) reasons.push('BAD_CODE');
    const unitLevel = KIND_LEVEL[kind as UnitKind];
    if (!unitLevel || (level && unitLevel !== level)) reasons.push('BAD_KIND');
    const name = rawName.normalize('NFC');
    if (name.length === 0 || name.length > 200) reasons.push('BAD_NAME');
    if (!isIsoDate(validFrom) || (validTo !== '' && (!isIsoDate(validTo) || validTo < validFrom))) reasons.push('BAD_DATE');
    const d = flag(disadvantaged);
    const m = flag(mountainous);
    if (d === null || m === null) reasons.push('BAD_FLAG');
    const predecessors = formedFrom === '' ? [] : formedFrom.split(';').map((c) => c.trim());
    if (predecessors.some((p) => !codeLevel(p) || p === code) || (predecessors.length > 0 && (legalAct === '' || legalAct.length > 200))) {
      reasons.push('UNKNOWN_PREDECESSOR');
    }
    if ((unitLevel === 'PROVINCE') !== (parentCode === '') || (parentCode !== '' && !codeLevel(parentCode))) reasons.push('UNKNOWN_PARENT');
    if (reasons.length) {
      rejected.push({ line, code: code.slice(0, 10), reasons });
      continue;
    }
    rows.push({
      line,
      unit: {
        code,
        name,
        kind: kind as UnitKind,
        level: unitLevel,
        parentCode: parentCode === '' ? null : parentCode,
        validFrom,
        validTo: validTo === '' ? null : validTo,
        disadvantaged: d!,
        mountainous: m!,
      },
      formedFrom: predecessors,
      legalAct: legalAct.normalize('NFC'),
    });
  }
  return { rows, rejected, problem: null };
}

function sameUnit(a: UnitDoc, b: UnitDoc): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.level === b.level &&
    (a.parentCode ?? null) === (b.parentCode ?? null) &&
    a.validFrom === b.validFrom &&
    (a.validTo ?? null) === (b.validTo ?? null) &&
    !!a.disadvantaged === !!b.disadvantaged &&
    !!a.mountainous === !!b.mountainous
  );
}

const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  PROVINCE: [],
  DISTRICT: ['PROVINCE'],
  COMMUNE: ['PROVINCE', 'DISTRICT'],
};

/**
 * Checks rows against each other and against the stored units: duplicates, parents and
 * predecessors (in the file or stored). Repeats until no accepted row depends on a rejected
 * one. Rows identical to a stored unit are `unchanged` (an import can be run again).
 */
export function checkUnitRows(
  rows: readonly ParsedUnitRow[],
  stored: ReadonlyMap<string, UnitDoc>,
): { accepted: ParsedUnitRow[]; unchanged: ParsedUnitRow[]; rejected: RejectedRow[] } {
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  let candidates: ParsedUnitRow[] = [];
  for (const r of rows) {
    const existing = stored.get(r.unit.code);
    if (firstLine.has(r.unit.code) || (existing && !sameUnit(existing, r.unit))) {
      rejected.push({ line: r.line, code: r.unit.code, reasons: ['DUPLICATE'] });
      continue;
    }
    firstLine.set(r.unit.code, r.line);
    candidates.push(r);
  }
  for (;;) {
    const inFile = new Map(candidates.map((r) => [r.unit.code, r.unit]));
    const known = (code: string) => inFile.get(code) ?? stored.get(code);
    const rejectedCodes = new Set(rejected.map((r) => r.code));
    const next: ParsedUnitRow[] = [];
    for (const r of candidates) {
      const reasons: RejectReason[] = [];
      const parent = r.unit.parentCode ? known(r.unit.parentCode) : null;
      if (r.unit.parentCode && (!parent || !PARENT_LEVELS[r.unit.level].includes(parent.level))) {
        reasons.push(rejectedCodes.has(r.unit.parentCode) ? 'DEPENDS_ON_REJECTED' : 'UNKNOWN_PARENT');
      }
      for (const p of r.formedFrom) {
        if (!known(p)) reasons.push(rejectedCodes.has(p) ? 'DEPENDS_ON_REJECTED' : 'UNKNOWN_PREDECESSOR');
      }
      if (reasons.length) rejected.push({ line: r.line, code: r.unit.code, reasons: [...new Set(reasons)] });
      else next.push(r);
    }
    if (next.length === candidates.length) break;
    candidates = next;
  }
  const accepted = candidates.filter((r) => !stored.has(r.unit.code));
  const unchanged = candidates.filter((r) => stored.has(r.unit.code));
  rejected.sort((a, b) => a.line - b.line);
  return { accepted, unchanged, rejected };
}
