import { datedTable, type DatedTable } from '@nct/rules';

/**
 * Beneficiary group codes (mã đối tượng) printed as the first two characters of a 15-character
 * BHYT card code. Source: Decision 1351/QĐ-BHXH of 16 November 2015 (Vietnam Social Security)
 * on the BHYT card code, annex list of group codes, arranged by who pays the contribution
 * (Law on Health Insurance 2008 as amended 2014, Art. 12):
 *   1 employee and employer; 2 the social-insurance organisation; 3 the state budget;
 *   4 state-budget subsidy; 5 by household.
 *
 * Checked 2026-11-23 against a secondary transcription of the annex (a public code repository's
 * list, 44 codes, grouped as above); the primary text was not reachable from here, and the
 * names below are short summaries, not the legal wording. Codes that
 * appear in some lists but could not be confirmed for 1351/2015 (XV, TD, ND, NK) are left out:
 * add them as new rows with their own legal act and effective date once verified.
 * Since 2021 new cards print only the 10-digit social-insurance number (Decision
 * 1666/QĐ-BHXH, 2020); the 15-character code is still what older cards and claims carry.
 */
export interface BeneficiaryGroupRow {
  code: string;
  /** Contribution payer group 1-5 (see above). */
  payer: 1 | 2 | 3 | 4 | 5;
  nameVi: string;
  nameEn: string;
  /** ISO date from which the code is in the list. */
  effectiveFrom: string;
  /** ISO date after which the code is no longer issued, null while current. */
  effectiveTo: string | null;
  legalAct: string;
}

const ACT = 'Quyết định 1351/QĐ-BHXH ngày 16/11/2015';
const FROM = '2015-11-16';

const row = (code: string, payer: BeneficiaryGroupRow['payer'], nameVi: string, nameEn: string): BeneficiaryGroupRow => ({
  code,
  payer,
  nameVi,
  nameEn,
  effectiveFrom: FROM,
  effectiveTo: null,
  legalAct: ACT,
});

export const BENEFICIARY_GROUP_ROWS: readonly BeneficiaryGroupRow[] = [
  row('DN', 1, 'Người lao động trong doanh nghiệp', 'Employees of enterprises'),
  row('HX', 1, 'Người lao động trong hợp tác xã', 'Employees of cooperatives'),
  row('CH', 1, 'Người lao động trong cơ quan nhà nước, đơn vị sự nghiệp', 'Employees of state agencies and public service units'),
  row('NN', 1, 'Người lao động trong tổ chức nước ngoài, quốc tế', 'Employees of foreign or international organisations'),
  row('TK', 1, 'Người lao động trong tổ chức khác', 'Employees of other organisations'),
  row('HC', 1, 'Cán bộ, công chức, viên chức', 'Civil servants and public employees'),
  row('XK', 1, 'Người hoạt động không chuyên trách ở xã', 'Part-time commune officials'),
  row('HT', 2, 'Người hưởng lương hưu, trợ cấp mất sức lao động', 'Pensioners and incapacity-allowance recipients'),
  row('TB', 2, 'Người hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp', 'Recipients of occupational accident or disease allowance'),
  row('NO', 2, 'Người lao động nghỉ ốm đau dài ngày', 'Employees on long-term sick leave'),
  row('CT', 2, 'Người từ 80 tuổi trở lên hưởng trợ cấp tuất hằng tháng', 'People aged 80+ receiving a monthly survivor allowance'),
  row('XB', 2, 'Cán bộ xã nghỉ việc hưởng trợ cấp BHXH hằng tháng', 'Retired commune officials on monthly social-insurance allowance'),
  row('TN', 2, 'Người hưởng trợ cấp thất nghiệp', 'Unemployment-benefit recipients'),
  row('CS', 2, 'Công nhân cao su nghỉ việc hưởng trợ cấp hằng tháng', 'Retired rubber workers on monthly allowance'),
  row('QN', 3, 'Quân nhân', 'Military personnel'),
  row('CA', 3, 'Công an nhân dân', 'People’s police'),
  row('CY', 3, 'Người làm công tác cơ yếu', 'Cipher staff'),
  row('XN', 3, 'Cán bộ xã nghỉ việc hưởng trợ cấp từ ngân sách nhà nước', 'Retired commune officials paid from the state budget'),
  row('MS', 3, 'Người thôi hưởng trợ cấp mất sức lao động', 'People whose incapacity allowance has ended'),
  row('CC', 3, 'Người có công với cách mạng', 'People with meritorious services to the revolution'),
  row('CK', 3, 'Người có công (nhóm khác), cựu chiến binh theo quy định', 'Other people with meritorious services'),
  row('CB', 3, 'Cựu chiến binh', 'Veterans'),
  row('KC', 3, 'Người tham gia kháng chiến', 'Resistance participants'),
  row('HD', 3, 'Đại biểu Quốc hội, đại biểu HĐND đương nhiệm', 'Serving National Assembly and People’s Council deputies'),
  row('TE', 3, 'Trẻ em dưới 6 tuổi', 'Children under 6'),
  row('BT', 3, 'Người hưởng trợ cấp xã hội hằng tháng', 'Recipients of monthly social allowance'),
  row('HN', 3, 'Người thuộc hộ nghèo', 'Members of poor households'),
  row('DT', 3, 'Người dân tộc thiểu số vùng khó khăn', 'Ethnic minorities in disadvantaged areas'),
  row('DK', 3, 'Người sống ở vùng đặc biệt khó khăn', 'Residents of especially disadvantaged areas'),
  row('XD', 3, 'Người sống ở xã đảo, huyện đảo', 'Residents of island communes and districts'),
  row('TS', 3, 'Thân nhân liệt sĩ', 'Relatives of martyrs'),
  row('TC', 3, 'Thân nhân người có công', 'Relatives of people with meritorious services'),
  row('TQ', 3, 'Thân nhân quân nhân', 'Relatives of military personnel'),
  row('TV', 3, 'Thân nhân công nhân viên quốc phòng', 'Relatives of defence civilian staff'),
  row('TA', 3, 'Thân nhân công an nhân dân', 'Relatives of police officers'),
  row('TY', 3, 'Thân nhân người làm công tác cơ yếu', 'Relatives of cipher staff'),
  row('HG', 3, 'Người hiến bộ phận cơ thể', 'Organ donors'),
  row('LS', 3, 'Lưu học sinh nước ngoài học tại Việt Nam', 'Foreign students on Vietnamese scholarships'),
  row('PV', 3, 'Người phục vụ người có công', 'Carers of people with meritorious services'),
  row('CN', 4, 'Người thuộc hộ cận nghèo', 'Members of near-poor households'),
  row('HS', 4, 'Học sinh', 'Pupils'),
  row('SV', 4, 'Sinh viên', 'Students'),
  row(
    'GB',
    4,
    'Người thuộc hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình',
    'Average-income farming, forestry, fishing and salt households',
  ),
  row('GD', 5, 'Người tham gia theo hộ gia đình', 'Household members insured by household'),
];

/** Refuses a malformed table at load: bad code, payer, dates, missing act, two rows of a code in force. */
export function validateBeneficiaryGroups(rows: readonly BeneficiaryGroupRow[]): DatedTable<BeneficiaryGroupRow> {
  return datedTable(rows, {
    name: 'beneficiary-groups',
    key: { name: 'code', of: (r) => r.code },
    ends: 'effectiveTo',
    check: (r) => [
      ...(/^[A-Z]{2}$/.test(r.code) ? [] : ['code must be two capital letters']),
      ...([1, 2, 3, 4, 5].includes(r.payer) ? [] : ['payer must be 1-5']),
      ...(r.nameVi?.trim() && r.nameEn?.trim() ? [] : ['names are required']),
    ],
  });
}

export const BENEFICIARY_GROUPS = validateBeneficiaryGroups(BENEFICIARY_GROUP_ROWS);

/** The group row in force for a code on a date, or null. */
export function beneficiaryGroupOn(code: string, date: string): BeneficiaryGroupRow | null {
  return BENEFICIARY_GROUPS.on(date, code);
}
