import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '@nct/auth';
import { celebratesAt } from '../celebrations/celebrations.rules';
import { CoverageTargetRow } from '../clubs/rules/operation-targets';

export interface CoverageCommune {
  code: string;
  mountainous: boolean;
  clubs: number;
}

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 10000) / total) / 100);

function group(communes: readonly CoverageCommune[], covered: (c: CoverageCommune) => boolean, target: number | null) {
  const n = communes.filter(covered).length;
  return {
    communes: communes.length,
    covered: n,
    sharePercent: pct(n, communes.length),
    targetPercent: target,
    // exact integer comparison; a group with no communes meets any target
    met: target === null ? null : communes.length === 0 || n * 100 >= target * communes.length,
  };
}

/**
 * Club coverage of a province (Decision 1336/QĐ-TTg provincial plans; Decision 1648/QĐ-TTg to
 * 2035): the share of communes with at least one club, and of lowland and mountain communes
 * with the required number of clubs (1-3), against the row in force.
 */
export function clubCoverage(communes: readonly CoverageCommune[], target: CoverageTargetRow) {
  const inRange = (c: CoverageCommune) => c.clubs >= target.clubsPerCommune.min && c.clubs <= target.clubsPerCommune.max;
  const all = group(communes, (c) => c.clubs > 0, target.communeSharePercent);
  const lowland = group(
    communes.filter((c) => !c.mountainous),
    inRange,
    target.lowlandSharePercent,
  );
  const mountain = group(
    communes.filter((c) => c.mountainous),
    inRange,
    target.mountainSharePercent,
  );
  return {
    legalAct: target.legalAct,
    clubs: communes.reduce((n, c) => n + c.clubs, 0),
    communesWithClub: all.covered,
    all,
    lowland,
    mountain,
    met: [all.met, lowland.met, mountain.met].every((m) => m !== false),
    communesWithoutClub: communes
      .filter((c) => c.clubs === 0)
      .map((c) => c.code)
      .sort(),
  };
}

/** One commune's Q8 figures before disclosure control: the register's `due` (null: not sent) and the recorded statuses. */
export interface CelebrationStatusRaw {
  code: string;
  due: number | null;
  delivered: number;
  notDelivered: number;
}

interface CelebrationStatusShown {
  code: string;
  due: number | null;
  delivered: number | null;
  notDelivered: number | null;
  planned: number | null;
  suppressed: boolean;
}

/**
 * People due a celebration in `year` among a commune's living residents by birth year: those
 * whose calendar age (year − birth year) is celebrated (celebratesAt). null when home affairs
 * sent no counts.
 */
export function dueFromBirthYears(births: ReadonlyArray<{ year: number; count: number }> | null, year: number): number | null {
  if (births === null) return null;
  return births.reduce((sum, b) => (celebratesAt(year - b.year, year) ? sum + b.count : sum), 0);
}

/** PLANNED as Q8 defines it: due minus the recorded outcomes, never below 0 (see the caveat in docs/cross-agency.md Q8). */
function shown(r: CelebrationStatusRaw): CelebrationStatusShown {
  const planned = r.due === null ? null : Math.max(0, r.due - r.delivered - r.notDelivered);
  return { code: r.code, due: r.due, delivered: r.delivered, notDelivered: r.notDelivered, planned, suppressed: false };
}

const WITHHELD = { due: null, delivered: null, notDelivered: null, planned: null, suppressed: true } as const;

function hasSmallCell(r: CelebrationStatusShown): boolean {
  return [r.due, r.delivered, r.notDelivered, r.planned].some((n) => n !== null && n > 0 && n < SMALL_CELL_THRESHOLD);
}

/**
 * Q8 figures per commune and their total (`totalCode`), as a caller may see them. With
 * `suppress` (a caller who may not read the list itself, PDP Law 91/2025): a commune's cells go
 * out together, all withheld when any is 1-4 (each is the others' difference); when a single
 * commune is withheld, the next smallest non-empty one is withheld too (@nct/auth
 * `suppressSmallCells`), since the province total is shown; the total is withheld only when
 * one of its own cells is 1-4.
 */
export function celebrationStatusFigures(
  rows: readonly CelebrationStatusRaw[],
  totalCode: string,
  suppress: boolean,
): { communes: CelebrationStatusShown[]; total: CelebrationStatusShown } {
  const communes = rows.map(shown);
  const sum = (pick: (r: CelebrationStatusShown) => number | null) =>
    communes.some((r) => pick(r) === null) ? null : communes.reduce((a, r) => a + (pick(r) as number), 0);
  const total: CelebrationStatusShown = {
    code: totalCode,
    due: sum((r) => r.due),
    delivered: sum((r) => r.delivered),
    notDelivered: sum((r) => r.notDelivered),
    planned: sum((r) => r.planned),
    suppressed: false,
  };
  if (!suppress) return { communes, total };
  const size = (r: CelebrationStatusShown) => Math.max(r.due ?? 0, (r.delivered ?? 0) + (r.notDelivered ?? 0) + (r.planned ?? 0));
  const disclosed = suppressSmallCells(communes.map((r) => ({ key: r.code, count: hasSmallCell(r) ? 1 : size(r) })));
  return {
    communes: communes.map((r, i) => (disclosed[i].suppressed ? { code: r.code, ...WITHHELD } : r)),
    total: hasSmallCell(total) ? { code: totalCode, ...WITHHELD } : total,
  };
}
