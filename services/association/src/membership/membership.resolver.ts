import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, assertInScope, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { communeCodeProblems, Problem, refuse } from '@nct/rules';
import type { BranchDoc } from '../branches/branch.model';
import { cleanText, textProblem } from '../common/problems';
import type { Models } from '../models';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { identityMismatches, refuseMismatches, registeredIdentity } from '../register/register';
import type { AssociationDeps } from '../services';
import { AssociationMembership, Branch, CreateBranchInput, JoinAssociationInput } from './membership';
import type { MembershipDoc } from './membership.model';
import { BRANCH_ID_PATTERN, joiningAgeProblem, joinProblems } from './membership.rules';

const withDefaults = (d: MembershipDoc) => ({
  ...d,
  branchId: d.branchId ?? null,
  groupName: d.groupName ?? null,
  endedOn: d.endedOn ?? null,
});

@Resolver(() => AssociationMembership)
export class MembershipResolver {
  constructor(private readonly deps: AssociationDeps) {}

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => AssociationMembership, {
    description:
      'Kết nạp hội viên vào một chi hội. Điều kiện đủ 60 tuổi theo ngày sinh trong sổ đăng ký (đọc qua cổng dữ liệu); ngày sinh nhập khác sổ: IDENTITY_MISMATCH; sổ không có người này: NOT_FOUND; sổ không trả lời: DEPENDENCY_UNAVAILABLE, không ghi gì (xem docs/membership-age.md). / Admit a member; the age-60 rule uses the register’s birth date, read through the graph; a different birth date given is IDENTITY_MISMATCH; unknown to the register: NOT_FOUND; register unreachable: DEPENDENCY_UNAVAILABLE, nothing written.',
  })
  async joinAssociation(
    @Arg('input', () => JoinAssociationInput) input: JoinAssociationInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<MembershipDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = joinProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    const branch = await this.deps.Branch.findOne({ branchId: input.branchId }).lean<BranchDoc | null>();
    if (!branch)
      throw new NotFoundError({ vi: `Không có chi hội ${input.branchId}`, en: `No branch ${input.branchId}` }, { field: 'branchId' });
    assertInScope(ctx, branch.communeCode);
    const groupName = input.groupName == null ? null : cleanText(input.groupName);
    if (groupName !== null && !branch.groups.includes(groupName)) {
      refuse([
        {
          field: 'groupName',
          vi: `Chi hội ${branch.name} không có tổ ${groupName}`,
          en: `Branch ${branch.branchId} has no group ${groupName}`,
        },
      ]);
    }
    // The age rule on the register's dates; what the applicant declared is only compared.
    const identity = await registeredIdentity(this.deps.graph, ctx, input.citizenId);
    refuseMismatches(identityMismatches({ birthDate: input.birthDate }, identity));
    const age = joiningAgeProblem(identity, input.joinedOn);
    if (age) refuse([age]);
    const doc: MembershipDoc = {
      citizenId: input.citizenId,
      branchName: branch.name,
      branchId: branch.branchId,
      groupName,
      communeCode: branch.communeCode,
      joinedOn: input.joinedOn,
      cardNumber: cleanText(input.cardNumber).toUpperCase(),
      status: 'ACTIVE',
      declaredBirthDate: input.birthDate ?? null,
      endedOn: null,
    };
    return idempotent(ctx, this.deps.Membership.db, { operation: 'joinAssociation', key, input: doc }, async () => {
      // Which unique index would refuse it, asked first: the person, or the card.
      if (await this.deps.Membership.exists({ citizenId: doc.citizenId })) {
        throw new ConflictError(
          { vi: `Người có số định danh ${doc.citizenId} đã là hội viên`, en: `Citizen ${doc.citizenId} is already a member` },
          { field: 'citizenId' },
        );
      }
      if (await this.deps.Membership.exists({ cardNumber: doc.cardNumber })) {
        throw new ConflictError(
          { vi: `Số thẻ ${doc.cardNumber} đã được cấp cho hội viên khác`, en: `Card number ${doc.cardNumber} is already issued` },
          { field: 'cardNumber' },
        );
      }
      try {
        await this.deps.Membership.create([doc]);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw new ConflictError(
          { vi: 'Hội viên hoặc số thẻ vừa được ghi, hãy thử lại', en: 'The member or the card was recorded meanwhile; try again' },
          { field: 'citizenId' },
        );
      }
      return withDefaults(doc);
    });
  }
}

@Resolver(() => Branch)
export class BranchResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @Query(() => [Branch], { description: "Các chi hội của xã, theo mã. / The commune's branches by ID." })
  async branches(@Arg('communeCode') communeCode: string): Promise<BranchDoc[]> {
    const badCode = communeCodeProblems(communeCode);
    if (badCode.length) refuse(badCode);
    return this.models.Branch.find({ communeCode }).sort({ branchId: 1 }).lean<BranchDoc[]>();
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => Branch, {
    description: 'Lập chi hội (mã xã lấy từ mã chi hội). / Create a branch; the commune comes from the branch ID.',
  })
  async createBranch(
    @Arg('input', () => CreateBranchInput) input: CreateBranchInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<BranchDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems: Problem[] = [];
    if (!BRANCH_ID_PATTERN.test(input.branchId))
      problems.push({ field: 'branchId', vi: 'Mã chi hội có dạng CH-xxxxx-nnn', en: 'branchId must look like CH-12345-001' });
    for (const p of [textProblem('name', input.name, 100), textProblem('village', input.village, 100)]) if (p) problems.push(p);
    if (!Array.isArray(input.groups) || input.groups.length > 30)
      problems.push({ field: 'groups', vi: 'Tối đa 30 tổ hội', en: 'At most 30 groups' });
    else {
      for (const g of input.groups) {
        const p = textProblem('groups', g, 100);
        if (p) {
          problems.push(p);
          break;
        }
      }
      if (new Set(input.groups.map(cleanText)).size !== input.groups.length)
        problems.push({ field: 'groups', vi: 'Tên tổ hội trùng nhau', en: 'Group names repeat' });
    }
    if (problems.length) refuse(problems);
    const doc: BranchDoc = {
      branchId: input.branchId,
      communeCode: input.branchId.slice(3, 8),
      name: cleanText(input.name),
      village: cleanText(input.village),
      groups: input.groups.map(cleanText),
    };
    const exists = (field: 'branchId' | 'name') =>
      new ConflictError({ vi: `Đã có chi hội với ${field} này`, en: `A branch with this ${field} exists` }, { field });
    return idempotent(ctx, this.models.Branch.db, { operation: 'createBranch', key, input: doc }, async () => {
      if (await this.models.Branch.exists({ branchId: doc.branchId })) throw exists('branchId');
      if (await this.models.Branch.exists({ communeCode: doc.communeCode, name: doc.name })) throw exists('name');
      try {
        await this.models.Branch.create([doc]);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw exists('branchId'); // created meanwhile
      }
      return doc;
    });
  }
}
