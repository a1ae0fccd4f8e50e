import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { citizenIdArg } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { refuse } from '@nct/rules';
import { normalizeDecisionNumber, openAllowanceProblems } from '../allowance/allowance.rules';
import { evaluateEligibility, label } from '../allowance/eligibility.rules';
import type { EntitlementKind } from '../allowance/rules/eligibility';
import type { Models } from '../models';
import { receivesPensionOn, type SocialRecordDoc } from '../records/social-record.model';
import type { AllowanceGroup, BenefitCaseDoc, BenefitKind } from './benefit-case.model';
import { caseIdFor } from './cases.rules';

export interface OpenCaseInput {
  citizenId: string;
  group?: AllowanceGroup | null;
  decisionNumber: string;
  decisionDate: string;
  startMonth: string;
  communeCode: string;
  identity: { birthDate: string; deathDate?: string | null; disadvantagedCommune?: boolean | null };
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

/**
 * Opens a case from a decision, refusing (and writing nothing) when the input is malformed,
 * when the person is not eligible for it as of the start month (the reasons are in the
 * error), when a higher entitlement applies, or when an open case already exists (same kind:
 * the unique open slot; the other kind: only the highest entitlement is paid).
 */
export async function openCase(models: Models, kind: BenefitKind, input: OpenCaseInput, today: string): Promise<BenefitCaseDoc> {
  const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
  const problems = openAllowanceProblems(input, today);
  const { birthDate, deathDate = null, disadvantagedCommune = null } = input.identity;
  if (!isIsoDate(birthDate) || birthDate > today) {
    problems.push({ field: 'identity.birthDate', vi: 'Ngày sinh không hợp lệ', en: 'identity.birthDate is not a valid past date' });
  }
  if (deathDate !== null && (!isIsoDate(deathDate) || deathDate > today || deathDate < birthDate)) {
    problems.push({
      field: 'identity.deathDate',
      vi: 'Ngày mất không hợp lệ',
      en: 'identity.deathDate is not a valid date between birth and today',
    });
  }
  if (problems.length) refuse(problems);

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
  const asOf = `${input.startMonth}-01`;
  const eligibility = evaluateEligibility(
    {
      birthDate,
      deathDate,
      disadvantagedCommune,
      poverty: record?.poverty ?? [],
      receivesPension: receivesPensionOn(record, asOf),
      disability: record?.disability ?? 'NONE',
      noSupporter: record?.noSupporter ?? false,
      careFacilityEligible: record?.careFacilityEligible ?? false,
      otherMonthlyAllowance: record?.otherMonthlyAllowance ?? false,
    },
    asOf,
  );
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
    communeCode: input.communeCode,
    openSlot: citizenId,
    decisionFacts: { birthDate, deathDate, disadvantagedCommune },
    suspendedFrom: null,
    stopReason: null,
    funeralSupport: null,
    history: [{ action: 'OPEN', month: input.startMonth, on: today, note: decisionNumber }],
  };
  try {
    await models.BenefitCase.create(doc);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    // Which unique key was hit: an open case for the person, or the decision number.
    const open = await models.BenefitCase.findOne({ kind, openSlot: citizenId }).lean<BenefitCaseDoc>();
    if (open) throw openConflict(kind, open);
    throw new ConflictError(
      { vi: `Số quyết định ${decisionNumber} đã được dùng`, en: `Decision number ${decisionNumber} is already used` },
      { field: 'decisionNumber' },
    );
  }
  return doc;
}
