import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The members of the intergenerational clubs of a scope, a commune or the province (Q11). It
 * is an entity so that another agency can count over its members without seeing them: the
 * member list (`memberCitizenIds`) is `@inaccessible`, out of the client API, and reaches only
 * the subgraph whose field `@requires` it (health's `chronicDiseaseManagement`).
 */
@ObjectType({
  description:
    'Hội viên các câu lạc bộ liên thế hệ của một xã hoặc của tỉnh, để so sánh với người không tham gia bằng số liệu tổng hợp (Q11); danh sách người không bao giờ được trả về. / The members of the intergenerational clubs of a commune or of the province, compared with non-members through aggregates only (Q11); the list of people is never returned.',
})
@Directive('@key(fields: "scope")')
export class ClubMemberCohort {
  @Field({ description: 'Phạm vi: mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số). / Scope: commune (5 digits) or province (2 digits).' })
  scope!: string;
}

/** The scope of a cohort: a 5-digit commune code, or this deployment's province code. */
export function isCohortScope(scope: string, province: string): boolean {
  return /^\d{5}$/.test(scope) || scope === province;
}
