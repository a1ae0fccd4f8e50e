/**
 * Who among the elderly is entitled to a BHYT card whose contribution the state budget pays
 * (in full, or in part), by legal basis. Law on Health Insurance 2008 as amended 2014 and
 * 2024 (Art. 12.3: groups whose contribution the state budget pays; Art. 12.4: groups it
 * subsidises) and its implementing decrees:
 * - SOCIAL_ALLOWANCE: recipients of the monthly social allowance (Decree 20/2021/NĐ-CP Art. 5
 *   and Art. 9; card group BT), from 2021-07-01 (before: Decree 136/2013, same entitlement).
 * - POOR_HOUSEHOLD: members of poor households (Decree 146/2018/NĐ-CP Art. 3; group HN).
 * - ETHNIC_MINORITY_DISADVANTAGED_AREA: ethnic minorities living in socio-economically
 *   disadvantaged areas, and residents of especially disadvantaged communes (Decree
 *   146/2018/NĐ-CP Art. 3; groups DT, DK).
 * - SOCIAL_PENSION: recipients of the social pension (trợ cấp hưu trí xã hội), from
 *   2025-07-01 (Social Insurance Law 2024 Art. 22; Decree 176/2025/NĐ-CP). The group code
 *   printed on their cards could not be confirmed here: `cardGroup` is null.
 * - NEAR_POOR_HOUSEHOLD: members of near-poor households, the state budget pays at least 70%
 *   (Decree 146/2018/NĐ-CP Art. 4.1; group CN): a subsidy, not a fully state-paid card.
 * Checked 2026-11-23 against secondary summaries (primary texts not reachable from here). The
 * province may raise the subsidy: a new row with its act and date.
 */
export type EntitlementBasis =
  'SOCIAL_ALLOWANCE' | 'SOCIAL_PENSION' | 'POOR_HOUSEHOLD' | 'ETHNIC_MINORITY_DISADVANTAGED_AREA' | 'NEAR_POOR_HOUSEHOLD';

export const ENTITLEMENT_BASES: readonly EntitlementBasis[] = [
  'SOCIAL_ALLOWANCE',
  'SOCIAL_PENSION',
  'POOR_HOUSEHOLD',
  'ETHNIC_MINORITY_DISADVANTAGED_AREA',
  'NEAR_POOR_HOUSEHOLD',
];

export interface StateFundedEntitlementRow {
  basis: EntitlementBasis;
  /** beneficiary-group code printed on the card (beneficiary-groups.ts), null when unconfirmed */
  cardGroup: string | null;
  /** share of the contribution the state budget pays, whole percent */
  statePaysPercent: number;
  /** minimum age of the elderly person for this basis (60 = any elderly person) */
  minAge: number;
  nameVi: string;
  nameEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalAct: string;
}

export const STATE_FUNDED_ENTITLEMENT_ROWS: readonly StateFundedEntitlementRow[] = [
  {
    basis: 'SOCIAL_ALLOWANCE',
    cardGroup: 'BT',
    statePaysPercent: 100,
    minAge: 60,
    nameVi: 'Người hưởng trợ cấp xã hội hằng tháng',
    nameEn: 'Monthly social allowance recipients',
    effectiveFrom: '2021-07-01',
    effectiveTo: null,
    legalAct: 'Luật BHYT, Điều 12 khoản 3; Nghị định 20/2021/NĐ-CP, Điều 9',
  },
  {
    basis: 'POOR_HOUSEHOLD',
    cardGroup: 'HN',
    statePaysPercent: 100,
    minAge: 60,
    nameVi: 'Người thuộc hộ nghèo',
    nameEn: 'Members of poor households',
    effectiveFrom: '2018-12-01',
    effectiveTo: null,
    legalAct: 'Luật BHYT, Điều 12 khoản 3; Nghị định 146/2018/NĐ-CP, Điều 3',
  },
  {
    basis: 'ETHNIC_MINORITY_DISADVANTAGED_AREA',
    cardGroup: 'DT',
    statePaysPercent: 100,
    minAge: 60,
    nameVi: 'Người dân tộc thiểu số sống ở vùng kinh tế - xã hội khó khăn, đặc biệt khó khăn',
    nameEn: 'Ethnic minorities living in disadvantaged areas',
    effectiveFrom: '2018-12-01',
    effectiveTo: null,
    legalAct: 'Luật BHYT, Điều 12 khoản 3; Nghị định 146/2018/NĐ-CP, Điều 3',
  },
  {
    basis: 'SOCIAL_PENSION',
    cardGroup: null,
    statePaysPercent: 100,
    minAge: 70,
    nameVi: 'Người hưởng trợ cấp hưu trí xã hội',
    nameEn: 'Social pension recipients',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    legalAct: 'Luật Bảo hiểm xã hội 2024, Điều 22; Nghị định 176/2025/NĐ-CP',
  },
  {
    basis: 'NEAR_POOR_HOUSEHOLD',
    cardGroup: 'CN',
    statePaysPercent: 70,
    minAge: 60,
    nameVi: 'Người thuộc hộ cận nghèo (ngân sách hỗ trợ tối thiểu 70%)',
    nameEn: 'Members of near-poor households (the state pays at least 70%)',
    effectiveFrom: '2018-12-01',
    effectiveTo: null,
    legalAct: 'Luật BHYT, Điều 12 khoản 4; Nghị định 146/2018/NĐ-CP, Điều 4',
  },
];
