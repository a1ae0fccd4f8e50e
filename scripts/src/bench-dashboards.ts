/**
 * The cross-agency dashboard questions (docs/cross-agency.md) as the benchmark runs them:
 * each is the documented gateway query, made by the role that may run it. Lists are asked for
 * one commune (the largest); aggregates for the whole province. Target: a median under 500 ms
 * each on a 100,000-person province, one request at a time (it was 2 s, issues 4 and 5).
 */
export interface DashboardQuestion {
  id: string;
  title: string;
  role: 'commune-officer' | 'coordinator';
  purpose: 'CARE_COORDINATION' | 'STATISTICS';
  query: string;
  variables(ctx: DashboardContext): Record<string, unknown>;
}

export interface DashboardContext {
  province: string;
  commune: string;
  year: number;
  today: string;
  quarter: string;
}

export const DASHBOARD_TARGET_MS = 500;

export const DASHBOARD_QUESTIONS: DashboardQuestion[] = [
  {
    id: 'Q1',
    title: '80+ with no pension, social pension or allowance',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q1($commune: String!, $asOf: Date) { elderlyRoster(communeCode: $commune, filter: { minAge: 80, alive: true }) {
      citizenId fullName socialCoverage(asOf: $asOf) { receivesPension onAllowance onSocialPension } } }`,
    variables: (c) => ({ commune: c.commune, asOf: c.today }),
  },
  {
    id: 'Q2',
    title: 'poor / near-poor 70-74 not on the social pension',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q2($commune: String!, $year: Int!) { elderlyRoster(communeCode: $commune, filter: { minAge: 70, maxAge: 74, alive: true }) {
      citizenId fullName socialCoverage { onSocialPension povertyStatus(year: $year) } } }`,
    variables: (c) => ({ commune: c.commune, year: c.year }),
  },
  {
    id: 'Q3',
    title: 'club priority members with no check this year',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q3($commune: String!, $year: Int!) { clubPriorityMembers(communeCode: $commune) { citizenId fullName healthCheckDue(year: $year) } }`,
    variables: (c) => ({ commune: c.commune, year: c.year }),
  },
  {
    id: 'Q4',
    title: 'allowance recipients without a valid BHYT card (page 100)',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q4($commune: String!, $asOf: Date) { allowanceCases(filter: { communeCode: $commune, status: ACTIVE }, first: 100) {
      pageInfo { hasNextPage endCursor } edges { node { citizenId group person { fullName insuranceCardValid(asOf: $asOf) } } } } }`,
    variables: (c) => ({ commune: c.commune, asOf: c.today }),
  },
  {
    id: 'Q5',
    title: 'health coverage per commune vs targets (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q5($province: ID!, $year: Int!) { communesOf(provinceCode: $province) { code name elderlyCountToday
      healthCoverage(year: $year) { allTargetsMet healthRecord { share met } annualCheck { share met } insuranceCard { share met } } } }`,
    variables: (c) => ({ province: c.province, year: c.year }),
  },
  {
    id: 'Q6',
    title: 'communes with no club; coverage vs target (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q6($province: ID!) { administrativeUnit(code: $province) { name clubCoverage { clubs communesWithClub met communesWithoutClub
      all { communes covered sharePercent targetPercent met } } } communesOf(provinceCode: $province) { code name mountainous clubCount } }`,
    variables: (c) => ({ province: c.province }),
  },
  {
    id: 'Q7',
    title: 'clubs outside composition targets or under 50% borrowing (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q7 { outside: clubs(filter: { outsideTargets: true }, first: 100) { edges { node { clubId name compliance { members met loanSharePercent } } } }
      lowLoans: clubs(filter: { belowLoanShare: true }, first: 100) { edges { node { clubId compliance { loanSharePercent } } } } }`,
    variables: () => ({}),
  },
  {
    id: 'Q8',
    title: "the year's longevity-celebration list of a commune",
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q8($commune: String!, $year: Int!) { elderlyRoster(communeCode: $commune, filter: { calendarYear: $year, calendarAges: [70, 75, 80, 85, 90, 95], calendarAgeAtLeast: 100, alive: true }) {
      citizenId fullName birthDate longevityCelebration(year: $year) { age giftLevel giftAmount status } } }`,
    variables: (c) => ({ commune: c.commune, year: c.year }),
  },
  {
    id: 'Q9',
    title: 'allowances still paid after death',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q9($commune: String!) { elderlyRoster(communeCode: $commune, filter: { alive: false }) { citizenId fullName deathDate paymentsAfterDeath { month amount } } }`,
    variables: (c) => ({ commune: c.commune }),
  },
  {
    id: 'Q10',
    title: '5a/5d beneficiaries with no home visit this quarter (page 100)',
    role: 'commune-officer',
    purpose: 'CARE_COORDINATION',
    query: `query Q10($commune: String!, $quarter: String!) { allowanceCases(filter: { communeCode: $commune, groups: [A5A, A5D], status: ACTIVE }, first: 100) {
      edges { node { citizenId group person { homeVisitedInQuarter(quarter: $quarter) } } } } }`,
    variables: (c) => ({ commune: c.commune, quarter: c.quarter }),
  },
  {
    id: 'Q12',
    title: 'records still on pre-July-2025 unit codes (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q12($province: ID!) { legacyUnitRecords(provinceCode: $province) { legacyCode recordCount currentUnits { code name } }
      communesOf(provinceCode: $province) { code legacyRecordCount } }`,
    variables: (c) => ({ province: c.province }),
  },
  {
    id: 'Q13',
    title: 'plan tasks by agency and status, next to outcome figures (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q13($province: ID!, $year: Int!) { planProgress(planNumber: "125/KH-UBND") { totalTasks overdueTotal byAgencyStatus { leadAgency status count } }
      administrativeUnit(code: $province) { clubCoverage { met communesWithClub } }
      communesOf(provinceCode: $province) { code healthCoverage(year: $year) { annualCheck { share met } } } }`,
    variables: (c) => ({ province: c.province, year: c.year }),
  },
  {
    id: 'Q14',
    title: 'Action Month support reaching people on social-protection lists (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q14($year: Int!) { actionMonthReach(year: $year) { total { peopleSupported onProtectionLists notOnLists totalAmount } } }`,
    variables: (c) => ({ year: c.year }),
  },
  {
    id: 'Q15',
    title: 'centenarians per commune, reconciled (province)',
    role: 'coordinator',
    purpose: 'STATISTICS',
    query: `query Q15($province: ID!, $year: Int!) { communesOf(provinceCode: $province) { code name centenarianCountToday centenarianCelebrations(year: $year) } }`,
    variables: (c) => ({ province: c.province, year: c.year }),
  },
];
