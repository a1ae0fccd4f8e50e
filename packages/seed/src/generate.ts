/**
 * Deterministic seed-data generator. Pure: the output depends only on the options.
 * Each section draws from its own PRNG stream (derived from the seed and a label) so that the
 * sections stay independent of one another.
 */
import { CitizenIdIssuer, OLD_PROVINCE_CODES } from './citizen-id';
import {
  addYearsYmd,
  birthdayDay,
  dayToIso,
  dayToMonthIndex,
  dayToYmd,
  isoToDay,
  monthIndexFirstDay,
  monthIndexToString,
  monthStringToIndex,
  ymdToDay,
} from '@nct/dates';
import {
  ABOLISHED_ON,
  COMMUNES,
  OLD_COMMUNES,
  OLD_DISTRICTS,
  OLD_PROVINCE_ID_PREFIX,
  OLD_UNITS_VALID_FROM,
  PROVINCE,
  PROVINCE_CODE,
  REFORM_DATE,
  REFORM_LEGAL_ACT,
  VILLAGE_NAMES,
  type CommuneFixture,
} from './fixtures/lai-chau';
import { MINORITY_ETHNICITIES, makeFullName } from './names';
import { createRng, hashSeed, shuffled, WeightedTable, type Rng } from './rng';
import type {
  AllowanceCaseSeed,
  CaseStatus,
  AllowanceGroup,
  ClubMembershipSeed,
  ClubSeed,
  HealthCheckSeed,
  HealthRecordSeed,
  InsuranceCardSeed,
  LineageSeed,
  MembershipSeed,
  PersonSeed,
  ResultClass,
  SeedData,
  Sex,
  SocialPensionCaseSeed,
  UnitSeed,
} from './types';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor, log, max, min, round } = Math;

export interface SeedOptions {
  people: number;
  seed?: number;
  /** ISO date the data is "as of", default '2026-11-01' */
  asOf?: string;
}

export const DEFAULT_SEED_PEOPLE = 2000;
export const BENCH_SEED_PEOPLE = 100000;
export const DEFAULT_AS_OF = '2026-11-01';
export const DEFAULT_SEED = 1;

/** Rates used by the generator (documented in README.md; tests check the outputs against them). */
export const RATES = {
  /** age pyramid of people 60+: [minAge, maxAge, share %, female share] */
  agePyramid: [
    [60, 64, 30, 0.52],
    [65, 69, 26, 0.54],
    [70, 74, 18, 0.57],
    [75, 79, 11, 0.6],
    [80, 84, 8, 0.63],
    [85, 89, 4.5, 0.66],
    [90, 94, 2, 0.7],
    [95, 99, 0.45, 0.72],
    [100, 105, 0.05, 0.75],
  ] as ReadonlyArray<readonly [number, number, number, number]>,
  /** relative 12-month mortality by pyramid bucket, scaled so ~1.5% die overall */
  mortality: [0.0047, 0.0071, 0.0118, 0.0197, 0.0316, 0.0553, 0.087, 0.142, 0.2],
  ownProvinceBirth: 0.85,
  legacyCode: 0.03,
  kinhShare: { ward: 0.9, commune: 0.8, disadvantaged: 0.25 },
  healthRecord: 0.85,
  checkThisYear: 0.65,
  checkPreviousYear: 0.55,
  insuranceCard: 0.9,
  insuranceValid: 0.93,
  associationMember: 0.7,
  communesWithClub: 0.8,
  offTargetClub: 0.15,
  socialPensionOf75PlusWithoutAllowance: 0.15,
  deceasedStillPaid: 0.003,
} as const;

/** A commune needs this many living registered elderly before a club is generated there. */
const MIN_ELDERLY_FOR_CLUB = 20;
const DECREE_20_START = monthStringToIndex('2021-07');
const SOCIAL_PENSION_START = monthStringToIndex('2025-07');

interface CommuneInfo {
  fx: CommuneFixture;
  unit: UnitSeed;
  station: string;
  regionalCentre: string;
  villages: string[];
  legacyCodes: string[];
  kinhShare: number;
}

interface PersonInternal {
  seed: PersonSeed;
  birthDay: number;
  deathDay: number | null;
  /** full age on the reference day (death day, or asOf for the living) */
  age: number;
  bucket: number;
  commune: CommuneInfo;
  allowance: AllowanceCaseSeed | null;
  pension: SocialPensionCaseSeed | null;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function buildUnits(): {
  communes: CommuneInfo[];
  historicalUnits: UnitSeed[];
  lineage: LineageSeed[];
} {
  const districtName = new Map(OLD_DISTRICTS.map((d) => [d.code, d.shortName]));
  const legacy = new Map<string, string[]>();
  for (const oc of OLD_COMMUNES) {
    for (const to of oc.toCodes) legacy.set(to, [...(legacy.get(to) ?? []), oc.code]);
  }
  const communes: CommuneInfo[] = COMMUNES.map((fx) => {
    const unit: UnitSeed = {
      code: fx.code,
      name: fx.name,
      kind: fx.kind,
      level: 'COMMUNE',
      parentCode: PROVINCE_CODE,
      validFrom: fx.unchanged ? OLD_UNITS_VALID_FROM : REFORM_DATE,
      validTo: null,
      disadvantaged: fx.disadvantaged,
      mountainous: fx.mountainous,
    };
    // village names do not depend on the user seed: same commune, same villages
    const vr = createRng(hashSeed(0, `villages:${fx.code}`));
    const villages =
      fx.kind === 'WARD'
        ? Array.from({ length: 12 + vr.int(0, 6) }, (_, i) => `tổ dân phố ${i + 1}`)
        : shuffled(vr, VILLAGE_NAMES)
            .slice(0, 6 + vr.int(0, 6))
            .map((v) => `${fx.mountainous ? 'bản' : 'thôn'} ${v}`);
    return {
      fx,
      unit,
      station: `Trạm Y tế ${lowerFirst(fx.name)}`,
      regionalCentre: `Trung tâm Y tế khu vực ${districtName.get(fx.oldDistricts[0] as string) ?? 'Lai Châu'}`,
      villages,
      legacyCodes: legacy.get(fx.code) ?? [],
      kinhShare: fx.kind === 'WARD' ? RATES.kinhShare.ward : fx.disadvantaged ? RATES.kinhShare.disadvantaged : RATES.kinhShare.commune,
    };
  });

  const historicalUnits: UnitSeed[] = [
    ...OLD_DISTRICTS.map(
      (d): UnitSeed => ({
        code: d.code,
        name: d.name,
        kind: 'DISTRICT',
        level: 'DISTRICT',
        parentCode: PROVINCE_CODE,
        validFrom: OLD_UNITS_VALID_FROM,
        validTo: ABOLISHED_ON,
        disadvantaged: false,
        mountainous: true,
      }),
    ),
    ...OLD_COMMUNES.map((oc): UnitSeed => {
      const targets = communes.filter((cm) => oc.toCodes.includes(cm.fx.code));
      return {
        code: oc.code,
        name: oc.name,
        kind: oc.kind,
        level: 'COMMUNE',
        parentCode: oc.districtCode,
        validFrom: OLD_UNITS_VALID_FROM,
        validTo: ABOLISHED_ON,
        disadvantaged: targets.some((t) => t.fx.disadvantaged),
        mountainous: targets.some((t) => t.fx.mountainous),
      };
    }),
  ];

  const lineage: LineageSeed[] = [];
  const link = (fromCode: string, toCode: string): void => {
    lineage.push({ fromCode, toCode, legalAct: REFORM_LEGAL_ACT, effectiveDate: REFORM_DATE });
  };
  for (const d of OLD_DISTRICTS) {
    for (const cm of COMMUNES) if (cm.oldDistricts.includes(d.code)) link(d.code, cm.code);
  }
  for (const oc of OLD_COMMUNES) for (const to of oc.toCodes) link(oc.code, to);
  return { communes, historicalUnits, lineage };
}

function validateOptions(options: SeedOptions): { people: number; seed: number; asOf: string; asOfDay: number } {
  const { people } = options;
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`people must be a non-negative integer, got ${people}`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfDay = isoToDay(asOf); // throws on invalid dates
  return { people, seed, asOf, asOfDay };
}

/** Random day in [lo, hi]; returns lo when the range is empty. */
function dayBetween(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : rng.int(lo, hi);
}

/** Random birth day so that the full age on refDay is exactly `age`. */
function birthDayForAge(rng: Rng, refDay: number, age: number): number {
  const ref = dayToYmd(refDay);
  const latest = addYearsYmd(ref, -age);
  const earliestExcl = addYearsYmd(ref, -(age + 1));
  return rng.int(ymdToDay(earliestExcl.y, earliestExcl.m, earliestExcl.d) + 1, ymdToDay(latest.y, latest.m, latest.d));
}

function otherProvinceTable(): WeightedTable<string> {
  const preferred: Record<string, number> = {
    '011': 10, '010': 8, '015': 6, '014': 6, '034': 8, '036': 6, '035': 3, '037': 3, '030': 4,
    '033': 4, '001': 6, '025': 5, '038': 5, '040': 4, '022': 2, '008': 2, '002': 2, '019': 2,
  };
  return new WeightedTable(
    OLD_PROVINCE_CODES.filter((p) => p !== OLD_PROVINCE_ID_PREFIX).map((p) => [p, preferred[p] ?? 0.3] as const),
  );
}

export function generateSeed(options: SeedOptions): SeedData {
  const { people: n, seed, asOf, asOfDay } = validateOptions(options);
  const asOfMonth = dayToMonthIndex(asOfDay);
  const asOfYear = dayToYmd(asOfDay).y;
  const stream = (label: string): Rng => createRng(hashSeed(floor(seed) ^ round((seed % 1) * 1e9), label));

  const { communes, historicalUnits, lineage } = buildUnits();
  const issuer = new CitizenIdIssuer();
  const otherProvinces = otherProvinceTable();
  const minorities = new WeightedTable(MINORITY_ETHNICITIES);

  // ---- communes: population weights ------------------------------------------------------
  const unitRng = stream('communes');
  const communeWeights = communes.map((cm) => {
    const base = cm.fx.kind === 'WARD' ? 2.6 : cm.fx.disadvantaged ? 0.75 : 1.1;
    return base * (0.75 + 0.5 * unitRng.next());
  });
  const communeTable = new WeightedTable(communes.map((cm, i) => [cm, communeWeights[i] as number] as const));
  const totalWeight = communeWeights.reduce((a, b) => a + b, 0);
  const legacyWeight = communes.reduce((a, cm, i) => a + (cm.legacyCodes.length > 0 ? (communeWeights[i] as number) : 0), 0);
  const legacyP = min(0.9, RATES.legacyCode / (legacyWeight / totalWeight));

  // ---- people ------------------------------------------------------------------------------
  const pr = stream('people');
  const bucketTable = new WeightedTable(RATES.agePyramid.map((b, i) => [i, b[2]] as const));
  const persons: PersonInternal[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const bucket = bucketTable.pick(pr);
    const [minAge, maxAge, , femaleShare] = RATES.agePyramid[bucket] as readonly [number, number, number, number];
    const age = pr.int(minAge, maxAge);
    const sex: Sex = pr.chance(femaleShare) ? 'FEMALE' : 'MALE';
    const commune = communeTable.pick(pr);
    const ethnicity = pr.chance(commune.kinhShare) ? 'Kinh' : minorities.pick(pr);
    const dead = pr.chance(RATES.mortality[bucket] as number);
    const deathDay = dead ? asOfDay - pr.int(0, 364) : null;
    const birthDay = birthDayForAge(pr, deathDay ?? asOfDay, age);
    const birthYear = dayToYmd(birthDay).y;
    const prefix = pr.chance(RATES.ownProvinceBirth) ? OLD_PROVINCE_ID_PREFIX : otherProvinces.pick(pr);
    const citizenId = issuer.issue(pr, prefix, birthYear, sex);
    const fullName = makeFullName(pr, ethnicity, sex);
    const legacyUnitCode = commune.legacyCodes.length > 0 && pr.chance(legacyP) ? pr.pick(commune.legacyCodes) : null;
    persons[i] = {
      seed: {
        citizenId,
        fullName,
        birthDate: dayToIso(birthDay),
        sex,
        ethnicity,
        communeCode: commune.fx.code,
        legacyUnitCode,
        deathDate: deathDay === null ? null : dayToIso(deathDay),
      },
      birthDay,
      deathDay,
      age,
      bucket,
      commune,
      allowance: null,
      pension: null,
    };
  }

  // ---- social ------------------------------------------------------------------------------
  const sr = stream('social');
  let decisionSeq = 0;
  const nextDecision = (suffix: string): string => `${++decisionSeq}/${suffix}`;
  const decisionDateIn = (rng: Rng, monthIndex: number): string => {
    // decisions are signed in the month before payment starts, or early in that month
    const lo = monthIndexFirstDay(monthIndex - 1) + 10;
    const hi = min(monthIndexFirstDay(monthIndex) + 9, asOfDay);
    return dayToIso(dayBetween(rng, min(lo, hi), hi));
  };

  const deceased = persons.filter((p) => p.deathDay !== null);
  const anomalyTarget = min(deceased.length, max(n >= 500 ? 1 : 0, round(RATES.deceasedStillPaid * n)));
  const stillPaid = new Set<PersonInternal>(shuffled(sr, deceased).slice(0, anomalyTarget));

  const pickGroup = (p: PersonInternal): AllowanceGroup | null => {
    const r = sr.next();
    if (p.age >= 80) {
      if (r < 0.5) return 'A5C';
      if (r < 0.515) return 'A5A';
      if (r < 0.517) return 'A5D';
      if (r < 0.527) return 'DISABILITY_SEVERE';
      if (r < 0.532) return 'DISABILITY_VERY_SEVERE';
      return null;
    }
    if (p.age >= 75 && p.commune.fx.disadvantaged && r < 0.4) return 'A5B';
    const r2 = sr.next();
    if (r2 < 0.009) return 'A5A';
    if (r2 < 0.01) return 'A5D';
    if (r2 < 0.0135) return 'DISABILITY_SEVERE';
    if (r2 < 0.0155) return 'DISABILITY_VERY_SEVERE';
    return null;
  };
  const forcedGroup = (p: PersonInternal): AllowanceGroup =>
    p.age >= 80 ? 'A5C' : p.age >= 75 && p.commune.fx.disadvantaged ? 'A5B' : 'A5A';
  const thresholdAge = (g: AllowanceGroup): number => (g === 'A5C' ? 80 : g === 'A5B' ? 75 : 60);

  const allowanceCases: AllowanceCaseSeed[] = [];
  const socialPensionCases: SocialPensionCaseSeed[] = [];
  for (const p of persons) {
    const forced = stillPaid.has(p);
    const group = forced ? forcedGroup(p) : pickGroup(p);
    if (group === null) continue;
    const deathMonth = p.deathDay === null ? null : dayToMonthIndex(p.deathDay);
    const turned = dayToMonthIndex(birthdayDay(p.birthDay, thresholdAge(group)));
    const earliest = max(turned, DECREE_20_START);
    const latest = deathMonth ?? asOfMonth;
    if (earliest > latest) continue;
    // newly eligible people start from the month they turn the age; others at any time since
    const start =
      turned >= DECREE_20_START || sr.chance(0.4)
        ? min(latest, earliest + sr.int(0, 2))
        : sr.int(earliest, latest);
    const { status, stop } = forced
      ? { status: 'ACTIVE' as const, stop: null }
      : caseLifecycle(sr, start, deathMonth, asOfMonth, 0.03, 0.08);
    const c: AllowanceCaseSeed = {
      citizenId: p.seed.citizenId,
      group,
      decisionNumber: nextDecision('QĐ-UBND'),
      decisionDate: decisionDateIn(sr, start),
      startMonth: monthIndexToString(start),
      status,
      stopMonth: stop === null ? null : monthIndexToString(stop),
      communeCode: p.commune.fx.code,
    };
    p.allowance = c;
    allowanceCases.push(c);
  }

  for (const p of persons) {
    if (p.allowance !== null || p.age < 75) continue;
    if (!sr.chance(RATES.socialPensionOf75PlusWithoutAllowance)) continue;
    const deathMonth = p.deathDay === null ? null : dayToMonthIndex(p.deathDay);
    const earliest = max(SOCIAL_PENSION_START, dayToMonthIndex(birthdayDay(p.birthDay, 75)));
    const latest = deathMonth ?? asOfMonth;
    if (earliest > latest) continue;
    const start = min(latest, earliest + sr.int(0, 3));
    const { status, stop } = caseLifecycle(sr, start, deathMonth, asOfMonth, 0.02, 0.05);
    const c: SocialPensionCaseSeed = {
      citizenId: p.seed.citizenId,
      decisionNumber: nextDecision('QĐ-UBND'),
      decisionDate: decisionDateIn(sr, start),
      startMonth: monthIndexToString(start),
      status,
      stopMonth: stop === null ? null : monthIndexToString(stop),
      communeCode: p.commune.fx.code,
    };
    p.pension = c;
    socialPensionCases.push(c);
  }

  // ---- health ------------------------------------------------------------------------------
  const hr = stream('health');
  const records: HealthRecordSeed[] = [];
  const checks: HealthCheckSeed[] = [];
  const insuranceCards: InsuranceCardSeed[] = [];
  const recordFrom = ymdToDay(2015, 1, 1);
  const yearStart = ymdToDay(asOfYear, 1, 1);
  const resultTable = new WeightedTable<ResultClass>([['I', 5], ['II', 30], ['III', 45], ['IV', 17], ['V', 3]]);
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

  // ---- association: memberships ------------------------------------------------------------
  const ar = stream('association');
  const memberships: MembershipSeed[] = [];
  const cardSeq = new Map<string, number>();
  const memberFrom = ymdToDay(2005, 1, 1);
  for (const p of persons) {
    if (!ar.chance(RATES.associationMember)) continue;
    const cm = p.commune;
    const endDay = p.deathDay ?? asOfDay;
    const lo = min(endDay, max(memberFrom, birthdayDay(p.birthDay, 60)));
    const seq = (cardSeq.get(cm.fx.code) ?? 0) + 1;
    cardSeq.set(cm.fx.code, seq);
    memberships.push({
      citizenId: p.seed.citizenId,
      branchName: `Chi hội ${ar.pick(cm.villages)}`,
      communeCode: cm.fx.code,
      joinedOn: dayToIso(dayBetween(ar, lo, endDay)),
      cardNumber: `HNCT-${cm.fx.code}-${`${seq}`.padStart(6, '0')}`,
    });
  }

  // ---- association: clubs ------------------------------------------------------------------
  const cr = stream('clubs');
  const clubs: ClubSeed[] = [];
  const clubMemberships: ClubMembershipSeed[] = [];
  const livingByCommune = new Map<string, PersonInternal[]>();
  for (const p of persons) {
    if (p.deathDay !== null) continue;
    const list = livingByCommune.get(p.commune.fx.code);
    if (list) list.push(p);
    else livingByCommune.set(p.commune.fx.code, [p]);
  }
  // weighted sample without replacement of communes with no club (remote ones more likely)
  const noClubCount = round(communes.length * (1 - RATES.communesWithClub));
  const noClub = new Set(
    communes
      .map((cm) => ({ cm, key: -log(1 - cr.next()) / (cm.fx.disadvantaged ? 3 : cm.fx.kind === 'WARD' ? 0.3 : 1) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, noClubCount)
      .map((x) => x.cm.fx.code),
  );
  const clubCountTable = new WeightedTable([[1, 50], [2, 35], [3, 15]] as const);
  const foundedFrom = ymdToDay(2018, 1, 1);
  const foundedTo = max(foundedFrom, asOfDay - 90);
  let clubDecisionSeq = 0;

  const youngIdentity = (cm: CommuneInfo, sex: Sex): { citizenId: string; fullName: string; birthDay: number } => {
    const age = cr.int(25, 59);
    const birthDay = birthDayForAge(cr, asOfDay, age);
    const ethnicity = cr.chance(cm.kinhShare) ? 'Kinh' : minorities.pick(cr);
    const prefix = cr.chance(0.9) ? OLD_PROVINCE_ID_PREFIX : otherProvinces.pick(cr);
    const citizenId = issuer.issue(cr, prefix, dayToYmd(birthDay).y, sex);
    return { citizenId, fullName: makeFullName(cr, ethnicity, sex), birthDay };
  };

  for (const cm of communes) {
    if (noClub.has(cm.fx.code)) continue;
    const living = livingByCommune.get(cm.fx.code) ?? [];
    // too few registered elderly (tiny seeds) to found a club with real elderly members
    if (living.length < MIN_ELDERLY_FOR_CLUB) continue;
    const women = shuffled(cr, living.filter((p) => p.seed.sex === 'FEMALE'));
    const men = shuffled(cr, living.filter((p) => p.seed.sex === 'MALE'));
    const desired = clubCountTable.pick(cr);
    const clubCount = max(1, min(desired, floor(living.length / 40)));
    const clubVillages = shuffled(cr, cm.villages);
    for (let j = 0; j < clubCount; j++) {
      const clubId = `CLB-${cm.fx.code}-${String(j + 1).padStart(2, '0')}`;
      const foundedDay = dayBetween(cr, foundedFrom, foundedTo);
      clubs.push({
        clubId,
        name: `Câu lạc bộ Liên thế hệ tự giúp nhau ${clubVillages[j % clubVillages.length] as string}`,
        communeCode: cm.fx.code,
        foundedOn: dayToIso(foundedDay),
        decisionNumber: `${++clubDecisionSeq}/QĐ-UBND`,
      });

      // composition profile: most clubs on target, some deliberately outside it
      let size = cr.int(50, 70);
      let elderlyShare = 0.6 + cr.next() * 0.1;
      let womenShare = 0.6 + cr.next() * 0.1;
      if (cr.chance(RATES.offTargetClub)) {
        const kind = cr.int(0, 3);
        if (kind === 0) size = cr.int(45, 49);
        else if (kind === 1) womenShare = 0.4 + cr.next() * 0.1;
        else if (kind === 2) elderlyShare = 0.78 + cr.next() * 0.07;
        else size = cr.int(71, 75);
      }
      const elderlyWanted = round(size * elderlyShare);
      const womenWanted = round(size * womenShare);
      let ew = min(women.length, round(elderlyWanted * womenShare));
      let em = min(men.length, elderlyWanted - ew);
      ew = min(women.length, elderlyWanted - em); // top up from women if men ran short
      em = min(men.length, elderlyWanted - ew);
      const elderly = [...women.splice(0, ew), ...men.splice(0, em)];
      // when the commune runs out of elderly, younger members fill the club to its size
      const youngCount = size - elderly.length;
      const yw = max(0, min(youngCount, womenWanted - ew));
      const joined = (minDay: number): string =>
        dayToIso(cr.chance(0.6) ? max(foundedDay, minDay) : dayBetween(cr, max(foundedDay, minDay), asOfDay));

      const members: ClubMembershipSeed[] = [];
      for (const p of shuffled(cr, elderly)) {
        const supported = p.allowance !== null || p.pension !== null;
        members.push({
          clubId,
          citizenId: p.seed.citizenId,
          fullName: p.seed.fullName,
          birthDate: p.seed.birthDate,
          sex: p.seed.sex,
          role: 'MEMBER',
          elderly: true,
          woman: p.seed.sex === 'FEMALE',
          young: false,
          priority: cr.chance(supported ? 0.6 : 0.12),
          joinedOn: joined(foundedDay),
        });
      }
      for (let k = 0; k < youngCount; k++) {
        const sex: Sex = k < yw ? 'FEMALE' : 'MALE';
        const id = youngIdentity(cm, sex);
        members.push({
          clubId,
          citizenId: id.citizenId,
          fullName: id.fullName,
          birthDate: dayToIso(id.birthDay),
          sex,
          role: 'MEMBER',
          elderly: false,
          woman: sex === 'FEMALE',
          young: true,
          priority: cr.chance(0.1),
          joinedOn: joined(birthdayDay(id.birthDay, 18)),
        });
      }
      // one chair (an elderly member when there is one), 1-2 vice chairs
      const chairIdx = members.findIndex((m) => m.elderly);
      const first = members[chairIdx >= 0 ? chairIdx : 0];
      if (first) first.role = 'CHAIR';
      const vices = 1 + (cr.chance(0.5) ? 1 : 0);
      let assigned = 0;
      // prefer a young vice chair first, then anyone
      for (const pref of [true, false]) {
        for (const m of members) {
          if (assigned >= vices) break;
          if (m.role === 'MEMBER' && (!pref || m.young)) {
            m.role = 'VICE_CHAIR';
            assigned++;
            if (pref) break;
          }
        }
      }
      clubMemberships.push(...members);
    }
  }

  return {
    asOf,
    seed,
    province: { ...PROVINCE },
    communes: communes.map((cm) => cm.unit),
    historicalUnits,
    lineage,
    people: persons.map((p) => p.seed),
    social: { allowanceCases, socialPensionCases },
    health: { records, checks, insuranceCards },
    association: { memberships, clubs, clubMemberships },
  };
}

/**
 * Status of a benefit case as of `asOfMonth`: stopped from the month after death; otherwise
 * stopped (share `stoppedBelow`) or suspended (up to `suspendedBelow`, cumulative) at random.
 */
function caseLifecycle(
  sr: Rng,
  start: number,
  deathMonth: number | null,
  asOfMonth: number,
  stoppedBelow: number,
  suspendedBelow: number,
): { status: CaseStatus; stop: number | null } {
  if (deathMonth !== null) return { status: 'STOPPED', stop: deathMonth + 1 }; // stops from the month after death
  const r = sr.next();
  if (r < stoppedBelow && start < asOfMonth) return { status: 'STOPPED', stop: sr.int(start + 1, asOfMonth) };
  if (r < suspendedBelow) return { status: 'SUSPENDED', stop: null };
  return { status: 'ACTIVE', stop: null };
}
