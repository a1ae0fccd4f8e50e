import { isIsoDate } from '@nct/dates';

/**
 * A spell during which the residence commune or village (thôn) was on the list of especially
 * disadvantaged areas, with the act that decided it (inclusive dates; `to` null while it lasts).
 * `level` says whether the commune or the village was listed.
 */
export interface DisadvantagedSpell {
  from: string;
  to: string | null;
  level: string;
  legalAct: string;
}

/** A residence period from the register (inclusive dates; `to` null = current), with the disadvantaged spells that overlap it. */
export interface ResidencePeriod {
  communeCode: string;
  villageCode: string | null;
  from: string;
  to: string | null;
  disadvantaged: DisadvantagedSpell[];
}

const covers = (p: { from: string; to: string | null }, date: string) => p.from <= date && (p.to === null || date <= p.to);

/** The residence period in force on a date (the latest starting one if the register has two), or null. */
export function residenceOn(history: readonly ResidencePeriod[], date: string): ResidencePeriod | null {
  let best: ResidencePeriod | null = null;
  for (const p of history) if (covers(p, date) && (!best || p.from > best.from)) best = p;
  return best;
}

/**
 * The residence of a month: the one in force on its first day, else the first one that starts
 * within the month; null when the register has none for the month.
 */
export function residenceInMonth(history: readonly ResidencePeriod[], month: string): ResidencePeriod | null {
  const first = residenceOn(history, `${month}-01`);
  if (first) return first;
  const starting = history.filter((p) => p.from.slice(0, 7) === month).sort((a, b) => (a.from < b.from ? -1 : 1));
  return starting[0] ?? null;
}

/** The disadvantaged spells of a residence in force on a date (commune or village). */
export function disadvantagedOn(residence: ResidencePeriod | null, date: string): DisadvantagedSpell[] {
  return residence ? residence.disadvantaged.filter((s) => covers(s, date)) : [];
}

const isDate = (v: unknown): v is string => isIsoDate(v);
const dateOrNull = (v: unknown): string | null | undefined => (v === null || v === undefined ? null : isDate(v) ? v : undefined);

/**
 * Residence history as sent by the gateway (`@requires`) or answered by the register, checked:
 * a period or spell of the wrong shape is dropped (never trusted); not a list: null (unknown).
 */
export function parseResidenceHistory(value: unknown): ResidencePeriod[] | null {
  if (!Array.isArray(value)) return null;
  const out: ResidencePeriod[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const to = dateOrNull(r.to);
    if (typeof r.communeCode !== 'string' || !/^\d{5}$/.test(r.communeCode) || !isDate(r.from) || to === undefined) continue;
    const spells: DisadvantagedSpell[] = [];
    for (const s of Array.isArray(r.disadvantaged) ? r.disadvantaged : []) {
      if (!s || typeof s !== 'object') continue;
      const d = s as Record<string, unknown>;
      const sTo = dateOrNull(d.to);
      if (!isDate(d.from) || sTo === undefined || typeof d.level !== 'string' || typeof d.legalAct !== 'string') continue;
      spells.push({ from: d.from, to: sTo, level: d.level, legalAct: d.legalAct });
    }
    out.push({
      communeCode: r.communeCode,
      villageCode: typeof r.villageCode === 'string' ? r.villageCode : null,
      from: r.from,
      to,
      disadvantaged: spells,
    });
  }
  return out;
}
