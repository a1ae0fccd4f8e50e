import {
  ABOLISHED_ON,
  COMMUNES,
  OLD_COMMUNES,
  OLD_DISTRICTS,
  OLD_UNITS_VALID_FROM,
  PROVINCE_CODE,
  REFORM_DATE,
  REFORM_LEGAL_ACT,
  VILLAGE_NAMES,
  type CommuneFixture,
} from './fixtures/lai-chau';
import { RATES } from './rates';
import { createRng, hashSeed, shuffled } from './rng';
import type { LineageSeed, UnitSeed, VillageSeed } from './types';

/** A current commune with what the generator draws from it (facilities, villages, old codes). */
export interface CommuneInfo {
  fx: CommuneFixture;
  unit: UnitSeed;
  station: string;
  regionalCentre: string;
  villages: string[];
  /** the same villages in the register (`<commune code>-NNN`, in name order above) */
  villageSeeds: VillageSeed[];
  legacyCodes: string[];
  kinhShare: number;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A village's code: its commune's code and its number in the commune (`03250-004`). */
function villageCode(communeCode: string, index: number): string {
  return `${communeCode}-${String(index + 1).padStart(3, '0')}`;
}

function villageSeeds(unit: UnitSeed, names: readonly string[]): VillageSeed[] {
  return names.map((name, i) => ({
    villageCode: villageCode(unit.code, i),
    communeCode: unit.code,
    name,
    from: unit.validFrom,
    to: unit.validTo,
  }));
}

/** Village names of a unit: residential groups in wards and townships, thôn/bản elsewhere (no user seed). */
function villageNames(code: string, kind: UnitSeed['kind'], mountainous: boolean): string[] {
  const vr = createRng(hashSeed(0, `villages:${code}`));
  return kind === 'WARD' || kind === 'TOWNSHIP'
    ? Array.from({ length: 12 + vr.int(0, 6) }, (_, i) => `tổ dân phố ${i + 1}`)
    : shuffled(vr, VILLAGE_NAMES)
        .slice(0, 6 + vr.int(0, 6))
        .map((v) => `${mountainous ? 'bản' : 'thôn'} ${v}`);
}

/** The province's current communes, its abolished units and the lineage between them (no user seed). */
export function buildUnits(): {
  communes: CommuneInfo[];
  historicalUnits: UnitSeed[];
  lineage: LineageSeed[];
  /** villages of the current communes, then of the pre-reform communes */
  villages: VillageSeed[];
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
    const villages = villageNames(fx.code, fx.kind, fx.mountainous);
    return {
      fx,
      unit,
      station: `Trạm Y tế ${lowerFirst(fx.name)}`,
      regionalCentre: `Trung tâm Y tế khu vực ${districtName.get(fx.oldDistricts[0] as string) ?? 'Lai Châu'}`,
      villages,
      villageSeeds: villageSeeds(unit, villages),
      legacyCodes: legacy.get(fx.code) ?? [],
      kinhShare: fx.kind === 'WARD' ? RATES.kinhShare.ward : fx.disadvantaged ? RATES.kinhShare.disadvantaged : RATES.kinhShare.commune,
    };
  });

  const historicalUnits: UnitSeed[] = [
    ...OLD_DISTRICTS.map((d): UnitSeed => ({
      code: d.code,
      name: d.name,
      kind: 'DISTRICT',
      level: 'DISTRICT',
      parentCode: PROVINCE_CODE,
      validFrom: OLD_UNITS_VALID_FROM,
      validTo: ABOLISHED_ON,
      disadvantaged: false,
      mountainous: true,
    })),
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
  const oldVillages = historicalUnits
    .filter((u) => u.level === 'COMMUNE')
    .flatMap((u) => villageSeeds(u, villageNames(u.code, u.kind, u.mountainous)));
  return { communes, historicalUnits, lineage, villages: [...communes.flatMap((cm) => cm.villageSeeds), ...oldVillages] };
}
