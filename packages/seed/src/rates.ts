/** Rates used by the generator (documented in README.md; tests check the outputs against them). */
export const RATES = {
  /** age pyramid of people 60+: [minAge, maxAge, share %, female share] */
  agePyramid: [
    [60, 64, 30, 0.52],
    [65, 69, 26, 0.54],
    [70, 74, 18, 0.57],
    [75, 79, 11, 0.6],
    [80, 84, 8, 0.63],
    [85, 89, 4.5, 0.66],
    [90, 94, 2, 0.7],
    [95, 99, 0.45, 0.72],
    [100, 105, 0.05, 0.75],
  ] as ReadonlyArray<readonly [number, number, number, number]>,
  /** relative 12-month mortality by pyramid bucket, scaled so ~1.5% die overall */
  mortality: [0.0047, 0.0071, 0.0118, 0.0197, 0.0316, 0.0553, 0.087, 0.142, 0.2],
  ownProvinceBirth: 0.85,
  legacyCode: 0.03,
  /** people who moved from another current commune of the province since the 2025 reform */
  movedSinceReform: 0.03,
  kinhShare: { ward: 0.9, commune: 0.8, disadvantaged: 0.25 },
  healthRecord: 0.85,
  checkThisYear: 0.65,
  checkPreviousYear: 0.55,
  insuranceCard: 0.9,
  insuranceValid: 0.93,
  associationMember: 0.7,
  communesWithClub: 0.8,
  offTargetClub: 0.15,
  socialPensionOf75PlusWithoutAllowance: 0.15,
  deceasedStillPaid: 0.003,
} as const;
