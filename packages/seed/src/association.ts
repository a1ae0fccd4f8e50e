import { birthdayDay, dayToIso, dayToYmd, ymdToDay } from '@nct/dates';
import { OLD_PROVINCE_ID_PREFIX } from './fixtures/lai-chau';
import { makeFullName } from './names';
import { RATES } from './rates';
import { shuffled, WeightedTable } from './rng';
import type { ClubMembershipSeed, ClubSeed, MembershipSeed, Sex } from './types';
import { birthDayForAge, dayBetween, type PersonInternal, type SeedContext } from './context';
import type { CommuneInfo } from './units';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor, log, max, min, round } = Math;

/** A commune needs this many living registered elderly before a club is generated there. */
const MIN_ELDERLY_FOR_CLUB = 20;

/** Association memberships with their card numbers (stream `association`). */
export function generateMemberships(ctx: SeedContext, persons: PersonInternal[]): MembershipSeed[] {
  const { asOfDay, stream } = ctx;
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
  return memberships;
}

/**
 * Intergenerational self-help clubs and their members (stream `clubs`): the elderly of the
 * commune, topped up with younger members who get citizen IDs from the same issuer.
 */
export function generateClubs(
  ctx: SeedContext,
  communes: CommuneInfo[],
  persons: PersonInternal[],
): { clubs: ClubSeed[]; clubMemberships: ClubMembershipSeed[] } {
  const { asOfDay, issuer, otherProvinces, minorities, stream } = ctx;
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
  const clubCountTable = new WeightedTable([
    [1, 50],
    [2, 35],
    [3, 15],
  ] as const);
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
    const women = shuffled(
      cr,
      living.filter((p) => p.seed.sex === 'FEMALE'),
    );
    const men = shuffled(
      cr,
      living.filter((p) => p.seed.sex === 'MALE'),
    );
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
  return { clubs, clubMemberships };
}
