import { addYearsYmd, dayToIso, dayToYmd, ymdToDay } from '@nct/dates';
import { PROVINCE_CODE } from './fixtures/lai-chau';
import { RATES } from './rates';
import { WeightedTable } from './rng';
import type { HealthCheckSeed, HealthRecordSeed, InsuranceCardSeed, ResultClass } from './types';
import { dayBetween, type PersonInternal, type SeedContext } from './context';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { min } = Math;

/** Health records, periodic checks and BHYT cards (stream `health`). */
export function generateHealth(
  ctx: SeedContext,
  persons: PersonInternal[],
): { records: HealthRecordSeed[]; checks: HealthCheckSeed[]; insuranceCards: InsuranceCardSeed[] } {
  const { asOfDay, asOfYear, stream } = ctx;
  // ---- health ------------------------------------------------------------------------------
  const hr = stream('health');
  const records: HealthRecordSeed[] = [];
  const checks: HealthCheckSeed[] = [];
  const insuranceCards: InsuranceCardSeed[] = [];
  const recordFrom = ymdToDay(2015, 1, 1);
  const yearStart = ymdToDay(asOfYear, 1, 1);
  const resultTable = new WeightedTable<ResultClass>([
    ['I', 5],
    ['II', 30],
    ['III', 45],
    ['IV', 17],
    ['V', 3],
  ]);
  const provinceHospital = 'Bệnh viện Đa khoa tỉnh Lai Châu';
  const ssnIssued = new Set<string>();
  for (const p of persons) {
    const endDay = p.deathDay ?? asOfDay;
    const cm = p.commune;
    if (hr.chance(RATES.healthRecord)) {
      records.push({
        citizenId: p.seed.citizenId,
        openedOn: dayToIso(dayBetween(hr, recordFrom, endDay)),
        facility: cm.station,
        communeCode: cm.fx.code,
      });
    }
    const checkFacility = (): string => {
      const r = hr.next();
      return r < 0.8 ? cm.station : r < 0.93 ? cm.regionalCentre : provinceHospital;
    };
    if (hr.chance(RATES.checkThisYear) && endDay >= yearStart) {
      checks.push({
        citizenId: p.seed.citizenId,
        date: dayToIso(dayBetween(hr, yearStart, endDay)),
        facility: checkFacility(),
        resultClass: resultTable.pick(hr),
      });
    }
    for (let k = 1; k <= 3; k++) {
      if (!hr.chance(RATES.checkPreviousYear)) continue;
      const lo = ymdToDay(asOfYear - k, 1, 1);
      const hi = min(ymdToDay(asOfYear - k, 12, 31), endDay);
      if (hi < lo) continue;
      checks.push({
        citizenId: p.seed.citizenId,
        date: dayToIso(dayBetween(hr, lo, hi)),
        facility: checkFacility(),
        resultClass: resultTable.pick(hr),
      });
    }
    if (hr.chance(RATES.insuranceCard)) {
      let group: string;
      if (p.allowance !== null || p.pension !== null) group = 'BT';
      else {
        const r = hr.next();
        const poor = cm.fx.disadvantaged ? 0.35 : 0.1;
        group = r < poor ? 'HN' : r < poor + 0.3 ? 'HT' : r < poor + 0.38 ? 'CK' : 'GD';
      }
      const level = group === 'HT' ? 3 : group === 'GD' ? 4 : 2;
      let ssn: string;
      do ssn = `${PROVINCE_CODE}${`${hr.int(0, 99_999_999)}`.padStart(8, '0')}`;
      while (ssnIssued.has(ssn));
      ssnIssued.add(ssn);
      let fromDay: number;
      let toDay: number;
      if (hr.chance(RATES.insuranceValid)) {
        fromDay = asOfDay - hr.int(0, 364);
        const f = addYearsYmd(dayToYmd(fromDay), 1);
        toDay = ymdToDay(f.y, f.m, f.d) - 1;
      } else {
        toDay = asOfDay - hr.int(1, 730);
        const t = addYearsYmd(dayToYmd(toDay + 1), -1);
        fromDay = ymdToDay(t.y, t.m, t.d);
      }
      insuranceCards.push({
        citizenId: p.seed.citizenId,
        code: `${group}${level}${PROVINCE_CODE}${ssn}`,
        validFrom: dayToIso(fromDay),
        validTo: dayToIso(toDay),
        primaryCareFacility: hr.chance(0.85) ? cm.station : cm.regionalCentre,
      });
    }
  }
  return { records, checks, insuranceCards };
}
