import {
  HIV_REFUSAL,
  icd10Problems,
  isNeverStored,
  recordChronicProblems,
  trackedConditionOf,
  validateNeverStored,
  validateTrackedConditions,
} from './chronic.rules';
import { NEVER_STORED_ROWS } from './rules/never-stored';
import { TRACKED_CONDITION_ROWS } from './rules/tracked-conditions';

const TODAY = '2026-03-10';

// ICD-10 (WHO; Decision 4469/QĐ-BYT 2020): category = letter + 2 digits, optional dot + subdivision.
// Tracked list: Decision 1579/QĐ-TTg (2020) NCD management of the elderly; Decision 155/QĐ-TTg (2022).
describe('ICD-10 codes of tracked chronic conditions', () => {
  it.each([
    ['I10', 'HYPERTENSION'],
    ['I15', 'HYPERTENSION'],
    ['I15.0', 'HYPERTENSION'],
    ['E10', 'DIABETES'],
    ['E11.9', 'DIABETES'],
    ['E14.65', 'DIABETES'],
    ['J44', 'COPD'],
    ['J44.1', 'COPD'],
    ['I25.10', 'ISCHAEMIC_HEART_DISEASE'],
    ['C50.912', 'CANCER'],
    ['F03', 'DEMENTIA'],
    ['M17.9', 'OSTEOARTHRITIS'],
    ['N18.5', 'CHRONIC_KIDNEY_DISEASE'],
  ])('accepts %s as %s', (code, key) => {
    expect(icd10Problems(code, TODAY)).toEqual([]);
    expect(trackedConditionOf(code, TODAY)?.key).toBe(key);
  });

  it.each([
    ['I16', 'NOT_TRACKED'], // just after the hypertension range
    ['E15', 'NOT_TRACKED'], // just after diabetes
    ['J43', 'NOT_TRACKED'], // emphysema: not in the table
    ['A09', 'NOT_TRACKED'],
    ['i10', 'LOWER_CASE'],
    ['e11.9', 'LOWER_CASE'],
    ['I1', 'BAD_SHAPE'],
    ['I100', 'BAD_SHAPE'],
    ['10I', 'BAD_SHAPE'],
    ['I10.', 'BAD_SHAPE'],
    ['I10.12345', 'BAD_SHAPE'],
    ['I10-9', 'BAD_SHAPE'],
    [' I10', 'BAD_SHAPE'],
    ['', 'BAD_SHAPE'],
    ['I'.repeat(40), 'BAD_SHAPE'],
  ])('refuses %j: %s', (code, problem) => {
    const problems = icd10Problems(code, TODAY);
    expect(problems.map((p) => p.problem)).toEqual([problem]);
    expect(problems[0].vi && problems[0].en).toBeTruthy();
  });

  it('knows the table only from its effective date', () => {
    expect(icd10Problems('I10', '2020-10-27').map((p) => p.problem)).toEqual(['NOT_TRACKED']);
  });
});

// Law on HIV/AIDS 64/2006/QH11 Art. 8 and PDP Law 91/2025: HIV status never enters a shared view.
describe('HIV codes are refused, never stored', () => {
  it.each(['B20', 'B21', 'B22', 'B23', 'B24', 'B20.0', 'B24.9', 'b20', 'b22.7', 'Z21', 'R75'])('refuses %s with HIV_NOT_STORED', (code) => {
    expect(isNeverStored(code, TODAY)).toBe(true);
    const problems = icd10Problems(code, TODAY);
    expect(problems.map((p) => p.problem)).toEqual(['HIV_NOT_STORED']);
    // one fixed message whatever the code: the refused code itself is never echoed back
    expect(problems[0]).toMatchObject({ vi: HIV_REFUSAL.vi, en: HIV_REFUSAL.en });
    expect(problems[0].en).toMatch(/never stored/);
  });

  it.each(['B19', 'B25', 'Z20', 'R74'])('does not treat the neighbour %s as HIV', (code) => {
    expect(isNeverStored(code, TODAY)).toBe(false);
  });

  it('refuses an HIV code alone, whatever else is wrong with the request', () => {
    const problems = recordChronicProblems({ citizenId: 'x', code: 'B20', diagnosedOn: 'bad', underManagement: true, facility: '' }, TODAY);
    expect(problems.map((p) => p.problem)).toEqual(['HIV_NOT_STORED']);
  });
});

describe('recording a chronic condition', () => {
  const valid = {
    citizenId: '012140000001',
    code: 'I10',
    diagnosedOn: '2020-11-01',
    underManagement: true,
    facility: 'Trạm Y tế xã Tam Đường',
  };
  it('accepts a consistent record', () => {
    expect(recordChronicProblems(valid, TODAY)).toEqual([]);
  });
  it.each([
    [{ citizenId: '1234' }, 'citizenId'],
    [{ diagnosedOn: '2026-03-11' }, 'diagnosedOn'],
    [{ diagnosedOn: '2026-02-30' }, 'diagnosedOn'],
    [{ code: 'I16' }, 'code'],
    [{ code: 'I10', diagnosedOn: '2019-01-01' }, 'code'], // before the table was in force
    [{ facility: ' ' }, 'facility'],
    [{ facility: 'x'.repeat(201) }, 'facility'],
  ])('refuses %j', (change, field) => {
    expect(recordChronicProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });
});

describe('tracked-condition and never-stored tables', () => {
  const good = TRACKED_CONDITION_ROWS[0];
  it.each([
    [{ from: 'I1' }],
    [{ to: 'J15' }], // another letter
    [{ from: 'I16', to: 'I10' }],
    [{ key: 'hypertension' }],
    [{ effectiveFrom: '28/10/2020' }],
    [{ effectiveTo: '2019-01-01' }],
    [{ legalAct: ' ' }],
    [{ nameVi: '' }],
  ])('refuses a malformed row %j', (change) => {
    expect(() => validateTrackedConditions([{ ...good, ...change }], NEVER_STORED_ROWS)).toThrow();
  });

  it('refuses any row that would let an HIV code in', () => {
    expect(() => validateTrackedConditions([{ ...good, key: 'INFECTIONS', from: 'B15', to: 'B25' }], NEVER_STORED_ROWS)).toThrow(
      /never-stored/,
    );
    expect(() => validateTrackedConditions([{ ...good, key: 'STATUS', from: 'Z21', to: 'Z21' }], NEVER_STORED_ROWS)).toThrow(
      /never-stored/,
    );
  });

  it('refuses two rows in force at once for the same categories, accepts a successor row', () => {
    expect(() => validateTrackedConditions([good, { ...good, key: 'OTHER', from: 'I12', to: 'I12' }], NEVER_STORED_ROWS)).toThrow(
      /overlaps/,
    );
    expect(() =>
      validateTrackedConditions(
        [
          { ...good, effectiveTo: '2029-12-31' },
          { ...good, effectiveFrom: '2030-01-01' },
        ],
        NEVER_STORED_ROWS,
      ),
    ).not.toThrow();
  });

  it('refuses a malformed never-stored row', () => {
    expect(() => validateNeverStored([{ ...NEVER_STORED_ROWS[0], from: 'B2' }])).toThrow();
    expect(() => validateNeverStored([{ ...NEVER_STORED_ROWS[0], reasonEn: '' }])).toThrow();
  });

  it('has hypertension I10-I15, diabetes E10-E14 and COPD J44 with their source', () => {
    const byKey = new Map(TRACKED_CONDITION_ROWS.map((r) => [r.key, r]));
    expect(byKey.get('HYPERTENSION')).toMatchObject({ from: 'I10', to: 'I15' });
    expect(byKey.get('DIABETES')).toMatchObject({ from: 'E10', to: 'E14' });
    expect(byKey.get('COPD')).toMatchObject({ from: 'J44', to: 'J44' });
    for (const r of TRACKED_CONDITION_ROWS) expect(r.legalAct).toMatch(/1579\/QĐ-TTg/);
  });
});
