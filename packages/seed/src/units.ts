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
import type { LineageSeed, UnitSeed } from './types';

/** A current commune with what the generator draws from it (facilities, villages, old codes). */
export interface CommuneInfo {
  fx: CommuneFixture;
  unit: UnitSeed;
  station: string;
  regionalCentre: string;
  villages: string[];
  legacyCodes: string[];
  kinhShare: number;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The province's current communes, its abolished units and the lineage between them (no user seed). */
export function buildUnits(): {
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
  return { communes, historicalUnits, lineage };
}
