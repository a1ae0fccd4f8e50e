import { graphql } from '../gql';

// Every operation the app sends, against the gateway's public API only. The dashboard and the
// follow-up lists run the queries of docs/cross-agency.md (the question numbers are noted).
// Types come from gateway/supergraph.graphql (npm run codegen -w @nct/web).

export const ProvinceCommunesQuery = graphql(`
  query ProvinceCommunes($province: ID!, $asOf: Date) {
    administrativeUnit(code: $province) {
      code
      name
    }
    communesOf(provinceCode: $province, asOf: $asOf) {
      code
      name
    }
  }
`);

/** Q5: health record, annual check and BHYT shares per commune against the dated national targets. */
export const DashboardHealthQuery = graphql(`
  query DashboardHealth($province: ID!, $asOf: Date, $year: Int!) {
    communesOf(provinceCode: $province, asOf: $asOf) {
      ...UnitCoverage
    }
  }

  fragment UnitCoverage on AdministrativeUnit {
    code
    name
    elderlyCountToday
    healthCoverage(year: $year) {
      referenceDate
      elderlyCount
      allTargetsMet
      healthRecord {
        ...Indicator
      }
      annualCheck {
        ...Indicator
      }
      insuranceCard {
        ...Indicator
      }
      chronicManagement {
        ...Indicator
      }
    }
  }

  fragment Indicator on CoverageIndicatorValue {
    count
    denominator
    share
    targetPercent
    met
    suppressed
    legalAct
  }
`);

/** Q5 for the province as a whole (health sums its communes' tallies and withholds as it does per commune). */
export const DashboardHealthProvinceQuery = graphql(`
  query DashboardHealthProvince($province: ID!, $year: Int!) {
    administrativeUnit(code: $province) {
      ...UnitCoverage
    }
  }
`);

/** Q6: communes with no club; club coverage against the province target. */
export const DashboardClubsQuery = graphql(`
  query DashboardClubs($province: ID!, $asOf: Date) {
    administrativeUnit(code: $province) {
      code
      name
      clubCoverage(asOf: $asOf) {
        clubs
        communesWithClub
        met
        communesWithoutClub
        legalAct
        all {
          ...CoverageGroupFields
        }
        lowland {
          ...CoverageGroupFields
        }
        mountain {
          ...CoverageGroupFields
        }
      }
    }
    communesOf(provinceCode: $province, asOf: $asOf) {
      code
      name
      mountainous
      clubCount
    }
  }

  fragment CoverageGroupFields on CoverageGroup {
    communes
    covered
    sharePercent
    targetPercent
    met
  }
`);

/** Q15: centenarians per commune, register against celebrations. */
export const DashboardCentenariansQuery = graphql(`
  query DashboardCentenarians($province: ID!, $asOf: Date, $year: Int!) {
    communesOf(provinceCode: $province, asOf: $asOf) {
      code
      name
      centenarianCountToday
      centenarianCelebrations(year: $year)
    }
  }
`);

/** Q12: records still on pre-July-2025 unit codes. */
export const DashboardLegacyQuery = graphql(`
  query DashboardLegacy($province: ID!) {
    legacyUnitRecords(provinceCode: $province) {
      legacyCode
      recordCount
      suppressed
      legacyUnit {
        code
        name
      }
      currentUnits {
        code
        name
      }
    }
    communesOf(provinceCode: $province) {
      code
      name
      legacyRecordCount
    }
  }
`);

/** Q14: Action Month support reaching people on social-protection lists. */
export const DashboardActionMonthQuery = graphql(`
  query DashboardActionMonth($year: Int!) {
    actionMonthReach(year: $year) {
      year
      communes {
        ...ReachCell
      }
      total {
        ...ReachCell
      }
    }
  }

  fragment ReachCell on ActionMonthReachCell {
    communeCode
    peopleSupported
    onProtectionLists
    notOnLists
    totalAmount
  }
`);

export const DashboardPlansQuery = graphql(`
  query DashboardPlans {
    implementationPlans {
      planNumber
      title
      date
      issuingBody
    }
  }
`);

/**
 * Q13: plan tasks by agency and status, next to outcome figures of the other agencies (the Action
 * Month figure is Q14's answer, asked once by its own section).
 */
export const DashboardPlanProgressQuery = graphql(`
  query DashboardPlanProgress($plan: ID!, $asOf: Date, $province: ID!) {
    planProgress(planNumber: $plan, asOf: $asOf) {
      planNumber
      asOf
      totalTasks
      overdueTotal
      byAgencyStatus {
        leadAgency
        status
        count
      }
      overdueByAgency {
        leadAgency
        count
      }
    }
    overdueTasks(first: 50, asOf: $asOf) {
      totalCount
      edges {
        node {
          planNumber
          taskNo
          title
          leadAgency
          deadline
          status
          latestPercent
        }
      }
    }
    administrativeUnit(code: $province) {
      code
      clubCoverage(asOf: $asOf) {
        communesWithClub
        met
      }
    }
  }
`);

/**
 * Allowance and social-pension cases paid for a month and the amounts due, per commune and for
 * all in scope (AGGREGATES: coordinators and every staff role; a commune's officer gets their
 * commune). Small cells are withheld by social.
 */
export const DashboardBenefitsQuery = graphql(`
  query DashboardBenefits($month: Month!) {
    benefitSummary(month: $month) {
      month
      communes {
        ...BenefitRow
      }
      total {
        ...BenefitRow
      }
    }
  }
  fragment BenefitRow on BenefitSummaryCell {
    communeCode
    allowance {
      ...BenefitFigureFields
    }
    socialPension {
      ...BenefitFigureFields
    }
  }
  fragment BenefitFigureFields on BenefitFigure {
    count
    monthlyTotal
    suppressed
  }
`);

/**
 * Q8 figures: this year's longevity celebrations per commune and for the province, by delivery
 * status (association, with the register's count of people due). Small cells withheld by the API.
 */
export const DashboardCelebrationsQuery = graphql(`
  query DashboardCelebrations($province: ID!, $year: Int!) {
    administrativeUnit(code: $province) {
      code
      longevityCelebrationStatus(year: $year) {
        year
        total {
          ...CelebrationStatusRow
        }
        communes {
          ...CelebrationStatusRow
        }
      }
    }
  }
  fragment CelebrationStatusRow on CelebrationStatusCounts {
    code
    due
    delivered
    notDelivered
    planned
    suppressed
  }
`);

/** Q8, first step: the year's celebrated ages. */
export const CelebrationRuleQuery = graphql(`
  query CelebrationRule($year: Int!) {
    longevityCelebrationRule(year: $year) {
      calendarAges
      calendarAgeAtLeast
      legalAct
    }
  }
`);

/** Q8: the year's longevity-celebration list of a commune, living people, with the delivery status. */
export const CommuneCelebrationsQuery = graphql(`
  query CommuneCelebrations($commune: String!, $year: Int!, $ages: [Int!], $atLeast: Int, $asOf: Date) {
    elderlyRoster(
      communeCode: $commune
      filter: { calendarYear: $year, calendarAges: $ages, calendarAgeAtLeast: $atLeast, alive: true, asOf: $asOf }
    ) {
      citizenId
      fullName
      birthDate
      longevityCelebration(year: $year) {
        age
        giftLevel
        giftAmount
        status
        deliveredOn
        reason
      }
    }
  }
`);

/** The register, searched by name without diacritics (and by commune). */
export const SearchPeopleQuery = graphql(`
  query SearchPeople($filter: PersonFilter, $first: Int = 20, $after: String) {
    people(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          citizenId
          fullName
          birthDate
          age
          sex
          deathDate
          residence {
            code
            name
          }
        }
      }
    }
  }
`);

/** One person, one part per agency; each part is null with FORBIDDEN where the role may not read it. */
export const PersonViewQuery = graphql(`
  query PersonView($citizenId: ID!, $year: Int!, $asOf: Date, $quarter: String!) {
    person(citizenId: $citizenId) {
      citizenId
      fullName
      birthDate
      sex
      age
      ethnicity
      deathDate
      legacyUnitCode
      residence {
        code
        name
      }
      healthRecord {
        openedOn
        facility
        source
      }
      lastHealthCheck {
        date
        resultClass
        facility
      }
      insuranceCard {
        code
        beneficiaryGroup
        validFrom
        validTo
        validToday
      }
      chronicConditions {
        code
        conditionName
        diagnosedOn
        underManagement
      }
      healthCheckDue(year: $year)
      insuranceCardValid(asOf: $asOf)
      homeVisitedInQuarter(quarter: $quarter)
      monthlyAllowance {
        caseId
        group
        status
        monthlyAmount
        startMonth
        stopMonth
      }
      socialPension {
        caseId
        status
        monthlyAmount
        startMonth
        stopMonth
      }
      socialCoverage(asOf: $asOf) {
        receivesPension
        onAllowance
        onSocialPension
        povertyStatus(year: $year)
      }
      membership {
        branchName
        joinedOn
        cardNumber
        status
      }
      clubs {
        role
        club {
          clubId
          name
        }
      }
      longevityCelebration(year: $year) {
        age
        giftAmount
        status
        deliveredOn
        reason
      }
    }
  }
`);

/** Q1: people 80+ with no pension who receive neither the social pension nor the allowance. */
export const FollowUpQ1Query = graphql(`
  query FollowUpQ1($commune: String!, $asOf: Date) {
    elderlyRoster(communeCode: $commune, filter: { minAge: 80, alive: true, asOf: $asOf }) {
      citizenId
      fullName
      birthDate
      age
      socialCoverage(asOf: $asOf) {
        receivesPension
        onAllowance
        onSocialPension
      }
    }
  }
`);

/** Q2: poor or near-poor people aged 70-74 not on the social pension. */
export const FollowUpQ2Query = graphql(`
  query FollowUpQ2($commune: String!, $year: Int!, $asOf: Date) {
    elderlyRoster(communeCode: $commune, filter: { minAge: 70, maxAge: 74, alive: true, asOf: $asOf }) {
      citizenId
      fullName
      birthDate
      age
      socialCoverage(asOf: $asOf) {
        onSocialPension
        povertyStatus(year: $year)
      }
    }
  }
`);

/** Q3: club priority members with no health check this year. */
export const FollowUpQ3Query = graphql(`
  query FollowUpQ3($commune: String!, $year: Int!) {
    clubPriorityMembers(communeCode: $commune) {
      citizenId
      fullName
      birthDate
      healthCheckDue(year: $year)
    }
  }
`);

/** Q4: allowance recipients without a valid BHYT card (paged by the API). */
export const FollowUpQ4Query = graphql(`
  query FollowUpQ4($commune: String!, $after: String, $asOf: Date) {
    allowanceCases(filter: { communeCode: $commune, status: ACTIVE }, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          caseId
          citizenId
          group
          person {
            fullName
            insuranceCardValid(asOf: $asOf)
          }
        }
      }
    }
  }
`);

/** Q9: allowances still paid after death. */
export const FollowUpQ9Query = graphql(`
  query FollowUpQ9($commune: String!) {
    elderlyRoster(communeCode: $commune, filter: { alive: false }) {
      citizenId
      fullName
      deathDate
      paymentsAfterDeath {
        month
        amount
        caseId
        kind
        status
      }
    }
  }
`);

/** Q10: group 5a/5d beneficiaries with no home visit this quarter (paged by the API). */
export const FollowUpQ10Query = graphql(`
  query FollowUpQ10($commune: String!, $quarter: String!, $after: String) {
    allowanceCases(filter: { communeCode: $commune, groups: [A5A, A5D], status: ACTIVE }, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          caseId
          citizenId
          group
          person {
            fullName
            homeVisitedInQuarter(quarter: $quarter)
          }
        }
      }
    }
  }
`);

/** The access log (auditors). */
export const AccessLogQuery = graphql(`
  query AccessLog($filter: AccessLogFilter, $after: String) {
    accessLog(filter: $filter, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          subject
          role
          commune
          purpose
          citizenId
          fields
          operationName
          correlationId
        }
      }
    }
  }
`);
