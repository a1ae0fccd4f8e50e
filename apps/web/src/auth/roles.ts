/**
 * The roles and purposes of docs/security.md (packages/auth/src/roles.ts and purposes.ts), as
 * the app offers them. A role's purposes are the ones its work needs; the user picks one when
 * there are several, it is shown in the header and sent as `x-access-purpose` with every
 * request. The gateway and the subgraphs decide what each role may read: the app only chooses
 * which pages to offer.
 */
export const ROLES = ['coordinator', 'commune-officer', 'social', 'health', 'association', 'homeaffairs', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PURPOSES = [
  'CARE_COORDINATION',
  'BENEFIT_ADMINISTRATION',
  'HEALTH_CARE',
  'ASSOCIATION_ACTIVITIES',
  'REGISTER_MAINTENANCE',
  'STATISTICS',
  'AUDIT',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ROLE_PURPOSES: Record<Role, readonly Purpose[]> = {
  coordinator: ['STATISTICS'],
  'commune-officer': ['CARE_COORDINATION', 'BENEFIT_ADMINISTRATION', 'STATISTICS'],
  social: ['BENEFIT_ADMINISTRATION', 'CARE_COORDINATION', 'STATISTICS'],
  health: ['HEALTH_CARE', 'CARE_COORDINATION', 'STATISTICS'],
  association: ['ASSOCIATION_ACTIVITIES', 'CARE_COORDINATION', 'STATISTICS'],
  homeaffairs: ['REGISTER_MAINTENANCE', 'STATISTICS'],
  auditor: ['AUDIT'],
  admin: ['REGISTER_MAINTENANCE', 'STATISTICS'],
};

/** Whether a role signs in for one commune: always (commune officer) or optionally (a commune health station). */
export const COMMUNE_CLAIM: Record<Role, 'required' | 'optional' | 'none'> = {
  coordinator: 'none',
  'commune-officer': 'required',
  social: 'none',
  health: 'optional',
  association: 'none',
  homeaffairs: 'none',
  auditor: 'none',
  admin: 'none',
};

export type Area = 'dashboard' | 'workbench' | 'accessLog';

/**
 * The app's areas a role is offered: the dashboard to every role that may read aggregates, the
 * workbench (register search, person page, follow-up lists) to every role that may read
 * identities, the access log to auditors.
 */
export function areasOf(role: Role): Area[] {
  if (role === 'auditor') return ['accessLog'];
  if (role === 'coordinator') return ['dashboard'];
  return ['workbench', 'dashboard'];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
