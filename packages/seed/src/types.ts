export type Sex = 'MALE' | 'FEMALE';

/** Administrative unit (current or historical). */
export interface UnitSeed {
  /** province: 2 digits; commune/ward/special zone: 5 digits; old district: 3 digits */
  code: string;
  /** Vietnamese with diacritics, NFC, e.g. 'Xã Tam Đường', 'Phường Tân Phong' */
  name: string;
  kind: 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'WARD' | 'SPECIAL_ZONE' | 'TOWNSHIP';
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  /** commune -> province (post-2025); old commune -> old district; old district -> province */
  parentCode: string | null;
  /** ISO date */
  validFrom: string;
  /** '2025-06-30' for units abolished by the 2025 reform, null if current */
  validTo: string | null;
  /** especially disadvantaged ethnic-minority / mountain commune (Decree 20/2021 group 5b) */
  disadvantaged: boolean;
  mountainous: boolean;
}

/** old -> new, many-to-many */
export interface LineageSeed {
  fromCode: string;
  toCode: string;
  legalAct: string;
  effectiveDate: string;
}

/** homeaffairs resident register */
export interface PersonSeed {
  citizenId: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  ethnicity: string;
  /** current 5-digit residence commune */
  communeCode: string;
  /** for ~3% of people, the pre-2025 commune code their record was made under */
  legacyUnitCode: string | null;
  deathDate: string | null;
  /**
   * Where the person lived, oldest first (inclusive dates; `to` null for the last period, whose
   * commune is `communeCode`). Periods before 2025-07-01 are in pre-reform communes, known only
   * where the fixture has commune-level lineage; a commune's period starts no earlier than the
   * commune exists.
   */
  residenceHistory: ResidencePeriodSeed[];
}

export interface ResidencePeriodSeed {
  communeCode: string;
  villageCode: string | null;
  from: string;
  to: string | null;
}

/** A village (thôn, bản) or residential group (tổ dân phố) of a commune: `<commune code>-NNN`. */
export interface VillageSeed {
  villageCode: string;
  communeCode: string;
  name: string;
  from: string;
  to: string | null;
}

/** One listing of the dated list of especially disadvantaged areas: a commune or one of its villages. */
export interface DisadvantagedAreaSeed {
  level: 'COMMUNE' | 'VILLAGE';
  /** the commune (for a village: the commune it belongs to) */
  unitCode: string;
  villageCode: string | null;
  from: string;
  to: string | null;
  legalAct: string;
}

export type AllowanceGroup = 'A5A' | 'A5B' | 'A5C' | 'A5D' | 'DISABILITY_SEVERE' | 'DISABILITY_VERY_SEVERE';
export type CaseStatus = 'ACTIVE' | 'SUSPENDED' | 'STOPPED';

/** social: monthly allowance under Decree 20/2021 Art. 5.5 */
export interface AllowanceCaseSeed {
  citizenId: string;
  group: AllowanceGroup;
  decisionNumber: string;
  decisionDate: string;
  /** YYYY-MM */
  startMonth: string;
  status: CaseStatus;
  stopMonth: string | null;
  communeCode: string;
}

export interface SocialPensionCaseSeed {
  citizenId: string;
  decisionNumber: string;
  decisionDate: string;
  startMonth: string;
  status: CaseStatus;
  stopMonth: string | null;
  communeCode: string;
}

export interface HealthRecordSeed {
  citizenId: string;
  openedOn: string;
  /** commune health station name */
  facility: string;
  communeCode: string;
}

export type ResultClass = 'I' | 'II' | 'III' | 'IV' | 'V';

export interface HealthCheckSeed {
  citizenId: string;
  date: string;
  facility: string;
  resultClass: ResultClass;
}

export interface InsuranceCardSeed {
  citizenId: string;
  code: string;
  validFrom: string;
  validTo: string;
  primaryCareFacility: string;
}

export interface MembershipSeed {
  citizenId: string;
  branchName: string;
  communeCode: string;
  joinedOn: string;
  cardNumber: string;
}

export interface ClubSeed {
  /** e.g. 'CLB-12345-01' */
  clubId: string;
  name: string;
  communeCode: string;
  foundedOn: string;
  decisionNumber: string;
}

export type ClubRole = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER';

export interface ClubMembershipSeed {
  clubId: string;
  citizenId: string;
  /** identity copy is needed because younger members are not in the elderly register */
  fullName: string;
  birthDate: string;
  sex: Sex;
  role: ClubRole;
  elderly: boolean;
  woman: boolean;
  young: boolean;
  priority: boolean;
  joinedOn: string;
}

export interface SeedData {
  asOf: string;
  seed: number;
  province: UnitSeed;
  communes: UnitSeed[];
  historicalUnits: UnitSeed[];
  lineage: LineageSeed[];
  /** villages of the current communes and of the pre-reform communes */
  villages: VillageSeed[];
  /** the dated list of especially disadvantaged communes and villages (illustrative, fixtures/lai-chau.ts) */
  disadvantagedAreas: DisadvantagedAreaSeed[];
  people: PersonSeed[];
  social: { allowanceCases: AllowanceCaseSeed[]; socialPensionCases: SocialPensionCaseSeed[] };
  health: { records: HealthRecordSeed[]; checks: HealthCheckSeed[]; insuranceCards: InsuranceCardSeed[] };
  association: { memberships: MembershipSeed[]; clubs: ClubSeed[]; clubMemberships: ClubMembershipSeed[] };
}
