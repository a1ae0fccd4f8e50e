import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { citizenIdArg, inTransaction } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { refuse, type Problem } from '@nct/rules';
import { normalizeDecisionNumber, openAllowanceProblems } from '../allowance/allowance.rules';
import { eligibilityFacts, evaluateEligibility, label } from '../allowance/eligibility.rules';
import type { EntitlementKind } from '../allowance/rules/eligibility';
import { dbOf, type Models } from '../models';
import type { SocialRecordDoc } from '../records/social-record.model';
import { refuseMismatches, type Mismatch } from '../register/identity-mismatch';
import type { RegisterPort } from '../register/register.port';
import { disadvantagedOn, residenceInMonth } from '../register/residence.rules';
import type { AllowanceGroup, BenefitCaseDoc, BenefitKind } from './benefit-case.model';
import { caseIdFor } from './cases.rules';

/**
 * A decision to open a case. Identity (birth date, death date, residence commune in the start
 * month and whether it is especially disadvantaged) comes from the register; what the caller
 * sends in `identity` and `communeCode` is only compared with it.
 */
export interface OpenCaseInput {
  citizenId: string;
  group?: AllowanceGroup | null;
  decisionNumber: string;
  decisionDate: string;
  startMonth: string;
  communeCode?: string | null;
  identity?: { birthDate?: string | null; deathDate?: string | null; disadvantagedCommune?: boolean | null } | null;
}

const KIND_LABEL: Record<BenefitKind, { vi: string; en: string }> = {
  ALLOWANCE: { vi: 'trợ cấp xã hội', en: 'allowance' },
  SOCIAL_PENSION: { vi: 'trợ cấp hưu trí xã hội', en: 'social pension' },
};

function openConflict(kind: BenefitKind, open: BenefitCaseDoc): ConflictError {
  return new ConflictError(
    {
      vi: `Người này đang có hồ sơ ${KIND_LABEL[kind].vi} ${open.caseId} (${open.status}); chỉ được hưởng một mức cao nhất; hãy thôi hồ sơ hiện tại trước`,
      en: `This person already has ${KIND_LABEL[kind].en} case ${open.caseId} (${open.status}); only the highest entitlement is paid; stop the current case first`,
    },
    { field: 'citizenId', caseId: open.caseId },
  );
}

function decisionConflict(decisionNumber: string): ConflictError {
  return new ConflictError(
    { vi: `Số quyết định ${decisionNumber} đã được dùng`, en: `Decision number ${decisionNumber} is already used` },
    { field: 'decisionNumber' },
  );
}

/** The shape of what the caller asserts (checked before the register is asked). */
function assertionProblems(input: OpenCaseInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const { birthDate = null, deathDate = null } = input.identity ?? {};
  if (birthDate !== null && (!isIsoDate(birthDate) || birthDate > today)) {
    problems.push({ field: 'identity.birthDate', vi: 'Ngày sinh không hợp lệ', en: 'identity.birthDate is not a valid past date' });
  }
  if (deathDate !== null && (!isIsoDate(deathDate) || deathDate > today || (birthDate !== null && deathDate < birthDate))) {
    problems.push({
      field: 'identity.deathDate',
      vi: 'Ngày mất không hợp lệ',
      en: 'identity.deathDate is not a valid date between birth and today',
    });
  }
  return problems;
}

/**
 * Opens a case from a decision, in one transaction (joined by the idempotency record when the
 * call carries a key), refusing and writing nothing when the input is malformed; when the
 * register does not know the person (NOT_FOUND) or cannot be reached (DEPENDENCY_UNAVAILABLE);
 * when what the caller asserts differs from the register (IDENTITY_MISMATCH, every field with
 * both values); when the register has no residence for the start month; when the person is not
 * eligible as of the start month (the reasons are in the error); when a higher entitlement
 * applies; or when an open case already exists (same kind: the unique open slot; the other
 * kind: only the highest entitlement is paid). The case's commune is the register's residence
 * commune in the start month.
 */
export async function openCase(
  models: Models,
  register: RegisterPort,
  kind: BenefitKind,
  input: OpenCaseInput,
  request: { today: string; requestId?: string },
): Promise<BenefitCaseDoc> {
  const { today } = request;
  const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
  const problems = [...openAllowanceProblems(input, today), ...assertionProblems(input, today)];
  if (problems.length) refuse(problems);

  const person = await register.identity(citizenId, request.requestId);
  if (!person) {
    throw new NotFoundError(
      { vi: 'Sổ đăng ký không có người này', en: 'The register does not know this person' },
      { field: 'citizenId', reason: 'NOT_IN_REGISTER' },
    );
  }
  const asOf = `${input.startMonth}-01`;
  const residence = residenceInMonth(person.residenceHistory, input.startMonth);
  const disadvantaged = residence ? disadvantagedOn(residence, asOf).length > 0 : false;
  const asserted = input.identity ?? {};
  const mismatches: Mismatch[] = [];
  if (asserted.birthDate != null && asserted.birthDate !== person.birthDate)
    mismatches.push({ field: 'identity.birthDate', given: asserted.birthDate, register: person.birthDate });
  if (asserted.deathDate != null && asserted.deathDate !== person.deathDate)
    mismatches.push({ field: 'identity.deathDate', given: asserted.deathDate, register: person.deathDate });
  if (asserted.disadvantagedCommune != null && asserted.disadvantagedCommune !== disadvantaged)
    mismatches.push({ field: 'identity.disadvantagedCommune', given: asserted.disadvantagedCommune, register: disadvantaged });
  if (input.communeCode != null && input.communeCode !== (residence?.communeCode ?? null))
    mismatches.push({ field: 'communeCode', given: input.communeCode, register: residence?.communeCode ?? null });
  refuseMismatches(mismatches);
  if (!residence) {
    refuse(
      [
        {
          field: 'startMonth',
          vi: `Sổ đăng ký không có nơi cư trú của người này trong tháng ${input.startMonth}`,
          en: `The register has no residence for this person in ${input.startMonth}`,
        },
      ],
      { reason: 'NO_RESIDENCE' },
    );
  }

  return inTransaction(dbOf(models), async () => {
    const sameOpen = await models.BenefitCase.findOne({ kind, openSlot: citizenId }).lean<BenefitCaseDoc>();
    if (sameOpen) throw openConflict(kind, sameOpen);
    const other: BenefitKind = kind === 'ALLOWANCE' ? 'SOCIAL_PENSION' : 'ALLOWANCE';
    const otherOpen = await models.BenefitCase.findOne({ kind: other, openSlot: citizenId }).lean<BenefitCaseDoc>();
    if (otherOpen) {
      throw new ConflictError(
        {
          vi: `Người này đang hưởng ${KIND_LABEL[other].vi} (hồ sơ ${otherOpen.caseId}); chỉ được hưởng một mức cao nhất; hãy thôi hồ sơ đó trước`,
          en: `This person has an open ${KIND_LABEL[other].en} case ${otherOpen.caseId}; only the highest entitlement is paid; stop it first`,
        },
        { field: 'citizenId', caseId: otherOpen.caseId },
      );
    }

    const record = await models.SocialRecord.findOne({ _id: citizenId }).lean<SocialRecordDoc>();
    const eligibility = evaluateEligibility(eligibilityFacts(person, record), asOf);
    const wanted: EntitlementKind = kind === 'SOCIAL_PENSION' ? 'SOCIAL_PENSION' : input.group!;
    const option = eligibility.considered.find((o) => o.kind === wanted);
    const reasons = eligibility.reasons.map((r) => ({ messageVi: r.vi, messageEn: r.en }));
    if (!option?.eligible) {
      const why = option?.reasons ?? eligibility.reasons;
      refuse(
        why.map((r) => ({
          field: 'eligibility',
          vi: `Không đủ điều kiện ${label(wanted).vi} tháng ${input.startMonth}: ${r.vi}`,
          en: `Not eligible for ${label(wanted).en} in ${input.startMonth}: ${r.en}`,
        })),
        { reason: 'NOT_ELIGIBLE', eligibilityReasons: reasons },
      );
    }
    if (eligibility.chosen && eligibility.chosen !== wanted && (eligibility.monthlyAmount ?? 0) > (option.monthlyAmount ?? 0)) {
      const chosen = eligibility.chosen;
      refuse(
        [
          {
            field: 'eligibility',
            vi: `Chỉ hưởng mức cao nhất: ${label(chosen).vi} (${eligibility.monthlyAmount}) cao hơn ${label(wanted).vi} (${option.monthlyAmount})`,
            en: `Only the highest entitlement is paid: ${label(chosen).en} (${eligibility.monthlyAmount}) is higher than ${label(wanted).en} (${option.monthlyAmount})`,
          },
        ],
        { reason: 'HIGHER_ENTITLEMENT', higher: chosen, eligibilityReasons: reasons },
      );
    }

    const decisionNumber = normalizeDecisionNumber(input.decisionNumber);
    // Checked before writing: a failed insert aborts the transaction, nothing can be read after it.
    if (await models.BenefitCase.exists({ kind, decisionNumber })) throw decisionConflict(decisionNumber);
    const caseId = caseIdFor(kind, decisionNumber);
    const doc: BenefitCaseDoc = {
      caseId,
      kind,
      citizenId,
      group: kind === 'ALLOWANCE' ? input.group! : null,
      decisionNumber,
      decisionDate: input.decisionDate,
      startMonth: input.startMonth,
      status: 'ACTIVE',
      stopMonth: null,
      communeCode: residence.communeCode,
      openSlot: citizenId,
      // eligible, so the register has a birth date (the engine refuses without one)
      decisionFacts: { birthDate: person.birthDate!, deathDate: person.deathDate, disadvantagedCommune: disadvantaged },
      suspendedFrom: null,
      stopReason: null,
      funeralSupport: null,
      history: [{ action: 'OPEN', month: input.startMonth, on: today, note: decisionNumber }],
    };
    try {
      await models.BenefitCase.create([doc]);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // A concurrent decision took a unique key (the open slot or the decision number).
      throw new ConflictError(
        {
          vi: `Người này vừa được mở hồ sơ hoặc số quyết định ${decisionNumber} vừa được dùng; không ghi gì`,
          en: `A case was just opened for this person or decision number ${decisionNumber} was just used; nothing was written`,
        },
        { field: 'citizenId' },
      );
    }
    return doc;
  });
}
