import type { Identity, Role } from './roles';
import type { Purpose } from './purposes';

/**
 * Named access rules. Every field, query and mutation that is not public reference data
 * names one of these next to its declaration (`@Access('HEALTH_CHECKS')` in the subgraph
 * code); the subgraph that owns the data enforces it. `personal` rules also need a declared
 * purpose, and for a caller limited to a commune they cover that commune's people only
 * (the resolvers apply the commune limit to lists, counts and single reads).
 */
export interface Policy {
  roles: readonly Role[];
  personal: boolean;
  /** When set, the only purposes this rule may be used for (otherwise any declared purpose). */
  purposes?: readonly Purpose[];
  vi: string;
  en: string;
}

const STAFF: readonly Role[] = ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'admin'];

export const POLICIES = {
  /** Name, birth date, sex, residence, death: everyone who works with people. */
  IDENTITY: { roles: STAFF, personal: true, vi: 'thông tin định danh', en: 'identity data' },
  /** Allowance and social-pension cases. */
  SOCIAL_DATA: { roles: ['social', 'commune-officer'], personal: true, vi: 'dữ liệu trợ giúp xã hội', en: 'social-protection data' },
  /** BHYT card number and validity (administrative, needed to check allowance recipients' cards). */
  INSURANCE_CARD: { roles: ['health', 'social', 'commune-officer'], personal: true, vi: 'thẻ bảo hiểm y tế', en: 'health-insurance card' },
  /** That a health record exists, where it is kept. */
  HEALTH_RECORD: { roles: ['health'], personal: true, vi: 'hồ sơ sức khỏe', en: 'health record' },
  /** Periodic check results: health staff only (PDP Law 91/2025: health data is sensitive). */
  HEALTH_CHECKS: { roles: ['health'], personal: true, vi: 'kết quả khám sức khỏe', en: 'health check results' },
  /**
   * Derived yes/no facts a follow-up needs and nothing more (a check is due this year, a home
   * visit was made this quarter, a BHYT card is valid today): no results, codes or diagnoses.
   * Lets a commune officer or the association invite a club's priority members to a check
   * without seeing health data (PDP Law 91/2025: access limited to what the purpose needs).
   */
  CARE_FOLLOW_UP: {
    roles: ['health', 'social', 'association', 'commune-officer'],
    personal: true,
    vi: 'thông tin theo dõi chăm sóc',
    en: 'care follow-up facts',
  },
  /** Membership, clubs, club members. */
  ASSOCIATION_DATA: { roles: ['association', 'commune-officer'], personal: true, vi: 'dữ liệu hội viên', en: 'association data' },
  /** Writing the register. */
  REGISTER_WRITE: { roles: ['homeaffairs', 'admin'], personal: true, vi: 'cập nhật sổ đăng ký', en: 'register updates' },
  SOCIAL_WRITE: { roles: ['social'], personal: true, vi: 'cập nhật hồ sơ trợ giúp xã hội', en: 'social-protection updates' },
  HEALTH_WRITE: { roles: ['health'], personal: true, vi: 'cập nhật dữ liệu y tế', en: 'health-data updates' },
  ASSOCIATION_WRITE: { roles: ['association'], personal: true, vi: 'cập nhật dữ liệu hội', en: 'association-data updates' },
  /**
   * Delivering register events to the other agencies (`<subgraph>ApplyDeath`): only the
   * register's service principal (`svc-homeaffairs`, role homeaffairs), for register
   * maintenance (docs/consistency.md section 2).
   */
  REGISTER_EVENTS: {
    roles: ['homeaffairs'],
    personal: true,
    purposes: ['REGISTER_MAINTENANCE'],
    vi: 'nhận sự kiện từ sổ đăng ký',
    en: 'receiving register events',
  },
  /** Organisation records, implementation plans and their tasks, club and fund books (no personal rows). */
  ORGANISATION_WRITE: {
    roles: ['homeaffairs', 'association', 'admin'],
    personal: false,
    vi: 'cập nhật dữ liệu tổ chức',
    en: 'organisation-data updates',
  },
  /** Public reference data (administrative units): any signed-in caller. */
  REFERENCE: {
    roles: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'coordinator', 'auditor', 'admin'],
    personal: false,
    vi: 'dữ liệu danh mục',
    en: 'reference data',
  },
  /** Club facts that identify nobody (name, commune, founding decision). */
  ORGANISATION: { roles: [...STAFF, 'coordinator'], personal: false, vi: 'dữ liệu tổ chức', en: 'organisation data' },
  /**
   * Personal rows one subgraph hands to another to be counted, never shown: the club members'
   * citizen IDs health counts chronic-disease management over (Q11, `ClubMemberCohort`). The
   * caller sees only the aggregate (small cells withheld); every person processed is written
   * to the access log, so the purpose must be STATISTICS.
   */
  AGGREGATE_PROCESSING: {
    roles: [...STAFF, 'coordinator'],
    personal: true,
    purposes: ['STATISTICS'],
    vi: 'xử lý dữ liệu cá nhân thành số liệu tổng hợp',
    en: 'processing personal data into aggregate figures',
  },
  /** Aggregates with small cells suppressed. */
  AGGREGATES: { roles: [...STAFF, 'coordinator'], personal: false, vi: 'số liệu tổng hợp', en: 'aggregate figures' },
  /** The access log. */
  AUDIT_LOG: { roles: ['auditor'], personal: false, vi: 'nhật ký truy cập', en: 'the access log' },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;

export type AccessDecision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; vi: string; en: string };

/** Whether `identity`, reading for `purpose`, may use what `policy` guards. */
export function decide(identity: Identity, purpose: Purpose | null, policy: PolicyName): AccessDecision {
  const rule: Policy = POLICIES[policy];
  if (identity.role === null) {
    return { allowed: false, code: 'UNAUTHENTICATED', vi: 'Cần đăng nhập', en: 'Authentication required' };
  }
  if (!rule.roles.includes(identity.role)) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      vi: `Vai trò ${identity.role} không được xem ${rule.vi}`,
      en: `Role ${identity.role} may not access ${rule.en}`,
    };
  }
  if (rule.personal && purpose === null) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      vi: 'Truy cập dữ liệu cá nhân phải nêu mục đích (tiêu đề x-access-purpose)',
      en: 'Reading personal data needs a declared purpose (x-access-purpose header)',
    };
  }
  if (rule.purposes && (purpose === null || !rule.purposes.includes(purpose))) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      vi: `${rule.vi} chỉ dành cho mục đích ${rule.purposes.join(', ')}`,
      en: `${rule.en} is only for the purpose ${rule.purposes.join(', ')}`,
    };
  }
  return { allowed: true };
}

/** The commune a caller is limited to for personal data, or null when not limited. */
export function communeLimit(identity: Identity): string | null {
  return identity.commune;
}

/** `@requiresScopes` value documenting a policy in the supergraph: any one of its roles. */
export function scopesOf(policy: PolicyName): string[][] {
  return POLICIES[policy].roles.map((r) => [`role:${r}`]);
}
