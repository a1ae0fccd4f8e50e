import {
  BENCH_SEED_PEOPLE,
  DEFAULT_SEED_PEOPLE,
  generateSeed,
  isConsistentCitizenId,
  OLD_PROVINCE_CODES,
  type PersonSeed,
  type SeedData,
} from './index';
import { flushSoft, soft } from '../tests/soft-expect';
import { ageOnDay, birthdayDay, dayToMonthIndex, isIsoDate, isoToDay, monthStringToIndex } from '@nct/dates';

const AS_OF = '2026-11-01';
const N = 5000;
let s: SeedData;
let byId: Map<string, PersonSeed>;
const asOfDay = isoToDay(AS_OF);

/** Full age on the reference day: the death date for the deceased, asOf for the living. */
const refAge = (p: PersonSeed): number => ageOnDay(isoToDay(p.birthDate), p.deathDate ? isoToDay(p.deathDate) : asOfDay);
const share = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const monthOfTurning = (p: PersonSeed, age: number): number => dayToMonthIndex(birthdayDay(isoToDay(p.birthDate), age));

afterEach(() => flushSoft());

beforeAll(() => {
  s = generateSeed({ people: N, seed: 42, asOf: AS_OF });
  byId = new Map(s.people.map((p) => [p.citizenId, p]));
});

describe('constants and options', () => {
  it('exports the sizes', () => {
    expect(DEFAULT_SEED_PEOPLE).toBe(2000);
    expect(BENCH_SEED_PEOPLE).toBe(100000);
  });

  it('defaults asOf and seed', () => {
    const d = generateSeed({ people: 10 });
    expect(d.asOf).toBe('2026-11-01');
    expect(typeof d.seed).toBe('number');
    expect(d.people).toHaveLength(10);
  });

  it.each([
    [{ people: -1 }],
    [{ people: 1.5 }],
    [{ people: 10, asOf: '2026-02-30' }],
    [{ people: 10, asOf: '01/11/2026' }],
    [{ people: 10, seed: Number.NaN }],
  ])('rejects %j', (opts) => {
    expect(() => generateSeed(opts)).toThrow(RangeError);
  });

  it('handles zero people', () => {
    const d = generateSeed({ people: 0 });
    expect(d.people).toHaveLength(0);
    expect(d.communes).toHaveLength(38);
    expect(d.association.clubMemberships).toHaveLength(0);
  });
});

describe('administrative units', () => {
  it('is Lai Châu (code 12)', () => {
    expect(s.province).toMatchObject({
      code: '12',
      name: 'Tỉnh Lai Châu',
      kind: 'PROVINCE',
      level: 'PROVINCE',
      parentCode: null,
      validTo: null,
    });
  });

  it('has 38 current communes and wards with 5-digit unique codes under the province', () => {
    expect(s.communes).toHaveLength(38);
    expect(new Set(s.communes.map((c) => c.code)).size).toBe(38);
    expect(s.communes.filter((c) => c.kind === 'WARD')).toHaveLength(2);
    for (const c of s.communes) {
      soft(c.code).toMatch(/^\d{5}$/);
      soft(c.level).toBe('COMMUNE');
      soft(c.parentCode).toBe('12');
      soft(c.validTo).toBeNull();
      soft(c.name).toMatch(c.kind === 'WARD' ? /^Phường / : /^Xã /);
    }
    // names carry diacritics
    expect(s.communes.filter((c) => /[^\x00-\x7f]/.test(c.name.slice(3))).length).toBeGreaterThan(30);
    expect(s.communes.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Phường Tân Phong', 'Phường Đoàn Kết', 'Xã Mù Cả', 'Xã Hồng Thu']),
    );
  });

  it('flags about 30% of communes as disadvantaged / mountainous', () => {
    const d = share(s.communes.filter((c) => c.disadvantaged).length, s.communes.length);
    const m = share(s.communes.filter((c) => c.mountainous).length, s.communes.length);
    expect(d).toBeGreaterThanOrEqual(0.2);
    expect(d).toBeLessThanOrEqual(0.4);
    expect(m).toBeGreaterThanOrEqual(0.2);
    expect(m).toBeLessThanOrEqual(0.45);
    for (const c of s.communes) if (c.disadvantaged) expect(c.mountainous).toBe(true);
  });

  it('keeps abolished districts and communes with 2025-06-30 end dates', () => {
    const current = new Set(s.communes.map((c) => c.code));
    const districts = s.historicalUnits.filter((u) => u.level === 'DISTRICT');
    expect(districts.length).toBe(8);
    for (const u of s.historicalUnits) {
      soft(u.validTo).toBe('2025-06-30');
      soft(current.has(u.code)).toBe(false);
      if (u.level === 'DISTRICT') {
        soft(u.code).toMatch(/^\d{3}$/);
        soft(u.parentCode).toBe('12');
        soft(u.kind).toBe('DISTRICT');
      } else {
        soft(u.code).toMatch(/^\d{5}$/);
        soft(districts.map((d) => d.code)).toContain(u.parentCode);
        soft(['COMMUNE', 'WARD', 'TOWNSHIP']).toContain(u.kind);
      }
    }
    expect(new Set(s.historicalUnits.map((u) => u.code)).size).toBe(s.historicalUnits.length);
  });

  it('links old units to new ones: merges, a split, and district roll-ups', () => {
    const hist = new Map(s.historicalUnits.map((u) => [u.code, u]));
    const current = new Set(s.communes.map((c) => c.code));
    for (const l of s.lineage) {
      soft(hist.has(l.fromCode)).toBe(true);
      soft(current.has(l.toCode)).toBe(true);
      soft(l.legalAct).toBe('Nghị quyết 1670/NQ-UBTVQH15');
      soft(l.effectiveDate).toBe('2025-07-01');
    }
    const communeLinks = s.lineage.filter((l) => hist.get(l.fromCode)?.level === 'COMMUNE');
    const sourcesPerNew = new Map<string, number>();
    const targetsPerOld = new Map<string, number>();
    for (const l of communeLinks) {
      sourcesPerNew.set(l.toCode, (sourcesPerNew.get(l.toCode) ?? 0) + 1);
      targetsPerOld.set(l.fromCode, (targetsPerOld.get(l.fromCode) ?? 0) + 1);
    }
    expect(sourcesPerNew.size).toBeGreaterThanOrEqual(4);
    expect([...sourcesPerNew.values()].some((v) => v >= 2)).toBe(true); // merge
    expect([...targetsPerOld.values()].some((v) => v >= 2)).toBe(true); // split
    // every current commune rolls up from exactly one or more old districts
    const fromDistrict = new Set(s.lineage.filter((l) => hist.get(l.fromCode)?.level === 'DISTRICT').map((l) => l.toCode));
    expect(fromDistrict.size).toBe(38);
  });
});

describe('people', () => {
  it('has the requested count and unique citizen IDs', () => {
    expect(s.people).toHaveLength(N);
    expect(byId.size).toBe(N);
  });

  it('uses NFC Vietnamese names with family, middle and given parts', () => {
    for (const p of s.people) {
      soft(p.fullName.normalize('NFC')).toBe(p.fullName);
      soft(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      const middle = p.fullName.split(' ')[1];
      if (p.sex === 'MALE') soft(middle).not.toBe('Thị');
      else soft(middle).not.toBe('Văn');
    }
    expect(s.people.filter((p) => /[^\x00-\x7f]/.test(p.fullName)).length / N).toBeGreaterThan(0.8);
  });

  it('weights Kinh family names like the national distribution', () => {
    const kinh = s.people.filter((p) => p.ethnicity === 'Kinh');
    const fam = (name: string): number => share(kinh.filter((p) => p.fullName.startsWith(`${name} `)).length, kinh.length);
    expect(fam('Nguyễn')).toBeGreaterThan(0.33);
    expect(fam('Nguyễn')).toBeLessThan(0.43);
    for (const f of ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương']) {
      soft(fam(f)).toBeGreaterThan(0);
      soft(fam(f)).toBeLessThan(fam('Nguyễn'));
    }
  });

  it('is mostly Kinh, with minorities concentrated in disadvantaged communes', () => {
    const dis = new Set(s.communes.filter((c) => c.disadvantaged).map((c) => c.code));
    const inDis = s.people.filter((p) => dis.has(p.communeCode));
    const outDis = s.people.filter((p) => !dis.has(p.communeCode));
    const minority = (xs: PersonSeed[]): number => share(xs.filter((p) => p.ethnicity !== 'Kinh').length, xs.length);
    expect(share(s.people.filter((p) => p.ethnicity === 'Kinh').length, N)).toBeGreaterThan(0.5);
    expect(minority(inDis)).toBeGreaterThan(minority(outDis) + 0.3);
    const ethnicities = new Set(s.people.map((p) => p.ethnicity));
    for (const e of ['Thái', 'Mông', 'Dao', 'Tày', 'Nùng']) expect(ethnicities).toContain(e);
  });

  it('lives in current communes', () => {
    const codes = new Set(s.communes.map((c) => c.code));
    for (const p of s.people) expect(codes.has(p.communeCode)).toBe(true);
    expect(new Set(s.people.map((p) => p.communeCode)).size).toBe(38);
  });

  it('has valid birth dates and ages 60-105', () => {
    for (const p of s.people) {
      soft(isIsoDate(p.birthDate)).toBe(true);
      const age = refAge(p);
      soft(age).toBeGreaterThanOrEqual(60);
      soft(age).toBeLessThanOrEqual(105);
    }
  });

  it.each([
    [60, 64, 0.3, 0.03],
    [65, 69, 0.26, 0.03],
    [70, 74, 0.18, 0.025],
    [75, 79, 0.11, 0.02],
    [80, 84, 0.08, 0.015],
    [85, 89, 0.045, 0.012],
    [90, 94, 0.02, 0.008],
    [95, 99, 0.0045, 0.004],
    [100, 200, 0.0005, 0.002],
  ])('age band %i-%i has about %f of people', (lo, hi, expected, tol) => {
    const got = share(s.people.filter((p) => refAge(p) >= lo && refAge(p) <= hi).length, N);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(tol);
  });

  it.each([
    [60, 64, 0.47, 0.57],
    [75, 79, 0.53, 0.67],
    [90, 200, 0.58, 0.82],
  ])('women share at %i-%i is between %f and %f', (lo, hi, min, max) => {
    const band = s.people.filter((p) => refAge(p) >= lo && refAge(p) <= hi);
    const w = share(band.filter((p) => p.sex === 'FEMALE').length, band.length);
    expect(w).toBeGreaterThanOrEqual(min);
    expect(w).toBeLessThanOrEqual(max);
  });

  it('has citizen IDs consistent with birth year and sex, mostly born in Lai Châu (012)', () => {
    for (const p of s.people) {
      soft(p.citizenId).toMatch(/^\d{12}$/);
      soft(OLD_PROVINCE_CODES).toContain(p.citizenId.slice(0, 3));
      soft(isConsistentCitizenId(p.citizenId, p.birthDate, p.sex)).toBe(true);
      soft(p.citizenId[3]).toBe(p.sex === 'MALE' ? '0' : '1');
      soft(p.citizenId.slice(4, 6)).toBe(p.birthDate.slice(2, 4));
    }
    const own = share(s.people.filter((p) => p.citizenId.startsWith('012')).length, N);
    expect(own).toBeGreaterThan(0.75);
    expect(own).toBeLessThan(0.95);
  });

  it('has ~1.5% deaths within the 12 months before asOf', () => {
    const dead = s.people.filter((p) => p.deathDate !== null);
    expect(share(dead.length, N)).toBeGreaterThanOrEqual(0.01);
    expect(share(dead.length, N)).toBeLessThanOrEqual(0.02);
    for (const p of dead) {
      const d = isoToDay(p.deathDate as string);
      soft(isIsoDate(p.deathDate as string)).toBe(true);
      soft(d).toBeLessThanOrEqual(asOfDay);
      soft(d).toBeGreaterThan(asOfDay - 366);
      soft(d).toBeGreaterThan(isoToDay(p.birthDate));
    }
  });

  it('keeps pre-2025 commune codes for ~3% of people, pointing at their commune lineage', () => {
    const links = new Set(s.lineage.map((l) => `${l.fromCode}>${l.toCode}`));
    const oldCommunes = new Set(s.historicalUnits.filter((u) => u.level === 'COMMUNE').map((u) => u.code));
    const legacy = s.people.filter((p) => p.legacyUnitCode !== null);
    expect(share(legacy.length, N)).toBeGreaterThanOrEqual(0.02);
    expect(share(legacy.length, N)).toBeLessThanOrEqual(0.04);
    for (const p of legacy) {
      soft(oldCommunes.has(p.legacyUnitCode as string)).toBe(true);
      soft(links.has(`${p.legacyUnitCode}>${p.communeCode}`)).toBe(true);
    }
  });
});

describe('residence history, villages and the disadvantaged list', () => {
  it('gives everyone ordered, non-overlapping periods ending open in their current commune', () => {
    const units = new Map([...s.communes, ...s.historicalUnits].map((u) => [u.code, u]));
    const villages = new Map(s.villages.map((v) => [v.villageCode, v]));
    for (const p of s.people) {
      const h = p.residenceHistory;
      soft(h.length).toBeGreaterThan(0);
      soft(h[h.length - 1]).toMatchObject({ communeCode: p.communeCode, to: null });
      for (let i = 0; i < h.length; i++) {
        const period = h[i];
        const unit = units.get(period.communeCode)!;
        soft(unit.level).toBe('COMMUNE');
        // a residence starts no earlier than the person's birth and the commune's formation
        soft(period.from >= p.birthDate && period.from >= unit.validFrom).toBe(true);
        if (period.to !== null) soft(period.to >= period.from && (unit.validTo === null || period.to <= unit.validTo)).toBe(true);
        if (i > 0) soft(period.from > (h[i - 1].to as string)).toBe(true);
        if (period.villageCode !== null) soft(villages.get(period.villageCode)?.communeCode).toBe(period.communeCode);
      }
    }
  });

  it('moves ~3% of people between current communes after the reform, before asOf and their death', () => {
    const movers = s.people.filter((p) => p.residenceHistory.some((r) => r.to !== null && r.to >= '2025-07-01'));
    expect(share(movers.length, N)).toBeGreaterThan(0.02);
    expect(share(movers.length, N)).toBeLessThan(0.04);
    for (const p of movers) {
      const last = p.residenceHistory[p.residenceHistory.length - 1];
      soft(last.from <= (p.deathDate ?? AS_OF)).toBe(true);
      soft(last.from > '2025-07-01').toBe(true);
    }
  });

  it('keeps the record of a person on a legacy code in that commune before the reform', () => {
    for (const p of s.people.filter((x) => x.legacyUnitCode !== null)) {
      soft(p.residenceHistory.some((r) => r.communeCode === p.legacyUnitCode && r.to === '2025-06-30')).toBe(true);
    }
  });

  it("codes villages <commune>-NNN, unique, within their commune's validity", () => {
    expect(new Set(s.villages.map((v) => v.villageCode)).size).toBe(s.villages.length);
    const units = new Map([...s.communes, ...s.historicalUnits].map((u) => [u.code, u]));
    for (const v of s.villages) {
      soft(v.villageCode).toMatch(new RegExp(`^${v.communeCode}-\\d{3}$`));
      soft(units.get(v.communeCode)?.validFrom).toBe(v.from);
    }
  });

  it("lists communes and villages by dated act; today's listed communes are the flagged ones", () => {
    const acts = new Set(s.disadvantagedAreas.map((l) => l.legalAct));
    expect([...acts].map((a) => a.split(' ')[2])).toEqual(['861/QĐ-TTg', '612/QĐ-UBDT', '1128/QĐ-UBND']);
    const today = s.disadvantagedAreas.filter((l) => l.level === 'COMMUNE' && l.to === null).map((l) => l.unitCode);
    expect(today.sort()).toEqual(
      s.communes
        .filter((c) => c.disadvantaged)
        .map((c) => c.code)
        .sort(),
    );
    const villages = new Map(s.villages.map((v) => [v.villageCode, v]));
    for (const l of s.disadvantagedAreas) {
      if (l.level === 'VILLAGE') soft(villages.get(l.villageCode as string)?.communeCode).toBe(l.unitCode);
      else soft(l.villageCode).toBeNull();
    }
    // some residents lived in a listed village
    const listed = new Set(s.disadvantagedAreas.filter((l) => l.villageCode).map((l) => l.villageCode));
    expect(s.people.some((p) => p.residenceHistory.some((r) => listed.has(r.villageCode)))).toBe(true);
  });
});

describe('social protection', () => {
  const thresholds: Record<string, number> = { A5A: 60, A5B: 75, A5C: 80, A5D: 60, DISABILITY_SEVERE: 60, DISABILITY_VERY_SEVERE: 60 };

  it('puts ~10% of people on the monthly allowance, mostly A5C', () => {
    const cases = s.social.allowanceCases;
    expect(share(cases.length, N)).toBeGreaterThanOrEqual(0.08);
    expect(share(cases.length, N)).toBeLessThanOrEqual(0.12);
    expect(share(cases.filter((c) => c.group === 'A5C').length, cases.length)).toBeGreaterThan(0.5);
    expect(new Set(cases.map((c) => c.citizenId)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.decisionNumber)).size).toBe(cases.length);
    for (const g of Object.keys(thresholds)) expect(cases.some((c) => c.group === g)).toBe(true);
  });

  it('keeps groups consistent with age and commune, and start months after eligibility', () => {
    const dis = new Set(s.communes.filter((c) => c.disadvantaged).map((c) => c.code));
    const asOfMonth = monthStringToIndex(AS_OF.slice(0, 7));
    for (const c of s.social.allowanceCases) {
      const p = byId.get(c.citizenId) as PersonSeed;
      soft(p).toBeDefined();
      soft(c.communeCode).toBe(p.communeCode);
      const age = refAge(p);
      if (c.group === 'A5C') soft(age).toBeGreaterThanOrEqual(80);
      if (c.group === 'A5B') {
        soft(age).toBeGreaterThanOrEqual(75);
        soft(age).toBeLessThanOrEqual(79);
        soft(dis.has(p.communeCode)).toBe(true);
      }
      const start = monthStringToIndex(c.startMonth);
      soft(start).toBeGreaterThanOrEqual(monthStringToIndex('2021-07'));
      soft(start).toBeGreaterThanOrEqual(monthOfTurning(p, thresholds[c.group] as number));
      soft(start).toBeLessThanOrEqual(asOfMonth);
      soft(isIsoDate(c.decisionDate)).toBe(true);
      soft(c.decisionDate <= AS_OF).toBe(true);
      if (c.status === 'STOPPED') soft(monthStringToIndex(c.stopMonth as string)).toBeGreaterThan(start);
      else soft(c.stopMonth).toBeNull();
    }
  });

  it('contains a few ACTIVE allowances of deceased people (~0.3% of people); other deceased are stopped', () => {
    const stillPaid = s.social.allowanceCases.filter((c) => c.status === 'ACTIVE' && byId.get(c.citizenId)?.deathDate);
    expect(stillPaid.length).toBeGreaterThanOrEqual(1);
    expect(share(stillPaid.length, N)).toBeGreaterThanOrEqual(0.001);
    expect(share(stillPaid.length, N)).toBeLessThanOrEqual(0.005);
    for (const c of stillPaid) {
      const p = byId.get(c.citizenId) as PersonSeed;
      soft(monthStringToIndex(c.startMonth)).toBeLessThanOrEqual(dayToMonthIndex(isoToDay(p.deathDate as string)));
    }
    const otherDead = s.social.allowanceCases.filter((c) => c.status !== 'ACTIVE' && byId.get(c.citizenId)?.deathDate);
    for (const c of otherDead) {
      const p = byId.get(c.citizenId) as PersonSeed;
      soft(c.status).toBe('STOPPED');
      soft(monthStringToIndex(c.stopMonth as string)).toBe(dayToMonthIndex(isoToDay(p.deathDate as string)) + 1);
    }
  });

  it('has at least one still-paid case with 500 people', () => {
    const small = generateSeed({ people: 500, seed: 3 });
    const dead = new Set(small.people.filter((p) => p.deathDate).map((p) => p.citizenId));
    expect(small.social.allowanceCases.filter((c) => c.status === 'ACTIVE' && dead.has(c.citizenId)).length).toBeGreaterThanOrEqual(1);
  });

  it('pays the social pension only to 75+ people without an allowance, from 2025-07', () => {
    const withAllowance = new Set(s.social.allowanceCases.map((c) => c.citizenId));
    const pensions = s.social.socialPensionCases;
    expect(pensions.length).toBeGreaterThan(0);
    expect(new Set(pensions.map((c) => c.citizenId)).size).toBe(pensions.length);
    for (const c of pensions) {
      const p = byId.get(c.citizenId) as PersonSeed;
      soft(refAge(p)).toBeGreaterThanOrEqual(75);
      soft(withAllowance.has(c.citizenId)).toBe(false);
      soft(c.startMonth >= '2025-07').toBe(true);
      soft(monthStringToIndex(c.startMonth)).toBeGreaterThanOrEqual(monthOfTurning(p, 75));
      soft(c.startMonth <= AS_OF.slice(0, 7)).toBe(true);
      soft(c.communeCode).toBe(p.communeCode);
      if (p.deathDate) soft(c.status).toBe('STOPPED');
    }
    const eligible = s.people.filter((p) => refAge(p) >= 75 && !withAllowance.has(p.citizenId));
    const rate = share(pensions.length, eligible.length);
    expect(rate).toBeGreaterThanOrEqual(0.1);
    expect(rate).toBeLessThanOrEqual(0.2);
  });
});

describe('health', () => {
  it('opens a health record for ~85% of people at their commune station', () => {
    const { records } = s.health;
    expect(share(records.length, N)).toBeGreaterThanOrEqual(0.8);
    expect(share(records.length, N)).toBeLessThanOrEqual(0.9);
    for (const r of records) {
      const p = byId.get(r.citizenId) as PersonSeed;
      soft(r.communeCode).toBe(p.communeCode);
      soft(r.facility).toMatch(/^Trạm Y tế (xã|phường) /);
      soft(r.openedOn >= '2015-01-01' && r.openedOn <= AS_OF).toBe(true);
      if (p.deathDate) soft(r.openedOn <= p.deathDate).toBe(true);
    }
  });

  it('has 0-4 checks per person, ~65% of the living checked this year', () => {
    const perPerson = new Map<string, string[]>();
    for (const c of s.health.checks) {
      const p = byId.get(c.citizenId) as PersonSeed;
      soft(p).toBeDefined();
      soft(isIsoDate(c.date)).toBe(true);
      soft(c.date <= AS_OF).toBe(true);
      soft(c.date >= '2022-01-01').toBe(true);
      if (p.deathDate) soft(c.date <= p.deathDate).toBe(true);
      soft(['I', 'II', 'III', 'IV', 'V']).toContain(c.resultClass);
      soft(c.facility.length).toBeGreaterThan(5);
      const list = perPerson.get(c.citizenId);
      if (list) list.push(c.date);
      else perPerson.set(c.citizenId, [c.date]);
    }
    for (const dates of perPerson.values()) expect(dates.length).toBeLessThanOrEqual(4);
    const living = s.people.filter((p) => !p.deathDate);
    const year = AS_OF.slice(0, 4);
    const checked = living.filter((p) => (perPerson.get(p.citizenId) ?? []).some((d) => d.startsWith(year)));
    expect(share(checked.length, living.length)).toBeGreaterThanOrEqual(0.6);
    expect(share(checked.length, living.length)).toBeLessThanOrEqual(0.7);
  });

  it('issues BHYT cards to ~90% with valid 15-character codes, ~93% valid on asOf', () => {
    const cards = s.health.insuranceCards;
    expect(share(cards.length, N)).toBeGreaterThanOrEqual(0.86);
    expect(share(cards.length, N)).toBeLessThanOrEqual(0.94);
    expect(new Set(cards.map((c) => c.code)).size).toBe(cards.length);
    const allowance = new Set(s.social.allowanceCases.map((c) => c.citizenId));
    for (const c of cards) {
      soft(c.code).toHaveLength(15);
      soft(c.code).toMatch(/^(HT|CK|BT|GD|HN)[1-5]12\d{10}$/);
      soft(c.validTo > c.validFrom).toBe(true);
      soft(isIsoDate(c.validFrom) && isIsoDate(c.validTo)).toBe(true);
      if (allowance.has(c.citizenId)) soft(c.code.startsWith('BT')).toBe(true);
      soft(c.primaryCareFacility.length).toBeGreaterThan(5);
    }
    const valid = cards.filter((c) => c.validFrom <= AS_OF && c.validTo >= AS_OF);
    expect(share(valid.length, cards.length)).toBeGreaterThanOrEqual(0.9);
    expect(share(valid.length, cards.length)).toBeLessThanOrEqual(0.96);
    expect(new Set(cards.map((c) => c.code.slice(0, 2))).size).toBe(5);
  });
});

describe('association', () => {
  it('makes ~70% of living people members with unique cards', () => {
    const living = new Set(s.people.filter((p) => !p.deathDate).map((p) => p.citizenId));
    const ms = s.association.memberships;
    const livingMembers = ms.filter((m) => living.has(m.citizenId));
    expect(share(livingMembers.length, living.size)).toBeGreaterThanOrEqual(0.65);
    expect(share(livingMembers.length, living.size)).toBeLessThanOrEqual(0.75);
    expect(new Set(ms.map((m) => m.cardNumber)).size).toBe(ms.length);
    expect(new Set(ms.map((m) => m.citizenId)).size).toBe(ms.length);
    for (const m of ms) {
      const p = byId.get(m.citizenId) as PersonSeed;
      soft(m.communeCode).toBe(p.communeCode);
      soft(m.branchName).toMatch(/^Chi hội (thôn|bản|tổ dân phố) \S/);
      soft(m.joinedOn <= AS_OF).toBe(true);
      soft(m.joinedOn >= p.birthDate).toBe(true);
    }
  });

  it('gives ~80% of communes 1-3 clubs and leaves some without a club', () => {
    const perCommune = new Map<string, number>();
    for (const c of s.association.clubs) perCommune.set(c.communeCode, (perCommune.get(c.communeCode) ?? 0) + 1);
    const covered = share(perCommune.size, s.communes.length);
    expect(covered).toBeGreaterThanOrEqual(0.7);
    expect(covered).toBeLessThanOrEqual(0.9);
    for (const n of perCommune.values()) expect(n >= 1 && n <= 3).toBe(true);
    expect(new Set(s.association.clubs.map((c) => c.clubId)).size).toBe(s.association.clubs.length);
    for (const c of s.association.clubs) {
      soft(c.clubId).toMatch(new RegExp(`^CLB-${c.communeCode}-\\d{2}$`));
      soft(c.foundedOn <= AS_OF).toBe(true);
      soft(c.name).toMatch(/^Câu lạc bộ Liên thế hệ tự giúp nhau /);
      soft(c.decisionNumber).toMatch(/^\d+\/QĐ-UBND$/);
    }
  });

  it('composes clubs near the targets, with exactly one chair and 1-2 vice chairs', () => {
    const cms = s.association.clubMemberships;
    const clubs = new Map(s.association.clubs.map((c) => [c.clubId, c]));
    const byClub = new Map<string, typeof cms>();
    for (const m of cms) {
      const list = byClub.get(m.clubId);
      if (list) list.push(m);
      else byClub.set(m.clubId, [m]);
    }
    expect(byClub.size).toBe(clubs.size);
    let inRange = 0;
    let offTarget = 0;
    for (const [, ms] of byClub) {
      soft(ms.length).toBeGreaterThanOrEqual(45);
      soft(ms.length).toBeLessThanOrEqual(75);
      if (ms.length >= 50 && ms.length <= 70) inRange++;
      soft(ms.filter((m) => m.role === 'CHAIR')).toHaveLength(1);
      const vices = ms.filter((m) => m.role === 'VICE_CHAIR').length;
      soft(vices >= 1 && vices <= 2).toBe(true);
      const w = share(ms.filter((m) => m.woman).length, ms.length);
      const e = share(ms.filter((m) => m.elderly).length, ms.length);
      if (ms.length < 50 || ms.length > 70 || w < 0.6 || w > 0.7 || e < 0.6 || e > 0.7) offTarget++;
    }
    expect(inRange / byClub.size).toBeGreaterThanOrEqual(0.7);
    expect(offTarget).toBeGreaterThanOrEqual(1);
    const elderly = share(cms.filter((m) => m.elderly).length, cms.length);
    const women = share(cms.filter((m) => m.woman).length, cms.length);
    const priority = share(cms.filter((m) => m.priority).length, cms.length);
    expect(elderly).toBeGreaterThanOrEqual(0.6);
    expect(elderly).toBeLessThanOrEqual(0.7);
    expect(women).toBeGreaterThanOrEqual(0.6);
    expect(women).toBeLessThanOrEqual(0.7);
    expect(priority).toBeGreaterThanOrEqual(0.1);
    expect(priority).toBeLessThanOrEqual(0.2);
  });

  it('uses living registered elderly of the same commune (once) and valid new identities for the young', () => {
    const clubs = new Map(s.association.clubs.map((c) => [c.clubId, c]));
    const seenElderly = new Set<string>();
    const allIds = new Set(s.people.map((p) => p.citizenId));
    for (const m of s.association.clubMemberships) {
      const age = ageOnDay(isoToDay(m.birthDate), asOfDay);
      soft(m.elderly).toBe(age >= 60);
      soft(m.young).toBe(!m.elderly);
      soft(m.woman).toBe(m.sex === 'FEMALE');
      soft(isConsistentCitizenId(m.citizenId, m.birthDate, m.sex)).toBe(true);
      soft(m.fullName.normalize('NFC')).toBe(m.fullName);
      soft(m.joinedOn >= (clubs.get(m.clubId)?.foundedOn ?? '')).toBe(true);
      soft(m.joinedOn <= AS_OF).toBe(true);
      if (m.elderly) {
        const p = byId.get(m.citizenId) as PersonSeed;
        soft(p).toBeDefined();
        soft(p.deathDate).toBeNull();
        soft(p.communeCode).toBe(clubs.get(m.clubId)?.communeCode);
        soft(p).toMatchObject({ fullName: m.fullName, birthDate: m.birthDate, sex: m.sex });
        soft(seenElderly.has(m.citizenId)).toBe(false);
        seenElderly.add(m.citizenId);
      } else {
        soft(age).toBeGreaterThanOrEqual(25);
        soft(age).toBeLessThanOrEqual(59);
        soft(allIds.has(m.citizenId)).toBe(false); // unique across the whole seed
        allIds.add(m.citizenId);
      }
    }
    // young members born in 2000+ get century digits 2/3
    const young2000 = s.association.clubMemberships.filter((m) => m.young && m.birthDate >= '2000-01-01');
    for (const m of young2000) expect(m.citizenId[3]).toBe(m.sex === 'MALE' ? '2' : '3');
  });
});

describe('data hygiene', () => {
  const walk = (v: unknown, visit: (key: string, value: string) => void, key = ''): void => {
    if (typeof v === 'string') visit(key, v);
    else if (Array.isArray(v)) for (const x of v) walk(x, visit, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k);
  };

  it('has only NFC strings and valid ISO dates / months everywhere', () => {
    let dates = 0;
    walk(s, (key, value) => {
      soft(value.normalize('NFC')).toBe(value);
      if (/(Date|On|From|To|^date|^asOf)$/.test(key) && key !== 'parentCode' && key !== 'toCode') {
        soft(isIsoDate(value)).toBe(true);
        dates++;
      }
      if (/Month$/.test(key)) soft(value).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
    });
    expect(dates).toBeGreaterThan(N);
  });
});

describe('determinism', () => {
  it('returns deep-equal output for the same options', () => {
    expect(generateSeed({ people: 1500, seed: 9 })).toEqual(generateSeed({ people: 1500, seed: 9 }));
  });

  it('changes with the seed', () => {
    const a = generateSeed({ people: 300, seed: 1 });
    const b = generateSeed({ people: 300, seed: 2 });
    expect(a.people[0]).not.toEqual(b.people[0]);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a.communes).toEqual(b.communes); // the geography is fixed
  });

  it('follows asOf', () => {
    const d = generateSeed({ people: 300, asOf: '2025-12-31' });
    for (const p of d.people) {
      const ref = p.deathDate ?? '2025-12-31';
      const age = ageOnDay(isoToDay(p.birthDate), isoToDay(ref));
      soft(age >= 60 && age <= 105).toBe(true);
      if (p.deathDate) soft(p.deathDate <= '2025-12-31').toBe(true);
    }
  });
});
