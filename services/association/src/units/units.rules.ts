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
