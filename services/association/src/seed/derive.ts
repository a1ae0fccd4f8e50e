import { createHash } from 'node:crypto';
import type { SeedData } from '@nct/seed';
import type { BranchDoc } from '../branches/branch.model';
import type { CelebrationDoc } from '../celebrations/celebration.model';
import { celebratesAt } from '../celebrations/celebrations.rules';
import { calendarAge, yearOf } from '@nct/dates';
import type { ClubActivityDoc } from '../clubs/club-activity.model';
import type { ClubLoanDoc } from '../clubs/club-loan.model';
import { periodStart } from '../clubs/compliance.rules';
import { ACTIVITY_AREAS } from '../clubs/rules/operation-targets';
import type { LedgerEntryDoc } from '../funds/ledger-entry.model';
import type { RecognitionDoc } from '../recognitions/recognition.model';

/** The association's records beyond the shared seed slice, derived from it. */
export interface AssociationSeedExtra {
  branches: BranchDoc[];
  /** citizenId -> branchId for every seeded membership. */
  membershipBranches: Record<string, string>;
  celebrations: CelebrationDoc[];
  loans: ClubLoanDoc[];
  activities: ClubActivityDoc[];
  fundEntries: LedgerEntryDoc[];
  recognitions: RecognitionDoc[];
}

/** A deterministic number in [0, 1) from a key and a label (never Math.random). */
export function unit(key: string, label: string): number {
  return createHash('sha256').update(`${key}|${label}`).digest().readUInt32BE(0) / 2 ** 32;
}
const int = (key: string, label: string, lo: number, hi: number) => lo + Math.floor(unit(key, label) * (hi - lo + 1));
const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** A date between lo and hi (inclusive), chosen by the key. */
const between = (key: string, label: string, lo: string, hi: string) => toIso(int(key, label, toDay(lo), Math.max(toDay(lo), toDay(hi))));

/** Rates of the derived records (domain.md: clubs mostly on target, some deliberately not). */
export const DERIVE_RATES = {
  delivered: 0.7,
  notDelivered: 0.08,
  planned: 0.14, // the rest: nothing recorded yet (shown as PLANNED)
  clubsBelowLoanShare: 0.2,
  clubsMissingAreas: 0.15,
  clubsWithoutActivityFund: 0.08,
  recognitionPerMember: 0.02,
} as const;

/**
 * The association's derived seed: branches (from membership branch names), the year's
 * longevity celebrations (positive and negative cases: delivered, not delivered with a
 * reason, planned, nothing recorded, deceased), club loans, activities and fund books (some
 * clubs below 50% borrowing, missing areas or without an activity fund), care-fund books per
 * commune and for the province, and exemplary-elderly recognitions. Pure and deterministic;
 * dated relative to `data.asOf`.
 */
export function deriveAssociationSeed(data: SeedData): AssociationSeedExtra {
  const asOf = data.asOf;
  const year = Number(asOf.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const periodFrom = periodStart(asOf, 12);

  // ---- branches: one per (commune, branch name) of the memberships, in name order
  const names = new Map<string, Set<string>>();
  for (const m of data.association.memberships) names.set(m.communeCode, (names.get(m.communeCode) ?? new Set()).add(m.branchName));
  const branches: BranchDoc[] = [];
  const branchIdByName = new Map<string, string>();
  for (const [commune, set] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    [...set].sort().forEach((name, i) => {
      const branchId = `CH-${commune}-${String(i + 1).padStart(3, '0')}`;
      const groups = Array.from({ length: int(branchId, 'groups', 0, 2) }, (_, g) => `Tổ ${g + 1}`);
      branches.push({ branchId, communeCode: commune, name, village: name.replace(/^Chi hội /, ''), groups });
      branchIdByName.set(`${commune}|${name}`, branchId);
    });
  }
  const membershipBranches: Record<string, string> = {};
  for (const m of data.association.memberships)
    membershipBranches[m.citizenId] = branchIdByName.get(`${m.communeCode}|${m.branchName}`) as string;

  // ---- longevity celebrations of the asOf year
  const celebrations: CelebrationDoc[] = [];
  for (const p of data.people) {
    const age = calendarAge(yearOf(p.birthDate), year);
    if (!celebratesAt(age, year)) continue;
    if (p.deathDate !== null && p.deathDate < yearStart) continue; // died before the year: no record
    const base = { citizenId: p.citizenId, year, communeCode: p.communeCode, age };
    const r = unit(p.citizenId, 'celebration');
    if (p.deathDate !== null) {
      // died during the year: delivered before death (at Tết) or not delivered
      const tet = `${year}-02-05`;
      if (r < 0.5 && p.deathDate > tet) celebrations.push({ ...base, status: 'DELIVERED', deliveredOn: tet, reason: null });
      else celebrations.push({ ...base, status: 'NOT_DELIVERED', deliveredOn: null, reason: 'Đã mất trước khi trao quà' });
      continue;
    }
    if (r < DERIVE_RATES.delivered)
      celebrations.push({ ...base, status: 'DELIVERED', deliveredOn: between(p.citizenId, 'delivered', yearStart, asOf), reason: null });
    else if (r < DERIVE_RATES.delivered + DERIVE_RATES.notDelivered) {
      celebrations.push({ ...base, status: 'NOT_DELIVERED', deliveredOn: null, reason: 'Vắng nhà, đang ở với con tại tỉnh khác' });
    } else if (r < DERIVE_RATES.delivered + DERIVE_RATES.notDelivered + DERIVE_RATES.planned) {
      celebrations.push({ ...base, status: 'PLANNED', deliveredOn: null, reason: null });
    }
  }

  // ---- clubs: loans, activities, funds
  const loans: ClubLoanDoc[] = [];
  const activities: ClubActivityDoc[] = [];
  const fundEntries: LedgerEntryDoc[] = [];
  const membersByClub = new Map<string, SeedData['association']['clubMemberships']>();
  for (const m of data.association.clubMemberships) membersByClub.set(m.clubId, [...(membersByClub.get(m.clubId) ?? []), m]);
  const book = (ledgerId: string, fund: LedgerEntryDoc['fund'], ownerCode: string, from: string, count: number) => {
    let balance = 0;
    const dates = Array.from({ length: count }, (_, i) => between(ledgerId, `d${i}`, from, asOf)).sort();
    dates.forEach((date, i) => {
      const contribution = i === 0 || balance === 0 || unit(ledgerId, `t${i}`) < 0.6;
      const amount = contribution ? int(ledgerId, `a${i}`, 5, 40) * 100_000 : Math.min(balance, int(ledgerId, `a${i}`, 2, 20) * 100_000);
      balance += contribution ? amount : -amount;
      fundEntries.push({
        ledgerId,
        fund,
        ownerCode,
        seq: i + 1,
        reference: `SEED-${i + 1}`,
        type: contribution ? 'CONTRIBUTION' : 'DISBURSEMENT',
        amount,
        balanceAfter: balance,
        date,
        description: contribution ? 'Thu đóng góp của thành viên và nhà hảo tâm' : 'Chi hỗ trợ thành viên khó khăn',
      });
    });
  };
  for (const club of data.association.clubs) {
    const members = [...(membersByClub.get(club.clubId) ?? [])].sort((a, b) => a.citizenId.localeCompare(b.citizenId));
    const start = club.foundedOn > periodFrom ? club.foundedOn : periodFrom;
    const below = unit(club.clubId, 'below-loans') < DERIVE_RATES.clubsBelowLoanShare;
    const share = below ? 0.3 + unit(club.clubId, 'share') * 0.15 : 0.55 + unit(club.clubId, 'share') * 0.2;
    let n = 0;
    for (const m of members) {
      if (unit(`${club.clubId}|${m.citizenId}`, 'loan') >= share) continue;
      const from = m.joinedOn > start ? m.joinedOn : start;
      if (from > asOf) continue;
      loans.push({
        clubId: club.clubId,
        citizenId: m.citizenId,
        reference: `L-${String(++n).padStart(3, '0')}`,
        amount: int(m.citizenId, 'loan-amount', 5, 30) * 1_000_000,
        date: between(`${club.clubId}|${m.citizenId}`, 'loan-date', from, asOf),
        status: unit(m.citizenId, 'loan-status') < 0.7 ? 'OUTSTANDING' : 'REPAID',
      });
    }
    const missing = unit(club.clubId, 'missing') < DERIVE_RATES.clubsMissingAreas ? int(club.clubId, 'missing-n', 1, 2) : 0;
    const areas = [...ACTIVITY_AREAS].sort((a, b) => unit(club.clubId, a) - unit(club.clubId, b)).slice(missing);
    let k = 0;
    for (const area of [...areas].sort()) {
      for (let i = 0; i < int(club.clubId, `${area}-count`, 1, 3); i++) {
        activities.push({
          clubId: club.clubId,
          reference: `A-${String(++k).padStart(3, '0')}`,
          date: between(club.clubId, `${area}-${i}`, start, asOf),
          area,
          title: `Sinh hoạt chủ đề ${area.toLowerCase()}`,
          participants: int(club.clubId, `${area}-p${i}`, 10, members.length || 10),
        });
      }
    }
    book(`${club.clubId}/INCOME_GENERATION`, 'CLUB_INCOME_GENERATION', club.clubId, club.foundedOn, int(club.clubId, 'ig-n', 3, 8));
    if (unit(club.clubId, 'no-activity-fund') >= DERIVE_RATES.clubsWithoutActivityFund)
      book(`${club.clubId}/ACTIVITY`, 'CLUB_ACTIVITY', club.clubId, club.foundedOn, int(club.clubId, 'af-n', 2, 6));
  }
  for (const c of data.communes) book(`CARE/${c.code}`, 'CARE', c.code, `${year - 1}-01-01`, int(c.code, 'care-n', 2, 6));
  book(`CARE/${data.province.code}`, 'CARE', data.province.code, `${year - 1}-01-01`, 12);

  // ---- exemplary elderly: living members, last year and this year
  const living = new Set(data.people.filter((p) => p.deathDate === null).map((p) => p.citizenId));
  const recognitions: RecognitionDoc[] = [];
  for (const m of data.association.memberships) {
    if (!living.has(m.citizenId)) continue;
    for (const y of [year - 1, year]) {
      if (unit(m.citizenId, `recognition-${y}`) >= DERIVE_RATES.recognitionPerMember) continue;
      const level = unit(m.citizenId, `level-${y}`) < 0.85 ? 'COMMUNE' : 'PROVINCE';
      const decisionDate = y === year ? between(m.citizenId, `rd-${y}`, `${y}-01-02`, asOf) : `${y}-10-01`;
      recognitions.push({
        citizenId: m.citizenId,
        year: y,
        level,
        decisionNumber: `${int(m.communeCode, `dn-${y}-${level}`, 10, 99)}/QĐ-HNCT`,
        decisionDate,
        communeCode: m.communeCode,
      });
    }
  }
  return { branches, membershipBranches, celebrations, loans, activities, fundEntries, recognitions };
}
