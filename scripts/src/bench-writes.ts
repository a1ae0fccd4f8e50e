/**
 * The write scenarios of `npm run bench`: every write mutation of the four agencies
 * (gateway/supergraph.graphql `type Mutation`, the access log's own `recordAccess` aside),
 * each measured through the gateway and directly against its subgraph.
 *
 * The seed is cached between runs, so no write may collide with an earlier run's:
 *  - new people get citizen IDs (@nct/citizen-id) above the highest serial already in the
 *    register for a bench prefix; all of them live in the smallest commune (the "write
 *    commune"), so the lists the read scenarios and dashboards ask for (the largest commune)
 *    do not change from run to run;
 *  - references, decision and plan numbers carry a per-run nonce;
 *  - club and branch IDs (CLB-xxxxx-nn, CH-xxxxx-nnn) are taken from the free slots;
 *  - an Association record per administrative unit is a finite namespace, and the seed fills
 *    it: the run borrows the records of a few communes (backs up their unit and leadership-term
 *    documents, deletes them, measures creating them again with terms of its own) and puts the
 *    backed-up documents back at the end of the run.
 * A write the service refuses is counted by error code; it does not end the run.
 */
import { makeCitizenId, PROVINCE_CODES } from '@nct/citizen-id';
import { addMonths, monthOf } from '@nct/dates';
import { connectDatabase } from '@nct/db';
import type { Purpose, Role } from '@nct/auth';
import { subgraphDatabase, subgraphInfo, type SubgraphName } from '@nct/registry';
import { caller, gql, setCurrentScenario, type Caller } from './bench-client';
import { GraphQLCallError, runCountingErrors, type ScenarioResult } from './bench-lib';

export type Agency = 'homeaffairs' | 'social' | 'health' | 'association';

export interface WriteBenchOptions {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  dbUri: string;
  /** The system gateway's private key: direct calls sign their own internal credential. */
  internalSigningKey: string;
  /** The system's pinned date (NCT_TODAY). */
  today: string;
  requests: number;
  warmup: number;
  concurrency: number;
  maxSeconds: number;
  log(msg: string, extra?: Record<string, unknown>): void;
}

export interface WritePair {
  mutation: string;
  agency: Agency;
  gateway: ScenarioResult;
  direct: ScenarioResult;
}

export interface WriteRun {
  writeCommune: string;
  nonce: string;
  setupMs: number;
  pairs: WritePair[];
}

const CALLERS: Record<Agency, { role: Role; purpose: Purpose }> = {
  homeaffairs: { role: 'homeaffairs', purpose: 'REGISTER_MAINTENANCE' },
  social: { role: 'social', purpose: 'BENEFIT_ADMINISTRATION' },
  health: { role: 'health', purpose: 'HEALTH_CARE' },
  association: { role: 'association', purpose: 'ASSOCIATION_ACTIVITIES' },
};

// ---- dates relative to the pinned day -------------------------------------------------------

/** Letters only (names and branch names refuse digits): 0 -> "a", 27 -> "bb". */
function letters(k: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Person {
  citizenId: string;
  birthDate: string;
}

/** Everything the specs need; filled during setup and by earlier scenarios. */
interface Ctx {
  today: string;
  year: number;
  m0: string;
  commune: string;
  facility: string;
  nonce: string;
  /** Requests (measured + warm-up) per mode: mode m uses pool entries m*P .. m*P+P-1. */
  P: number;
  A: Person[]; // 80 this year: health, social, association writes
  B: Person[]; // 75 this year: social pension
  C: Person[]; // 80 this year, allowance case with uncollected payments: suspend / resume / collection
  R: Person[]; // registered by the measured registerPerson: corrected, then their death recorded
  cCases: string[];
  aCases: (string | undefined)[];
  plans: (string | undefined)[];
  freeClubIds: string[];
  clubs: (string | undefined)[];
  members: (Person | undefined)[];
  freeBranchIds: string[];
  branches: (string | undefined)[];
  freeUnitCodes: string[];
  units: (string | undefined)[];
  unitCsv: string;
}

interface WriteSpec {
  mutation: string;
  agency: Agency;
  query: string;
  /** Variables of request i in mode m (0 gateway, 1 direct); null: no valid target left. */
  vars(c: Ctx, i: number, m: number): Record<string, unknown> | null;
  after?(c: Ctx, i: number, m: number, data: any): void;
  /** At most this many requests per mode (finite namespaces); no warm-up then. */
  limit?(c: Ctx): number;
  check?(data: any): string | null;
}

const at = <T>(list: readonly T[], c: Ctx, i: number, m: number): T | undefined => list[m * c.P + i];
const slot = (c: Ctx, i: number, m: number) => m * c.P + i;

const SPECS: WriteSpec[] = [
  // ---- homeaffairs ------------------------------------------------------------------------
  {
    mutation: 'registerPerson',
    agency: 'homeaffairs',
    query: 'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { citizenId } }',
    vars: (c, i, m) => {
      const p = at(c.R, c, i, m);
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              fullName: `Lò Thị ${capital(letters(slot(c, i, m)))}`,
              birthDate: p.birthDate,
              sex: 'FEMALE',
              ethnicity: 'Thái',
              communeCode: c.commune,
            },
          }
        : null;
    },
  },
  {
    mutation: 'correctPerson',
    agency: 'homeaffairs',
    query: 'mutation($id: ID!, $i: CorrectPersonInput!) { correctPerson(citizenId: $id, input: $i) { citizenId } }',
    vars: (c, i, m) => {
      const p = at(c.R, c, i, m);
      return p
        ? {
            id: p.citizenId,
            i: {
              fullName: `Lò Thị ${capital(letters(slot(c, i, m)))} ${capital(c.nonce.toLowerCase().replace(/[0-9]/g, (d) => letters(Number(d))))}`,
            },
          }
        : null;
    },
  },
  {
    mutation: 'importAdministrativeUnits',
    agency: 'homeaffairs',
    query: 'mutation($csv: String!) { importAdministrativeUnits(csv: $csv) { inserted unchanged rejected { __typename } } }',
    // Re-imports the write commune's own row: an import that changes nothing (idempotent).
    vars: (c) => (c.unitCsv ? { csv: c.unitCsv } : null),
    check: (d) => (d.importAdministrativeUnits.rejected.length ? 'REJECTED_ROWS' : null),
  },
  {
    mutation: 'createAssociationUnit',
    agency: 'homeaffairs',
    query: 'mutation($i: AssociationUnitInput!) { createAssociationUnit(input: $i) { __typename } }',
    limit: (c) => Math.min(c.P, Math.floor(c.freeUnitCodes.length / 2)),
    vars: (c, i, m) => {
      const code = c.freeUnitCodes[m * Math.floor(c.freeUnitCodes.length / 2) + i];
      if (!code) return null;
      c.units[slot(c, i, m)] = code;
      return {
        i: {
          adminUnitCode: code,
          name: `Hội Người cao tuổi ${code}`,
          level: 'COMMUNE',
          type: 'ASSOCIATION',
          establishment: { number: `${i + 1}/QĐ-B${c.nonce}`, date: `${c.year - 30}-01-01`, issuingBody: 'UBND xã' },
        },
      };
    },
  },
  {
    mutation: 'recordLeadershipTerm',
    agency: 'homeaffairs',
    query: 'mutation($u: ID!, $i: LeadershipTermInput!) { recordLeadershipTerm(adminUnitCode: $u, input: $i) { __typename } }',
    // One-year terms one after another on the units this run created.
    vars: (c, i, m) => {
      const units = c.units.slice(m * c.P, m * c.P + c.P).filter((u): u is string => !!u);
      if (!units.length) return null;
      const y = c.year - 29 + Math.floor(i / units.length);
      if (y >= c.year) return null;
      return {
        u: units[i % units.length],
        i: {
          startDate: `${y}-01-01`,
          endDate: `${y}-12-31`,
          chairName: 'Lò Văn Chủ',
          decision: { number: `${i + 1}/QĐ-T${c.nonce}`, date: `${y}-01-01`, issuingBody: 'Hội NCT tỉnh' },
        },
      };
    },
  },
  {
    mutation: 'createImplementationPlan',
    agency: 'homeaffairs',
    query: 'mutation($i: ImplementationPlanInput!) { createImplementationPlan(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const planNumber = `${slot(c, i, m) + 1}/KH-B${c.nonce}`;
      c.plans[slot(c, i, m)] = planNumber;
      return {
        i: {
          planNumber,
          title: 'Kế hoạch thử tải',
          date: `${addMonths(c.m0, -1)}-01`,
          issuingBody: 'UBND tỉnh',
          legalBasis: ['Luật Người cao tuổi 2009'],
          tasks: [{ taskNo: 1, title: 'Nhiệm vụ một', leadAgency: 'SOCIAL', deadline: `${c.year + 1}-12-31` }],
        },
      };
    },
  },
  {
    mutation: 'addPlanTask',
    agency: 'homeaffairs',
    query: 'mutation($p: ID!, $i: PlanTaskInput!) { addPlanTask(planNumber: $p, input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = c.plans[slot(c, i, m)];
      return p ? { p, i: { taskNo: 2, title: 'Nhiệm vụ hai', leadAgency: 'HEALTH', deadline: `${c.year + 1}-12-31` } } : null;
    },
  },
  {
    mutation: 'changeTaskStatus',
    agency: 'homeaffairs',
    query: 'mutation($p: ID!) { changeTaskStatus(planNumber: $p, taskNo: 1, status: IN_PROGRESS) { __typename } }',
    vars: (c, i, m) => {
      const p = c.plans[slot(c, i, m)];
      return p ? { p } : null;
    },
  },
  {
    mutation: 'reportTaskProgress',
    agency: 'homeaffairs',
    query: 'mutation($p: ID!, $i: ProgressReportInput!) { reportTaskProgress(planNumber: $p, taskNo: 1, input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = c.plans[slot(c, i, m)];
      return p ? { p, i: { date: c.today, text: 'Đã triển khai', percent: 50 } } : null;
    },
  },
  // ---- health -----------------------------------------------------------------------------
  {
    mutation: 'openHealthRecord',
    agency: 'health',
    query: 'mutation($i: OpenHealthRecordInput!) { openHealthRecord(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p
        ? { i: { citizenId: p.citizenId, openedOn: `${addMonths(c.m0, -1)}-01`, facility: c.facility, communeCode: c.commune } }
        : null;
    },
  },
  {
    mutation: 'recordHealthCheck',
    agency: 'health',
    query: 'mutation($i: RecordHealthCheckInput!) { recordHealthCheck(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { i: { citizenId: p.citizenId, date: `${addMonths(c.m0, -1)}-05`, facility: c.facility, resultClass: 'II' } } : null;
    },
  },
  {
    mutation: 'recordChronicCondition',
    agency: 'health',
    query: 'mutation($i: RecordChronicConditionInput!) { recordChronicCondition(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p
        ? { i: { citizenId: p.citizenId, code: 'I10', diagnosedOn: `${c.year - 5}-06-01`, underManagement: false, facility: c.facility } }
        : null;
    },
  },
  {
    mutation: 'setChronicConditionManagement',
    agency: 'health',
    query: 'mutation($i: SetChronicManagementInput!) { setChronicConditionManagement(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { i: { citizenId: p.citizenId, code: 'I10', underManagement: true } } : null;
    },
  },
  {
    mutation: 'issueInsuranceCard',
    agency: 'health',
    query: 'mutation($i: IssueInsuranceCardInput!) { issueInsuranceCard(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      // The social-insurance number: the last 10 digits of the (run-unique) citizen ID.
      return p
        ? {
            i: {
              code: `GD412${p.citizenId.slice(2)}`,
              citizenId: p.citizenId,
              validFrom: `${c.year}-01-01`,
              validTo: `${c.year}-12-31`,
              primaryCareFacility: c.facility,
            },
          }
        : null;
    },
  },
  {
    mutation: 'recordHomeVisit',
    agency: 'health',
    query: 'mutation($i: RecordHomeVisitInput!) { recordHomeVisit(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { i: { citizenId: p.citizenId, date: `${addMonths(c.m0, -1)}-15`, visitor: 'Y sĩ thôn', kind: 'HOME_CARE' } } : null;
    },
  },
  // ---- social -----------------------------------------------------------------------------
  {
    mutation: 'setPovertyStatus',
    agency: 'social',
    query: 'mutation($i: SetPovertyStatusInput!) { setPovertyStatus(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { i: { citizenId: p.citizenId, year: c.year, status: 'NONE', communeCode: c.commune } } : null;
    },
  },
  {
    mutation: 'setCircumstances',
    agency: 'social',
    query: 'mutation($i: SetCircumstancesInput!) { setCircumstances(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              communeCode: c.commune,
              disability: 'NONE',
              noSupporter: false,
              careFacilityEligible: false,
              otherMonthlyAllowance: false,
            },
          }
        : null;
    },
  },
  {
    mutation: 'importInsuranceStatus',
    agency: 'social',
    query: 'mutation($csv: String!) { importInsuranceStatus(csv: $csv) { applied unchanged rejected { __typename } } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { csv: `citizenId,status,effectiveFrom,communeCode\n${p.citizenId},NONE,${c.year}-01-01,${c.commune}\n` } : null;
    },
    check: (d) => (d.importInsuranceStatus.rejected.length ? 'REJECTED_ROWS' : null),
  },
  {
    mutation: 'recordActionMonthSupport',
    agency: 'social',
    query: 'mutation($i: RecordActionMonthSupportInput!) { recordActionMonthSupport(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      const october = `${c.year}-10-10` <= c.today ? `${c.year}-10-10` : `${c.year - 1}-10-10`;
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              communeCode: c.commune,
              date: october,
              kind: 'GIFT',
              description: 'Quà Tháng hành động',
              amount: 500000,
              provider: 'UBND xã',
            },
          }
        : null;
    },
  },
  {
    mutation: 'openAllowanceCase',
    agency: 'social',
    query: 'mutation($i: OpenAllowanceCaseInput!) { openAllowanceCase(input: $i) { caseId } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              group: 'A5C',
              decisionNumber: `${slot(c, i, m) + 1}/QĐ-TC${c.nonce}`,
              decisionDate: c.today,
              startMonth: c.m0,
              communeCode: c.commune,
              identity: { birthDate: p.birthDate },
            },
          }
        : null;
    },
    after: (c, i, m, d) => {
      c.aCases[slot(c, i, m)] = d.openAllowanceCase.caseId;
    },
  },
  {
    mutation: 'openSocialPensionCase',
    agency: 'social',
    query: 'mutation($i: OpenSocialPensionCaseInput!) { openSocialPensionCase(input: $i) { caseId } }',
    vars: (c, i, m) => {
      const p = at(c.B, c, i, m);
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              decisionNumber: `${slot(c, i, m) + 1}/QĐ-HT${c.nonce}`,
              decisionDate: c.today,
              startMonth: c.m0,
              communeCode: c.commune,
              identity: { birthDate: p.birthDate },
            },
          }
        : null;
    },
  },
  {
    mutation: 'stopCase',
    agency: 'social',
    query: 'mutation($i: StopCaseInput!) { stopCase(input: $i) { status } }',
    vars: (c, i, m) => {
      const caseId = c.aCases[slot(c, i, m)];
      return caseId ? { i: { caseId, reason: 'MOVED_AWAY', stopMonth: addMonths(c.m0, 1) } } : null;
    },
  },
  {
    mutation: 'runMonthlyPayments',
    agency: 'social',
    query: 'mutation($c: String!, $m: Month!) { runMonthlyPayments(communeCode: $c, month: $m) { created alreadyPresent } }',
    // One commune's payment run for one of the last months; a re-run is a no-op by design.
    vars: (c, i) => ({ c: c.commune, m: addMonths(c.m0, -(i % 4)) }),
  },
  {
    mutation: 'recordPaymentCollection',
    agency: 'social',
    query: 'mutation($id: ID!, $m: Month!) { recordPaymentCollection(citizenId: $id, month: $m, collected: true) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.C, c, i, m);
      return p ? { id: p.citizenId, m: addMonths(c.m0, -1) } : null;
    },
  },
  {
    mutation: 'suspendCase',
    agency: 'social',
    query: 'mutation($id: ID!, $m: Month!) { suspendCase(caseId: $id, fromMonth: $m) { status } }',
    vars: (c, i, m) => {
      const caseId = c.cCases[slot(c, i, m)];
      return caseId ? { id: caseId, m: addMonths(c.m0, -1) } : null;
    },
  },
  {
    mutation: 'resumeCase',
    agency: 'social',
    query: 'mutation($id: ID!, $m: Month!) { resumeCase(caseId: $id, fromMonth: $m) { status } }',
    vars: (c, i, m) => {
      const caseId = c.cCases[slot(c, i, m)];
      return caseId ? { id: caseId, m: c.m0 } : null;
    },
  },
  // ---- association ------------------------------------------------------------------------
  {
    mutation: 'createBranch',
    agency: 'association',
    query: 'mutation($i: CreateBranchInput!) { createBranch(input: $i) { branchId } }',
    limit: (c) => Math.min(c.P, Math.floor(c.freeBranchIds.length / 2)),
    vars: (c, i, m) => {
      const branchId = c.freeBranchIds[slot(c, i, m)];
      if (!branchId) return null;
      return {
        i: {
          branchId,
          name: `Chi hội ${capital(letters(Number(branchId.slice(-3))))} ${capital(c.nonce.toLowerCase().replace(/[0-9]/g, (d) => letters(Number(d))))}`,
          village: `Bản ${capital(letters(i))}`,
          groups: [],
        },
      };
    },
    after: (c, i, m, d) => {
      c.branches[slot(c, i, m)] = d.createBranch.branchId;
    },
  },
  {
    mutation: 'joinAssociation',
    agency: 'association',
    query: 'mutation($i: JoinAssociationInput!) { joinAssociation(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      const branchId = c.branches.find((b) => !!b);
      return p && branchId
        ? {
            i: {
              citizenId: p.citizenId,
              branchId,
              joinedOn: `${addMonths(c.m0, -1)}-01`,
              cardNumber: `HNCT-B${c.nonce}-${slot(c, i, m)}`,
              birthDate: p.birthDate,
            },
          }
        : null;
    },
  },
  {
    mutation: 'createClub',
    agency: 'association',
    query: 'mutation($i: CreateClubInput!) { createClub(input: $i) { clubId } }',
    limit: (c) => Math.min(c.P, Math.floor(c.freeClubIds.length / 2)),
    vars: (c, i, m) => {
      const clubId = c.freeClubIds[slot(c, i, m)];
      if (!clubId) return null;
      return {
        i: {
          clubId,
          name: `CLB Liên thế hệ ${capital(letters(slot(c, i, m)))}`,
          communeCode: clubId.slice(4, 9),
          foundedOn: `${c.year - 1}-01-01`,
          decisionNumber: `${slot(c, i, m) + 1}/QĐ-CLB${c.nonce}`,
        },
      };
    },
    after: (c, i, m, d) => {
      c.clubs[slot(c, i, m)] = d.createClub.clubId;
    },
  },
  {
    mutation: 'addClubMember',
    agency: 'association',
    query: 'mutation($i: AddClubMemberInput!) { addClubMember(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      const clubId = c.clubs[slot(c, i, m)];
      if (!p || !clubId) return null;
      c.members[slot(c, i, m)] = p;
      return {
        i: {
          clubId,
          citizenId: p.citizenId,
          fullName: 'Lò Thị Hội',
          birthDate: p.birthDate,
          sex: 'FEMALE',
          role: 'MEMBER',
          elderly: true,
          woman: true,
          young: false,
          priority: false,
          joinedOn: `${c.year - 1}-02-01`,
        },
      };
    },
  },
  {
    mutation: 'recordClubLoan',
    agency: 'association',
    query: 'mutation($i: RecordClubLoanInput!) { recordClubLoan(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = c.members[slot(c, i, m)];
      const clubId = c.clubs[slot(c, i, m)];
      return p && clubId
        ? {
            i: {
              clubId,
              citizenId: p.citizenId,
              reference: `VAY-${c.nonce}-${slot(c, i, m)}`,
              amount: 2000000,
              date: `${c.year - 1}-03-01`,
              status: 'OUTSTANDING',
            },
          }
        : null;
    },
  },
  {
    mutation: 'recordClubActivity',
    agency: 'association',
    query: 'mutation($i: RecordClubActivityInput!) { recordClubActivity(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const clubId = c.clubs[slot(c, i, m)];
      return clubId
        ? {
            i: {
              clubId,
              reference: `HD-${c.nonce}-${slot(c, i, m)}`,
              date: `${c.year - 1}-03-01`,
              area: 'HEALTH_CARE',
              title: 'Tập dưỡng sinh',
              participants: 12,
            },
          }
        : null;
    },
  },
  {
    mutation: 'recordFundEntry',
    agency: 'association',
    query: 'mutation($i: RecordFundEntryInput!) { recordFundEntry(input: $i) { __typename } }',
    // Each request on its own club's book: entries on one book are serialised by the service.
    vars: (c, i, m) => {
      const clubId = c.clubs[slot(c, i, m)];
      return clubId
        ? {
            i: {
              ledger: { fund: 'CLUB_ACTIVITY', clubId },
              reference: `QUY-${c.nonce}-${slot(c, i, m)}`,
              type: 'CONTRIBUTION',
              amount: 300000,
              date: `${c.year - 1}-03-01`,
              description: 'Đóng góp hội viên',
            },
          }
        : null;
    },
  },
  {
    mutation: 'recordCelebrationDelivery',
    agency: 'association',
    query: 'mutation($i: RecordCelebrationInput!) { recordCelebrationDelivery(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      return p ? { i: { citizenId: p.citizenId, year: c.year, communeCode: c.commune, status: 'PLANNED' } } : null;
    },
  },
  {
    mutation: 'recordExemplaryRecognition',
    agency: 'association',
    query: 'mutation($i: RecordRecognitionInput!) { recordExemplaryRecognition(input: $i) { __typename } }',
    vars: (c, i, m) => {
      const p = at(c.A, c, i, m);
      const date = `${addMonths(c.m0, -1)}-01`;
      return p
        ? {
            i: {
              citizenId: p.citizenId,
              year: Number(date.slice(0, 4)),
              level: 'COMMUNE',
              decisionNumber: `${slot(c, i, m) + 1}/QĐ-KT${c.nonce}`,
              decisionDate: date,
              communeCode: c.commune,
            },
          }
        : null;
    },
  },
  // ---- last: deaths of the people registered above -----------------------------------------
  {
    mutation: 'recordDeath',
    agency: 'homeaffairs',
    query: 'mutation($id: ID!, $d: Date!) { recordDeath(citizenId: $id, deathDate: $d) { citizenId } }',
    vars: (c, i, m) => {
      const p = at(c.R, c, i, m);
      return p ? { id: p.citizenId, d: `${addMonths(c.m0, -1)}-01` } : null;
    },
  },
];

/** The write mutations measured, in order (for the docs and the summary). */
export const WRITE_MUTATIONS = SPECS.map((s) => `${s.agency}.${s.mutation}`);

/** The highest serial under a citizen-ID prefix in the register (index range, not a scan). */
async function maxSerial(people: any, prefix: string): Promise<number> {
  const top = await people.findOne(
    { citizenId: { $gte: `${prefix}000000`, $lte: `${prefix}999999` } },
    { sort: { citizenId: -1 }, projection: { _id: 0, citizenId: 1 } },
  );
  return top ? Number((top.citizenId as string).slice(6)) : -1;
}

export async function runWriteScenarios(o: WriteBenchOptions): Promise<WriteRun> {
  const setupStarted = Date.now();
  const P = o.requests + o.warmup;
  const year = Number(o.today.slice(0, 4));
  const nonce = Date.now().toString(36).toUpperCase();
  const ha = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('homeaffairs')));
  const as = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('association')));
  let createdUnits: (string | undefined)[] = [];
  const borrowed: { codes: string[]; units: any[]; terms: any[] } = { codes: [], units: [], terms: [] };
  try {
    // The write commune: the smallest current commune with people in it.
    const byCommune = await ha
      .collection('people')
      .aggregate([{ $group: { _id: '$communeCode', n: { $sum: 1 } } }, { $sort: { n: 1, _id: 1 } }])
      .toArray();
    const communes = (await ha
      .collection('administrative_units')
      .find({ level: 'COMMUNE', validTo: null }, { projection: { _id: 0 } })
      .toArray()) as any[];
    const current = new Set(communes.map((u) => u.code as string));
    const commune = byCommune.map((d) => d._id as string).find((code) => current.has(code));
    if (!commune) throw new Error('no current commune with people in the register');
    const unit = communes.find((u) => u.code === commune)!;
    const bool = (v: unknown) => (v ? 'true' : 'false');
    const unitCsv = `code,name,kind,parentCode,validFrom,validTo,disadvantaged,mountainous,formedFrom,legalAct\n${[unit.code, unit.name, unit.kind, unit.parentCode ?? '', unit.validFrom, unit.validTo ?? '', bool(unit.disadvantaged), bool(unit.mountainous), '', ''].join(',')}\n`;

    // New citizen IDs: women born (year - 80) and (year - 75), serials above the highest in use.
    const born80 = year - 80;
    const born75 = year - 75;
    const need80 = 6 * P;
    const need75 = 2 * P;
    let province = '';
    let base80 = 0;
    let base75 = 0;
    for (const code of [...PROVINCE_CODES].sort().reverse()) {
      const s80 = await maxSerial(ha.collection('people'), makeCitizenId(code, 'FEMALE', born80, 0).slice(0, 6));
      const s75 = await maxSerial(ha.collection('people'), makeCitizenId(code, 'FEMALE', born75, 0).slice(0, 6));
      if (s80 + 1 + need80 <= 999_999 && s75 + 1 + need75 <= 999_999) {
        province = code;
        base80 = s80 + 1;
        base75 = s75 + 1;
        break;
      }
    }
    if (!province) throw new Error('no citizen-ID prefix with free serials left');
    const make = (birthYear: number, serial: number): Person => ({
      citizenId: makeCitizenId(province, 'FEMALE', birthYear, serial),
      birthDate: `${birthYear}-03-15`,
    });
    const list80 = Array.from({ length: need80 }, (_, k) => make(born80, base80 + k));
    const list75 = Array.from({ length: need75 }, (_, k) => make(born75, base75 + k));

    // Free club and branch slots, free administrative units for an Association record.
    const clubIds = new Set(
      (
        await as
          .collection('clubs')
          .find({}, { projection: { _id: 0, clubId: 1 } })
          .toArray()
      ).map((d) => d.clubId as string),
    );
    const branchIds = new Set(
      (
        await as
          .collection('branches')
          .find({}, { projection: { _id: 0, branchId: 1 } })
          .toArray()
      ).map((d) => d.branchId as string),
    );
    const unitsWithRecord = new Set(
      (
        await ha
          .collection('association_units')
          .find({}, { projection: { _id: 0, adminUnitCode: 1 } })
          .toArray()
      ).map((d) => d.adminUnitCode as string),
    );
    const freeClubIds: string[] = [];
    const freeBranchIds: string[] = [];
    const ordered = [commune, ...[...current].filter((c) => c !== commune).sort()];
    for (const code of ordered) {
      for (let k = 1; k <= 99 && freeClubIds.length < 2 * P; k++) {
        const id = `CLB-${code}-${String(k).padStart(2, '0')}`;
        if (!clubIds.has(id)) freeClubIds.push(id);
      }
      for (let k = 1; k <= 999 && freeBranchIds.length < 2 * P; k++) {
        const id = `CH-${code}-${String(k).padStart(3, '0')}`;
        if (!branchIds.has(id)) freeBranchIds.push(id);
      }
    }
    // Communes without an Association record first; then records borrowed from the seed.
    const wantUnits = 2 * Math.min(P, 10);
    const freeUnitCodes = [...current]
      .filter((c) => !unitsWithRecord.has(c))
      .sort()
      .slice(0, wantUnits);
    const toBorrow = [...current]
      .filter((c) => unitsWithRecord.has(c) && c !== commune)
      .sort()
      .slice(0, wantUnits - freeUnitCodes.length);
    if (toBorrow.length) {
      borrowed.units = await ha
        .collection('association_units')
        .find({ adminUnitCode: { $in: toBorrow } })
        .toArray();
      borrowed.terms = await ha
        .collection('leadership_terms')
        .find({ adminUnitCode: { $in: toBorrow } })
        .toArray();
      borrowed.codes = toBorrow;
      await ha.collection('leadership_terms').deleteMany({ adminUnitCode: { $in: toBorrow } });
      await ha.collection('association_units').deleteMany({ adminUnitCode: { $in: toBorrow } });
      freeUnitCodes.push(...toBorrow);
    }

    const c: Ctx = {
      today: o.today,
      year,
      m0: monthOf(o.today),
      commune,
      facility: `Trạm Y tế xã ${commune}`,
      nonce,
      P,
      R: list80.slice(0, 2 * P),
      A: list80.slice(2 * P, 4 * P),
      C: list80.slice(4 * P, 6 * P),
      B: list75,
      cCases: [],
      aCases: [],
      plans: [],
      freeClubIds,
      clubs: [],
      members: [],
      freeBranchIds,
      branches: [],
      freeUnitCodes,
      units: [],
      unitCsv,
    };
    createdUnits = c.units;
    const callers = {} as Record<Agency, Caller>;
    for (const agency of Object.keys(CALLERS) as Agency[]) callers[agency] = await caller(CALLERS[agency].role, CALLERS[agency].purpose, o);
    const direct = (agency: Agency, query: string, variables: Record<string, unknown>) =>
      gql(o.subgraphUrls[agency], query, variables, callers[agency].direct);

    // Setup (not measured): register pools A, B and C; give C an allowance case whose
    // payments of three months were not collected, so that it may be suspended.
    const setupErrors: Record<string, number> = {};
    const setupStep = async (label: string, count: number, fn: (k: number) => Promise<unknown>) => {
      const r = await runCountingErrors(`setup ${label}`, count, o.concurrency, fn, o.maxSeconds, 0);
      if (r.errors) {
        setupErrors[label] = r.errors;
        o.log(`setup ${label}: ${r.errors} of ${count} failed`, { codes: r.errorCodes, first: r.firstError });
      }
    };
    const register = 'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { citizenId } }';
    const pools = [...c.A, ...c.C, ...c.B];
    await setupStep('register pools', pools.length, (k) =>
      direct('homeaffairs', register, {
        i: {
          citizenId: pools[k].citizenId,
          fullName: `Lò Thị ${capital(letters(k))}`,
          birthDate: pools[k].birthDate,
          sex: 'FEMALE',
          ethnicity: 'Thái',
          communeCode: commune,
        },
      }),
    );
    const startC = addMonths(c.m0, -4);
    await setupStep('open C cases', c.C.length, async (k) => {
      const d = await direct('social', 'mutation($i: OpenAllowanceCaseInput!) { openAllowanceCase(input: $i) { caseId } }', {
        i: {
          citizenId: c.C[k].citizenId,
          group: 'A5C',
          decisionNumber: `${k + 1}/QĐ-TD${nonce}`,
          decisionDate: `${addMonths(c.m0, -5)}-01`,
          startMonth: startC,
          communeCode: commune,
          identity: { birthDate: c.C[k].birthDate },
        },
      });
      c.cCases[k] = d.openAllowanceCase.caseId;
    });
    for (let k = 4; k >= 1; k--) {
      await direct('social', 'mutation($c: String!, $m: Month!) { runMonthlyPayments(communeCode: $c, month: $m) { created } }', {
        c: commune,
        m: addMonths(c.m0, -k),
      }).catch((err) => {
        setupErrors['payment runs'] = (setupErrors['payment runs'] ?? 0) + 1;
        o.log(`setup payment run failed: ${err instanceof Error ? err.message : err}`);
      });
    }
    await setupStep('uncollected months', c.C.length * 3, (k) =>
      direct(
        'social',
        'mutation($id: ID!, $m: Month!) { recordPaymentCollection(citizenId: $id, month: $m, collected: false) { __typename } }',
        {
          id: c.C[Math.floor(k / 3)].citizenId,
          m: addMonths(c.m0, -2 - (k % 3)),
        },
      ),
    );
    const setupMs = Date.now() - setupStarted;
    o.log('write setup done', { commune, province, setupMs, freeUnits: freeUnitCodes.length, setupErrors });

    const pairs: WritePair[] = [];
    for (const spec of SPECS) {
      const limit = spec.limit ? spec.limit(c) : P;
      const warmup = spec.limit ? 0 : o.warmup;
      const n = Math.max(0, Math.min(o.requests, limit - warmup));
      const results: ScenarioResult[] = [];
      for (const m of [0, 1]) {
        const name = `w. ${spec.agency}.${spec.mutation} ${m === 0 ? 'via gateway' : 'direct'}`;
        if (n === 0) {
          results.push({ name, n: 0, medianMs: NaN, p95Ms: NaN, rps: 0, errors: 0, note: 'no free target left' });
          continue;
        }
        setCurrentScenario(name);
        const url = m === 0 ? o.gatewayUrl : o.subgraphUrls[spec.agency];
        const headers = m === 0 ? callers[spec.agency].gateway : callers[spec.agency].direct;
        const r = await runCountingErrors(
          name,
          n,
          o.concurrency,
          async (i) => {
            const variables = spec.vars(c, i, m);
            if (!variables) throw new GraphQLCallError('NO_TARGET', `${spec.mutation}: no target for request ${i}`);
            const data = await gql(url, spec.query, variables, headers);
            const problem = spec.check?.(data);
            if (problem) throw new GraphQLCallError(problem, `${spec.mutation}: ${JSON.stringify(data).slice(0, 300)}`);
            spec.after?.(c, i, m, data);
          },
          o.maxSeconds,
          warmup,
        );
        if (r.errors) o.log(`${name}: ${r.errors} of ${r.n} refused`, { codes: r.errorCodes, first: r.firstError });
        const { firstError, ...result } = r;
        results.push(firstError && r.errors ? { ...result, note: firstError } : result);
      }
      pairs.push({ mutation: spec.mutation, agency: spec.agency, gateway: results[0], direct: results[1] });
      o.log(`${spec.agency}.${spec.mutation}`, { gatewayP95: results[0].p95Ms, directP95: results[1].p95Ms });
    }
    return { writeCommune: commune, nonce, setupMs, pairs };
  } finally {
    // The Association records (one per unit) are a finite namespace: give them back.
    const units = [...new Set([...createdUnits.filter((u): u is string => !!u), ...borrowed.codes])];
    if (units.length) {
      await ha.collection('leadership_terms').deleteMany({ adminUnitCode: { $in: units } });
      await ha.collection('association_units').deleteMany({ adminUnitCode: { $in: units } });
    }
    if (borrowed.units.length) await ha.collection('association_units').insertMany(borrowed.units);
    if (borrowed.terms.length) await ha.collection('leadership_terms').insertMany(borrowed.terms);
    await ha.close();
    await as.close();
  }
}
