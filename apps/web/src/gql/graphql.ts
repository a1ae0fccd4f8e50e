/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Lọc nhật ký truy cập. / Access-log filter. */
export type AccessLogFilter = {
  /** Người được đọc dữ liệu. / The person whose data was read. */
  citizenId?: string | null | undefined;
  /** Mã tương quan do máy khách gửi. / The correlation id the client sent. */
  correlationId?: string | null | undefined;
  /** Từ ngày (giờ Việt Nam, tính cả ngày này). / From this day (Vietnam time), inclusive. */
  from?: string | null | undefined;
  /** Mã yêu cầu (của cổng API). / The (gateway) request id. */
  requestId?: string | null | undefined;
  /** Vai trò người đọc. / The reader's role. */
  role?: string | null | undefined;
  /** Người đọc. / The reader (token subject). */
  subject?: string | null | undefined;
  /** Đến ngày (giờ Việt Nam, tính cả ngày này). / To this day (Vietnam time), inclusive. */
  to?: string | null | undefined;
};

/** Cơ quan: Sở LĐ-TB&XH (SOCIAL), Sở Y tế (HEALTH), Sở Nội vụ (HOME_AFFAIRS), Hội NCT (ASSOCIATION), cơ quan khác (OTHER). / Agency. */
export type Agency =
  | 'ASSOCIATION'
  | 'HEALTH'
  | 'HOME_AFFAIRS'
  | 'OTHER'
  | 'SOCIAL';

/** Nhóm người cao tuổi hưởng trợ cấp xã hội hằng tháng (NĐ 20/2021/NĐ-CP). / Group of an elderly allowance recipient (Decree 20/2021). */
export type AllowanceGroup =
  /** Điểm a khoản 5 Điều 5: hộ nghèo, không có người phụng dưỡng (hệ số 1,5; từ đủ 80 tuổi 2,0). / Art. 5.5(a): poor, nobody obliged to support them (1.5; 2.0 from 80). */
  | 'A5A'
  /** Điểm b khoản 5 Điều 5: 75-79 tuổi, hộ nghèo/cận nghèo, sống ở xã/thôn ĐBKK vùng DTTS-MN (hệ số 1,0). / Art. 5.5(b): 75-79, poor or near-poor, especially disadvantaged commune (1.0). */
  | 'A5B'
  /** Điểm c khoản 5 Điều 5: từ đủ 80 tuổi, không lương hưu/BHXH/trợ cấp hằng tháng khác (hệ số 1,0). / Art. 5.5(c): 80+, no pension or other monthly benefit (1.0). */
  | 'A5C'
  /** Điểm d khoản 5 Điều 5: hộ nghèo, không người phụng dưỡng, đủ điều kiện vào cơ sở nhưng sống tại cộng đồng (hệ số 3,0). / Art. 5.5(d): cared for in the community instead of a facility (3.0). */
  | 'A5D'
  /** Khoản 6 Điều 5: người cao tuổi khuyết tật nặng (hệ số 2,0). / Art. 5.6: elderly person with a severe disability (2.0). */
  | 'DISABILITY_SEVERE'
  /** Khoản 6 Điều 5: người cao tuổi khuyết tật đặc biệt nặng (hệ số 2,5). / Art. 5.6: elderly person with a very severe disability (2.5). */
  | 'DISABILITY_VERY_SEVERE';

/** Tình trạng hội viên: đang sinh hoạt, đã thôi. / Membership status: active or left. */
export type AssociationMembershipStatus =
  /** Đang sinh hoạt. / Active member. */
  | 'ACTIVE'
  /** Đã mất (theo sổ đăng ký); hồ sơ được giữ. / Died, per the register; the record is kept. */
  | 'DECEASED'
  /** Đã thôi sinh hoạt. / Has left the Association. */
  | 'LEFT';

/** Trạng thái hồ sơ trợ cấp. / Status of a benefit case. */
export type BenefitCaseStatus =
  /** Đang chi trả. / Being paid. */
  | 'ACTIVE'
  /** Đã thôi chi trả từ stopMonth. / Stopped from stopMonth. */
  | 'STOPPED'
  /** Tạm dừng (ví dụ 3 tháng liên tiếp không nhận, NĐ 20/2021). / Suspended, e.g. after 3 consecutive months uncollected. */
  | 'SUSPENDED';

/** Loại trợ cấp. / Kind of benefit. */
export type BenefitKind =
  /** Trợ cấp xã hội hằng tháng (NĐ 20/2021). / Monthly social allowance (Decree 20/2021). */
  | 'ALLOWANCE'
  /** Trợ cấp hưu trí xã hội (Luật BHXH 2024). / Social pension (Social Insurance Law 2024). */
  | 'SOCIAL_PENSION';

/** Tình trạng mừng thọ. / Status of a longevity celebration. */
export type CelebrationStatus =
  /** Hủy vì người được mừng thọ đã mất trước khi trao (do sổ đăng ký báo; không nhập tay). / Cancelled: the person died before it was delivered (set from the register, never by hand). */
  | 'CANCELLED_DECEASED'
  /** Đã trao quà. / Gift delivered. */
  | 'DELIVERED'
  /** Không trao được (có lý do). / Not delivered, with a reason. */
  | 'NOT_DELIVERED'
  /** Dự kiến (chưa trao). / Planned, not yet delivered. */
  | 'PLANNED';

/** Vai trò trong câu lạc bộ. / Role in a club. */
export type ClubRole =
  /** Chủ nhiệm (tối đa một người). / Chair (at most one). */
  | 'CHAIR'
  /** Thành viên. / Member. */
  | 'MEMBER'
  /** Phó chủ nhiệm. / Vice chair. */
  | 'VICE_CHAIR';

/** Cấp chúc thọ, tặng quà (Luật Người cao tuổi 2009, Điều 21). / Who congratulates and gives the gift. */
export type GiftLevel =
  /** Cấp xã, Hội Người cao tuổi (70, 75, 80, 85, 95). / Commune and Association (70, 75, 80, 85, 95). */
  | 'COMMUNE'
  /** Chủ tịch UBND tỉnh (thọ 90 tuổi; trên 100 tuổi theo tỉnh). / Provincial People's Committee chair (age 90; over 100 as the province sets). */
  | 'PROVINCE'
  /** Chủ tịch nước (thọ 100 tuổi). / The State President (age 100). */
  | 'STATE_PRESIDENT';

/** Nơi lưu hồ sơ sức khỏe. / Where the health record is kept. */
export type HealthRecordSource =
  /** Hồ sơ của trạm y tế xã. / The commune health station’s record. */
  | 'COMMUNE_STATION'
  /** Sổ sức khỏe điện tử trên VNeID (cùng giá trị pháp lý). / The electronic health book on VNeID, same legal value. */
  | 'VNEID_HEALTH_BOOK';

/** Phân loại sức khỏe (Thông tư 14/2013/TT-BYT, Phụ lục 1). / Health class per Circular 14/2013/TT-BYT, Annex 1. */
export type HealthResultClass =
  /** Loại I: rất khỏe. / Very good. */
  | 'I'
  /** Loại II: khỏe. / Good. */
  | 'II'
  /** Loại III: trung bình. / Average. */
  | 'III'
  /** Loại IV: yếu. / Weak. */
  | 'IV'
  /** Loại V: rất yếu. / Very weak. */
  | 'V';

/** Tình trạng nhận tiền của một tháng. / Collection state of a month’s payment. */
export type PaymentStatus =
  /** Đã hủy: người hưởng mất trước tháng này (theo sổ đăng ký), khoản chưa nhận không chi. / Cancelled: the beneficiary died before this month (per the register); not paid. */
  | 'CANCELLED'
  /** Đã nhận. / Collected. */
  | 'COLLECTED'
  /** Đã lập danh sách chi trả, chưa ghi nhận. / On the payroll, not yet recorded. */
  | 'PENDING'
  /** Không đến nhận. / Not collected. */
  | 'UNCOLLECTED';

/** Bộ lọc danh sách người cao tuổi. / Filter for the list of people. */
export type PersonFilter = {
  /** true: chỉ người còn sống; false: chỉ người đã mất; bỏ trống: tất cả. / true: living only; false: deceased only; empty: all. */
  alive?: boolean | null | undefined;
  /** Mã xã/phường (5 chữ số). / 5-digit commune code. */
  communeCode?: string | null | undefined;
  /** Tuổi tối đa (tròn, hôm nay). / Maximum age today. */
  maxAge?: number | null | undefined;
  /** Tuổi tối thiểu (tròn, hôm nay). / Minimum age today. */
  minAge?: number | null | undefined;
  /** Tìm theo tên, không phân biệt dấu ("nguyen van an"). / Name search, diacritics-insensitive. */
  nameContains?: string | null | undefined;
  sex?: Sex | null | undefined;
};

/** Tình trạng nghèo của hộ trong một năm. / Household poverty status in a year. */
export type PovertyStatus =
  /** Hộ cận nghèo. / Near-poor household. */
  | 'NEAR_POOR'
  /** Không thuộc hộ nghèo/cận nghèo (hoặc chưa ghi nhận). / Neither (or nothing recorded). */
  | 'NONE'
  /** Hộ nghèo. / Poor household. */
  | 'POOR';

/** Giới tính. / Sex as recorded in the register. */
export type Sex =
  | 'FEMALE'
  | 'MALE';

/** Trạng thái nhiệm vụ: chưa triển khai, đang thực hiện, hoàn thành, hủy. / Task status. */
export type TaskStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'NOT_STARTED';

export type ProvinceCommunesQueryVariables = Exact<{
  province: string | number;
  asOf?: string | null | undefined;
}>;


export type ProvinceCommunesQuery = { administrativeUnit: { code: string, name: string } | null, communesOf: Array<{ code: string, name: string }> };

export type DashboardHealthQueryVariables = Exact<{
  province: string | number;
  asOf?: string | null | undefined;
  year: number;
}>;


export type DashboardHealthQuery = { communesOf: Array<{ code: string, name: string, elderlyCountToday: number | null, healthCoverage: { referenceDate: string, elderlyCount: number | null, allTargetsMet: boolean | null, healthRecord: { count: number | null, denominator: number | null, share: number | null, targetPercent: number | null, met: boolean | null, suppressed: boolean, legalAct: string | null }, annualCheck: { count: number | null, denominator: number | null, share: number | null, targetPercent: number | null, met: boolean | null, suppressed: boolean, legalAct: string | null }, insuranceCard: { count: number | null, denominator: number | null, share: number | null, targetPercent: number | null, met: boolean | null, suppressed: boolean, legalAct: string | null }, chronicManagement: { count: number | null, denominator: number | null, share: number | null, targetPercent: number | null, met: boolean | null, suppressed: boolean, legalAct: string | null } } | null }> };

export type IndicatorFragment = { count: number | null, denominator: number | null, share: number | null, targetPercent: number | null, met: boolean | null, suppressed: boolean, legalAct: string | null };

export type DashboardClubsQueryVariables = Exact<{
  province: string | number;
  asOf?: string | null | undefined;
}>;


export type DashboardClubsQuery = { administrativeUnit: { code: string, name: string, clubCoverage: { clubs: number, communesWithClub: number, met: boolean, communesWithoutClub: Array<string>, legalAct: string, all: { communes: number, covered: number, sharePercent: number, targetPercent: number | null, met: boolean | null }, lowland: { communes: number, covered: number, sharePercent: number, targetPercent: number | null, met: boolean | null }, mountain: { communes: number, covered: number, sharePercent: number, targetPercent: number | null, met: boolean | null } } | null } | null, communesOf: Array<{ code: string, name: string, mountainous: boolean | null, clubCount: number | null }> };

export type CoverageGroupFieldsFragment = { communes: number, covered: number, sharePercent: number, targetPercent: number | null, met: boolean | null };

export type DashboardCentenariansQueryVariables = Exact<{
  province: string | number;
  asOf?: string | null | undefined;
  year: number;
}>;


export type DashboardCentenariansQuery = { communesOf: Array<{ code: string, name: string, centenarianCountToday: number | null, centenarianCelebrations: number | null }> };

export type DashboardLegacyQueryVariables = Exact<{
  province: string | number;
}>;


export type DashboardLegacyQuery = { legacyUnitRecords: Array<{ legacyCode: string, recordCount: number | null, suppressed: boolean, legacyUnit: { code: string, name: string } | null, currentUnits: Array<{ code: string, name: string }> }>, communesOf: Array<{ code: string, name: string, legacyRecordCount: number | null }> };

export type DashboardActionMonthQueryVariables = Exact<{
  year: number;
}>;


export type DashboardActionMonthQuery = { actionMonthReach: { year: number, communes: Array<{ communeCode: string, peopleSupported: number | null, onProtectionLists: number | null, notOnLists: number | null, totalAmount: number | null }>, total: { communeCode: string, peopleSupported: number | null, onProtectionLists: number | null, notOnLists: number | null, totalAmount: number | null } } };

export type ReachCellFragment = { communeCode: string, peopleSupported: number | null, onProtectionLists: number | null, notOnLists: number | null, totalAmount: number | null };

export type DashboardPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardPlansQuery = { implementationPlans: Array<{ planNumber: string, title: string, date: string, issuingBody: string }> };

export type DashboardPlanProgressQueryVariables = Exact<{
  plan: string | number;
  asOf?: string | null | undefined;
  province: string | number;
}>;


export type DashboardPlanProgressQuery = { planProgress: { planNumber: string, asOf: string, totalTasks: number, overdueTotal: number, byAgencyStatus: Array<{ leadAgency: Agency, status: TaskStatus, count: number }>, overdueByAgency: Array<{ leadAgency: Agency, count: number }> }, overdueTasks: { totalCount: number, edges: Array<{ node: { planNumber: string, taskNo: number, title: string, leadAgency: Agency, deadline: string, status: TaskStatus, latestPercent: number | null } }> }, administrativeUnit: { code: string, clubCoverage: { communesWithClub: number, met: boolean } | null } | null };

export type CommuneBenefitsQueryVariables = Exact<{
  commune: string;
  month: string;
}>;


export type CommuneBenefitsQuery = { allowanceCases: { totalCount: number }, socialPensionCases: { totalCount: number }, payroll: { month: string, totals: { people: number, amount: number, allowanceAmount: number, socialPensionAmount: number } } };

export type CelebrationRuleQueryVariables = Exact<{
  year: number;
}>;


export type CelebrationRuleQuery = { longevityCelebrationRule: { calendarAges: Array<number>, calendarAgeAtLeast: number, legalAct: string } };

export type CommuneCelebrationsQueryVariables = Exact<{
  commune: string;
  year: number;
  ages?: Array<number> | number | null | undefined;
  atLeast?: number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type CommuneCelebrationsQuery = { elderlyRoster: Array<{ citizenId: string, fullName: string, birthDate: string, longevityCelebration: { age: number, giftLevel: GiftLevel | null, giftAmount: number | null, status: CelebrationStatus, deliveredOn: string | null, reason: string | null } | null }> };

export type SearchPeopleQueryVariables = Exact<{
  filter?: PersonFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchPeopleQuery = { people: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { citizenId: string, fullName: string, birthDate: string, age: number, sex: Sex, deathDate: string | null, residence: { code: string, name: string } } }> } };

export type PersonViewQueryVariables = Exact<{
  citizenId: string | number;
  year: number;
  asOf?: string | null | undefined;
  quarter: string;
}>;


export type PersonViewQuery = { person: { citizenId: string, fullName: string, birthDate: string, sex: Sex, age: number, ethnicity: string, deathDate: string | null, legacyUnitCode: string | null, healthCheckDue: boolean | null, insuranceCardValid: boolean | null, homeVisitedInQuarter: boolean | null, residence: { code: string, name: string }, healthRecord: { openedOn: string, facility: string, source: HealthRecordSource } | null, lastHealthCheck: { date: string, resultClass: HealthResultClass, facility: string } | null, insuranceCard: { code: string, beneficiaryGroup: string, validFrom: string, validTo: string, validToday: boolean } | null, chronicConditions: Array<{ code: string, conditionName: string, diagnosedOn: string, underManagement: boolean }> | null, monthlyAllowance: { caseId: string, group: AllowanceGroup, status: BenefitCaseStatus, monthlyAmount: number | null, startMonth: string, stopMonth: string | null } | null, socialPension: { caseId: string, status: BenefitCaseStatus, monthlyAmount: number, startMonth: string, stopMonth: string | null } | null, socialCoverage: { receivesPension: boolean, onAllowance: boolean, onSocialPension: boolean, povertyStatus: PovertyStatus } | null, membership: { branchName: string, joinedOn: string, cardNumber: string, status: AssociationMembershipStatus } | null, clubs: Array<{ role: ClubRole, club: { clubId: string, name: string } }> | null, longevityCelebration: { age: number, giftAmount: number | null, status: CelebrationStatus, deliveredOn: string | null, reason: string | null } | null } | null };

export type FollowUpQ1QueryVariables = Exact<{
  commune: string;
  asOf?: string | null | undefined;
}>;


export type FollowUpQ1Query = { elderlyRoster: Array<{ citizenId: string, fullName: string, birthDate: string, age: number, socialCoverage: { receivesPension: boolean, onAllowance: boolean, onSocialPension: boolean } | null }> };

export type FollowUpQ2QueryVariables = Exact<{
  commune: string;
  year: number;
  asOf?: string | null | undefined;
}>;


export type FollowUpQ2Query = { elderlyRoster: Array<{ citizenId: string, fullName: string, birthDate: string, age: number, socialCoverage: { onSocialPension: boolean, povertyStatus: PovertyStatus } | null }> };

export type FollowUpQ3QueryVariables = Exact<{
  commune: string;
  year: number;
}>;


export type FollowUpQ3Query = { clubPriorityMembers: Array<{ citizenId: string, fullName: string, birthDate: string, healthCheckDue: boolean | null }> };

export type FollowUpQ4QueryVariables = Exact<{
  commune: string;
  after?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type FollowUpQ4Query = { allowanceCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { caseId: string, citizenId: string, group: AllowanceGroup, person: { fullName: string, insuranceCardValid: boolean | null } } }> } };

export type FollowUpQ9QueryVariables = Exact<{
  commune: string;
}>;


export type FollowUpQ9Query = { elderlyRoster: Array<{ citizenId: string, fullName: string, deathDate: string | null, paymentsAfterDeath: Array<{ month: string, amount: number, caseId: string, kind: BenefitKind, status: PaymentStatus }> | null }> };

export type FollowUpQ10QueryVariables = Exact<{
  commune: string;
  quarter: string;
  after?: string | null | undefined;
}>;


export type FollowUpQ10Query = { allowanceCases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { caseId: string, citizenId: string, group: AllowanceGroup, person: { fullName: string, homeVisitedInQuarter: boolean | null } } }> } };

export type AccessLogQueryVariables = Exact<{
  filter?: AccessLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessLogQuery = { accessLog: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, subject: string, role: string, commune: string | null, purpose: string, citizenId: string, fields: Array<string>, operationName: string | null, correlationId: string | null } }> } };

export const IndicatorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Indicator"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageIndicatorValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"targetPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"legalAct"}}]}}]} as unknown as DocumentNode<IndicatorFragment, unknown>;
export const CoverageGroupFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communes"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"targetPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<CoverageGroupFieldsFragment, unknown>;
export const ReachCellFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReachCell"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionMonthReachCell"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communeCode"}},{"kind":"Field","name":{"kind":"Name","value":"peopleSupported"}},{"kind":"Field","name":{"kind":"Name","value":"onProtectionLists"}},{"kind":"Field","name":{"kind":"Name","value":"notOnLists"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]} as unknown as DocumentNode<ReachCellFragment, unknown>;
export const ProvinceCommunesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProvinceCommunes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administrativeUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"communesOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProvinceCommunesQuery, ProvinceCommunesQueryVariables>;
export const DashboardHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communesOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"elderlyCountToday"}},{"kind":"Field","name":{"kind":"Name","value":"healthCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referenceDate"}},{"kind":"Field","name":{"kind":"Name","value":"elderlyCount"}},{"kind":"Field","name":{"kind":"Name","value":"allTargetsMet"}},{"kind":"Field","name":{"kind":"Name","value":"healthRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Indicator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annualCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Indicator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Indicator"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chronicManagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Indicator"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Indicator"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageIndicatorValue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"targetPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"legalAct"}}]}}]} as unknown as DocumentNode<DashboardHealthQuery, DashboardHealthQueryVariables>;
export const DashboardClubsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardClubs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"administrativeUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clubCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clubs"}},{"kind":"Field","name":{"kind":"Name","value":"communesWithClub"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"communesWithoutClub"}},{"kind":"Field","name":{"kind":"Name","value":"legalAct"}},{"kind":"Field","name":{"kind":"Name","value":"all"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowland"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageGroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mountain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageGroupFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"communesOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mountainous"}},{"kind":"Field","name":{"kind":"Name","value":"clubCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageGroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communes"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"targetPercent"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DashboardClubsQuery, DashboardClubsQueryVariables>;
export const DashboardCentenariansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardCentenarians"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communesOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"centenarianCountToday"}},{"kind":"Field","name":{"kind":"Name","value":"centenarianCelebrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}]}}]}}]} as unknown as DocumentNode<DashboardCentenariansQuery, DashboardCentenariansQueryVariables>;
export const DashboardLegacyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardLegacy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legacyUnitRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legacyCode"}},{"kind":"Field","name":{"kind":"Name","value":"recordCount"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"legacyUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"communesOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legacyRecordCount"}}]}}]}}]} as unknown as DocumentNode<DashboardLegacyQuery, DashboardLegacyQueryVariables>;
export const DashboardActionMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardActionMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionMonthReach"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"communes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReachCell"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReachCell"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReachCell"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionMonthReachCell"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communeCode"}},{"kind":"Field","name":{"kind":"Name","value":"peopleSupported"}},{"kind":"Field","name":{"kind":"Name","value":"onProtectionLists"}},{"kind":"Field","name":{"kind":"Name","value":"notOnLists"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]} as unknown as DocumentNode<DashboardActionMonthQuery, DashboardActionMonthQueryVariables>;
export const DashboardPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"implementationPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planNumber"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"issuingBody"}}]}}]}}]} as unknown as DocumentNode<DashboardPlansQuery, DashboardPlansQueryVariables>;
export const DashboardPlanProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPlanProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"province"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planNumber"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"totalTasks"}},{"kind":"Field","name":{"kind":"Name","value":"overdueTotal"}},{"kind":"Field","name":{"kind":"Name","value":"byAgencyStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadAgency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueByAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadAgency"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planNumber"}},{"kind":"Field","name":{"kind":"Name","value":"taskNo"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"leadAgency"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"latestPercent"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"administrativeUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"province"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"clubCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communesWithClub"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPlanProgressQuery, DashboardPlanProgressQueryVariables>;
export const CommuneBenefitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommuneBenefits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowanceCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialPensionCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payroll"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"allowanceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"socialPensionAmount"}}]}}]}}]}}]} as unknown as DocumentNode<CommuneBenefitsQuery, CommuneBenefitsQueryVariables>;
export const CelebrationRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CelebrationRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"longevityCelebrationRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calendarAges"}},{"kind":"Field","name":{"kind":"Name","value":"calendarAgeAtLeast"}},{"kind":"Field","name":{"kind":"Name","value":"legalAct"}}]}}]}}]} as unknown as DocumentNode<CelebrationRuleQuery, CelebrationRuleQueryVariables>;
export const CommuneCelebrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommuneCelebrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ages"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"atLeast"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"elderlyRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"calendarYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"calendarAges"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ages"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"calendarAgeAtLeast"},"value":{"kind":"Variable","name":{"kind":"Name","value":"atLeast"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"alive"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"longevityCelebration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"giftLevel"}},{"kind":"Field","name":{"kind":"Name","value":"giftAmount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<CommuneCelebrationsQuery, CommuneCelebrationsQueryVariables>;
export const SearchPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"deathDate"}},{"kind":"Field","name":{"kind":"Name","value":"residence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchPeopleQuery, SearchPeopleQueryVariables>;
export const PersonViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citizenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"citizenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citizenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicity"}},{"kind":"Field","name":{"kind":"Name","value":"deathDate"}},{"kind":"Field","name":{"kind":"Name","value":"legacyUnitCode"}},{"kind":"Field","name":{"kind":"Name","value":"residence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"facility"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastHealthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"resultClass"}},{"kind":"Field","name":{"kind":"Name","value":"facility"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryGroup"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"validToday"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chronicConditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"conditionName"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosedOn"}},{"kind":"Field","name":{"kind":"Name","value":"underManagement"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]},{"kind":"Field","name":{"kind":"Name","value":"insuranceCardValid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]},{"kind":"Field","name":{"kind":"Name","value":"homeVisitedInQuarter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}}}]},{"kind":"Field","name":{"kind":"Name","value":"monthlyAllowance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"startMonth"}},{"kind":"Field","name":{"kind":"Name","value":"stopMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialPension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"startMonth"}},{"kind":"Field","name":{"kind":"Name","value":"stopMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivesPension"}},{"kind":"Field","name":{"kind":"Name","value":"onAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"onSocialPension"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"branchName"}},{"kind":"Field","name":{"kind":"Name","value":"joinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clubs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"club"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clubId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"longevityCelebration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"giftAmount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredOn"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<PersonViewQuery, PersonViewQueryVariables>;
export const FollowUpQ1Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ1"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"elderlyRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minAge"},"value":{"kind":"IntValue","value":"80"}},{"kind":"ObjectField","name":{"kind":"Name","value":"alive"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"socialCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivesPension"}},{"kind":"Field","name":{"kind":"Name","value":"onAllowance"}},{"kind":"Field","name":{"kind":"Name","value":"onSocialPension"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpQ1Query, FollowUpQ1QueryVariables>;
export const FollowUpQ2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ2"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"elderlyRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minAge"},"value":{"kind":"IntValue","value":"70"}},{"kind":"ObjectField","name":{"kind":"Name","value":"maxAge"},"value":{"kind":"IntValue","value":"74"}},{"kind":"ObjectField","name":{"kind":"Name","value":"alive"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"socialCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onSocialPension"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}]}}]}}]}}]} as unknown as DocumentNode<FollowUpQ2Query, FollowUpQ2QueryVariables>;
export const FollowUpQ3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clubPriorityMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}]}}]}}]} as unknown as DocumentNode<FollowUpQ3Query, FollowUpQ3QueryVariables>;
export const FollowUpQ4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ4"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowanceCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCardValid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpQ4Query, FollowUpQ4QueryVariables>;
export const FollowUpQ9Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ9"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"elderlyRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"alive"},"value":{"kind":"BooleanValue","value":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"deathDate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAfterDeath"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpQ9Query, FollowUpQ9QueryVariables>;
export const FollowUpQ10Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpQ10"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"commune"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowanceCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"communeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"commune"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"groups"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"A5A"},{"kind":"EnumValue","value":"A5D"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"homeVisitedInQuarter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}}}]}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpQ10Query, FollowUpQ10QueryVariables>;
export const AccessLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"citizenId"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"correlationId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;