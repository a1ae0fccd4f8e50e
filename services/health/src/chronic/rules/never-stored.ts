/**
 * ICD-10 codes that are NEVER stored in this (shared) database: HIV status.
 *
 * Law on HIV/AIDS Prevention and Control 64/2006/QH11, Art. 8 (confidentiality of a person's
 * HIV status; disclosure only to the persons the law lists) and Personal Data Protection Law
 * 91/2025/QH15 (health data is sensitive). The records of this subgraph feed views shared with
 * social, home-affairs and association staff (care follow-up facts, aggregates), so an
 * HIV diagnosis is refused at the door: it belongs to the HIV/AIDS programme's own records.
 * B20-B24 is HIV disease; Z21 (asymptomatic HIV infection status) and R75 (inconclusive
 * laboratory evidence of HIV) reveal the same status and are refused too.
 */
export interface NeverStoredRow {
  from: string;
  to: string;
  reasonVi: string;
  reasonEn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalAct: string;
}

const ACT = 'Luật Phòng, chống HIV/AIDS số 64/2006/QH11, Điều 8; Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15';
const FROM = '2007-01-01';

export const NEVER_STORED_ROWS: readonly NeverStoredRow[] = [
  { from: 'B20', to: 'B24', reasonVi: 'Bệnh do HIV', reasonEn: 'HIV disease', effectiveFrom: FROM, effectiveTo: null, legalAct: ACT },
  {
    from: 'Z21',
    to: 'Z21',
    reasonVi: 'Nhiễm HIV không triệu chứng',
    reasonEn: 'Asymptomatic HIV infection status',
    effectiveFrom: FROM,
    effectiveTo: null,
    legalAct: ACT,
  },
  {
    from: 'R75',
    to: 'R75',
    reasonVi: 'Bằng chứng xét nghiệm HIV không xác định',
    reasonEn: 'Inconclusive laboratory evidence of HIV',
    effectiveFrom: FROM,
    effectiveTo: null,
    legalAct: ACT,
  },
];
