/**
 * The chronic conditions the commune health station tracks for the elderly (the non-communicable
 * diseases the national programme asks to detect, treat and manage), as ICD-10 category ranges.
 *
 * Source of the list: Decision 1579/QĐ-TTg of 13 October 2020 approving the Programme on health
 * care for the elderly to 2030 (detect, treat and manage non-communicable diseases: 70% in 2025,
 * 90% in 2030), with the disease groups of the National strategy on NCD prevention (Decision
 * 155/QĐ-TTg of 29 January 2022: cardiovascular disease, cancer, diabetes, chronic obstructive
 * pulmonary disease and asthma, mental disorders) and the common geriatric conditions.
 * Codes: ICD-10 (WHO), as adopted in Vietnam by Decision 4469/QĐ-BYT of 28 October 2020.
 * Curated 2026-11-23 from secondary transcriptions of these acts (the primary texts were not
 * reachable from here); a new condition or a changed range is a new row with its own
 * effective date and act, never an edit of a row in force.
 */
export interface TrackedConditionRow {
  /** stable key of the condition group */
  key: string;
  /** first ICD-10 category of the range, letter + 2 digits (inclusive) */
  from: string;
  /** last ICD-10 category of the range (inclusive), same letter */
  to: string;
  nameVi: string;
  nameEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalAct: string;
}

const ACT =
  'Quyết định 1579/QĐ-TTg ngày 13/10/2020; Quyết định 155/QĐ-TTg ngày 29/01/2022; mã ICD-10 theo Quyết định 4469/QĐ-BYT ngày 28/10/2020';
const FROM = '2020-10-28';

const row = (key: string, from: string, to: string, nameVi: string, nameEn: string): TrackedConditionRow => ({
  key,
  from,
  to,
  nameVi,
  nameEn,
  effectiveFrom: FROM,
  effectiveTo: null,
  legalAct: ACT,
});

export const TRACKED_CONDITION_ROWS: readonly TrackedConditionRow[] = [
  row('HYPERTENSION', 'I10', 'I15', 'Tăng huyết áp', 'Hypertensive diseases'),
  row('ISCHAEMIC_HEART_DISEASE', 'I20', 'I25', 'Bệnh tim thiếu máu cục bộ', 'Ischaemic heart diseases'),
  row('HEART_FAILURE', 'I50', 'I50', 'Suy tim', 'Heart failure'),
  row('CEREBROVASCULAR_DISEASE', 'I60', 'I69', 'Bệnh mạch máu não (đột quỵ và di chứng)', 'Cerebrovascular diseases (stroke and sequelae)'),
  row('DIABETES', 'E10', 'E14', 'Đái tháo đường', 'Diabetes mellitus'),
  row('COPD', 'J44', 'J44', 'Bệnh phổi tắc nghẽn mạn tính', 'Chronic obstructive pulmonary disease'),
  row('ASTHMA', 'J45', 'J45', 'Hen phế quản', 'Asthma'),
  row('CANCER', 'C00', 'C97', 'Ung thư', 'Malignant neoplasms'),
  row('CHRONIC_KIDNEY_DISEASE', 'N18', 'N18', 'Bệnh thận mạn', 'Chronic kidney disease'),
  row('DEMENTIA', 'F00', 'F03', 'Sa sút trí tuệ', 'Dementia'),
  row('DEPRESSION', 'F32', 'F33', 'Trầm cảm', 'Depressive episodes and recurrent depression'),
  row('ALZHEIMER', 'G30', 'G30', 'Bệnh Alzheimer', 'Alzheimer disease'),
  row('PARKINSON', 'G20', 'G20', 'Bệnh Parkinson', 'Parkinson disease'),
  row('OSTEOARTHRITIS', 'M15', 'M19', 'Thoái hóa khớp', 'Osteoarthritis'),
  row('OSTEOPOROSIS', 'M80', 'M81', 'Loãng xương', 'Osteoporosis'),
];
