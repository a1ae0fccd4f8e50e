import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';
import { CELEBRATION_AGES } from './celebration-ages';

/** Who gives the gift (Law on the Elderly 2009, Art. 21). */
export type GiftLevel = 'STATE_PRESIDENT' | 'PROVINCE' | 'COMMUNE';
export const GIFT_LEVELS: readonly GiftLevel[] = ['STATE_PRESIDENT', 'PROVINCE', 'COMMUNE'];

export interface NationalMinimumRow extends DatedRow {
  /** Minimum cash gift by calendar age (VND). */
  minimums: Record<number, number>;
}

/**
 * National minimums. Law on the Elderly 2009, Art. 21: at 100 the State President, at 90 the
 * chair of the provincial People's Committee, congratulates and gives a gift. The amounts are
 * set by the Ministry of Finance's circular on the funds for the elderly: Circular
 * 96/2018/TT-BTC (18/10/2018, in force 2018-12-03), Art. 4: 100 years, a letter, 5 m of silk
 * and 700,000 VND; 90 years, a letter and 500,000 VND. (Circular 21/2011/TT-BTC set 500,000 /
 * 300,000 before; not encoded, no data of ours predates 2018.) Check against the gazette
 * before relying on these rows; a new circular is a new row.
 */
export const NATIONAL_MINIMUMS = validateNationalMinimums([
  { effectiveFrom: '2018-12-03', legalAct: 'Thông tư 96/2018/TT-BTC, Điều 4', minimums: { 90: 500_000, 100: 700_000 } },
]);

export interface GiftRow {
  /** Calendar age; `orOlder` makes the row cover every age from it (100+). */
  age: number;
  orOlder?: boolean;
  level: GiftLevel;
  /** Cash part of the gift, VND. */
  amount: number;
}

export interface ProvinceGiftRow extends DatedRow {
  provinceCode: string;
  gifts: GiftRow[];
}

/**
 * Gift levels set by the province (People's Council resolution). The Lai Châu (12) figures
 * are illustrative until the province's resolution is loaded; they respect the national
 * minimums, which the validation enforces.
 */
export const PROVINCE_GIFTS = validateProvinceGifts([
  {
    effectiveFrom: '2019-01-01',
    legalAct: 'Nghị quyết HĐND tỉnh về mức quà mừng thọ (số liệu minh họa, thay bằng văn bản của tỉnh)',
    provinceCode: '12',
    gifts: [
      { age: 70, level: 'COMMUNE', amount: 100_000 },
      { age: 75, level: 'COMMUNE', amount: 100_000 },
      { age: 80, level: 'COMMUNE', amount: 150_000 },
      { age: 85, level: 'COMMUNE', amount: 150_000 },
      { age: 90, level: 'PROVINCE', amount: 500_000 },
      { age: 95, level: 'COMMUNE', amount: 200_000 },
      { age: 100, level: 'STATE_PRESIDENT', amount: 700_000 },
      { age: 101, orOlder: true, level: 'PROVINCE', amount: 500_000 },
    ],
  },
  {
    effectiveFrom: '2025-07-01',
    legalAct: 'Nghị quyết HĐND tỉnh Lai Châu sau sắp xếp đơn vị hành chính (số liệu minh họa)',
    provinceCode: '12',
    gifts: [
      { age: 70, level: 'COMMUNE', amount: 200_000 },
      { age: 75, level: 'COMMUNE', amount: 200_000 },
      { age: 80, level: 'COMMUNE', amount: 300_000 },
      { age: 85, level: 'COMMUNE', amount: 300_000 },
      { age: 90, level: 'PROVINCE', amount: 800_000 },
      { age: 95, level: 'COMMUNE', amount: 400_000 },
      { age: 100, level: 'STATE_PRESIDENT', amount: 700_000 },
      { age: 101, orOlder: true, level: 'PROVINCE', amount: 1_000_000 },
    ],
  },
]);

export function validateNationalMinimums(rows: readonly NationalMinimumRow[]): DatedTable<NationalMinimumRow> {
  return datedTable(rows, {
    name: 'national-gift-minimums',
    check: (r) => {
      if (!r.minimums || typeof r.minimums !== 'object') return 'minimums missing';
      for (const [age, amount] of Object.entries(r.minimums)) {
        if (!Number.isInteger(Number(age)) || !Number.isInteger(amount) || amount <= 0)
          return `minimum for ${age} must be a positive whole VND`;
      }
      return null;
    },
  });
}

/** Whether `rows` (one province's, or all) are well formed and respect the national minimums. */
export function validateProvinceGifts(rows: readonly ProvinceGiftRow[]): DatedTable<ProvinceGiftRow> {
  return datedTable(rows, {
    name: 'province-gifts',
    key: { name: 'province', of: (r) => r.provinceCode },
    check: (r) => {
      if (!/^\d{2}$/.test(r.provinceCode)) return 'provinceCode must be 2 digits';
      if (!Array.isArray(r.gifts) || r.gifts.length === 0) return 'gifts missing';
      for (const g of r.gifts) {
        if (!Number.isInteger(g.age) || g.age < 60 || g.age > 130) return `gift age ${g.age} out of range`;
        if (!GIFT_LEVELS.includes(g.level)) return `unknown gift level ${String(g.level)}`;
        if (!Number.isInteger(g.amount) || g.amount < 0) return `gift amount for ${g.age} must be whole VND`;
      }
      const ages = CELEBRATION_AGES.on(r.effectiveFrom) ?? CELEBRATION_AGES[0];
      for (const a of [...ages.ages, ages.everyYearFrom, ages.everyYearFrom + 1]) {
        if (!giftIn(r, a)) return `no gift for calendar age ${a}`;
      }
      const minimums = NATIONAL_MINIMUMS.on(r.effectiveFrom);
      for (const [age, min] of Object.entries(minimums?.minimums ?? {})) {
        const g = giftIn(r, Number(age));
        if (g && g.amount < min) return `gift for ${age} (${g.amount}) below the national minimum ${min} (${minimums?.legalAct})`;
      }
      return null;
    },
  });
}

/** The gift row for a calendar age: the exact age, else the `orOlder` row at or below it. */
export function giftIn(row: ProvinceGiftRow, age: number): GiftRow | null {
  const exact = row.gifts.find((g) => g.age === age && !g.orOlder) ?? row.gifts.find((g) => g.age === age);
  if (exact) return exact;
  const older = row.gifts.filter((g) => g.orOlder && g.age <= age).sort((a, b) => b.age - a.age);
  return older[0] ?? null;
}

/** The province's gift table in force on 1 January of `year`, or null when it has none. */
export function provinceGiftsFor(provinceCode: string, year: number): ProvinceGiftRow | null {
  return PROVINCE_GIFTS.on(`${year}-01-01`, provinceCode);
}
