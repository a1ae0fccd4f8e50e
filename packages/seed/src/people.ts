import { dayToIso, dayToYmd } from '@nct/dates';
import { OLD_PROVINCE_ID_PREFIX } from './fixtures/lai-chau';
import { makeFullName } from './names';
import { RATES } from './rates';
import { WeightedTable } from './rng';
import type { Sex } from './types';
import { birthDayForAge, type PersonInternal, type SeedContext } from './context';
import type { CommuneInfo } from './units';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { min } = Math;

/** The elderly population: `n` people spread over the communes by weight (streams `communes`, `people`). */
export function generatePeople(ctx: SeedContext, communes: CommuneInfo[], n: number): PersonInternal[] {
  const { asOfDay, issuer, otherProvinces, minorities, stream } = ctx;
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
        residenceHistory: [], // residence.ts
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
  return persons;
}
