/**
 * Who a caller is, for the graph. A role comes from the verified identity token; a commune
 * claim narrows a role to one commune (commune officers always, health staff of a commune
 * health station optionally).
 */
export const ROLES = [
  'social', // Sở LĐ-TBXH staff: allowances, social pension
  'health', // Sở Y tế staff (with a commune claim: that commune's health station)
  'homeaffairs', // Sở Nội vụ staff: register, units, organisation records
  'association', // Hội Người cao tuổi staff: members, clubs
  'commune-officer', // commune People's Committee officer, one commune only
  'coordinator', // provincial dashboards: aggregates only, no personal rows
  'auditor', // reads the access log, nothing else
  'admin', // system administration: identity and organisation data, no health data
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A verified caller. `anonymous` has no role and may read nothing personal. */
export interface Identity {
  subject: string;
  role: Role | null;
  /** 5-digit commune the caller is limited to, or null. */
  commune: string | null;
  agency: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({ subject: 'anonymous', role: null, commune: null, agency: null });

/** Builds an identity from token claims, refusing anything malformed (null). */
export function identityFromClaims(claims: Record<string, unknown>): Identity | null {
  const { sub, role, commune, agency } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) return null;
  if (!isRole(role)) return null;
  if (commune !== undefined && commune !== null && (typeof commune !== 'string' || !/^\d{5}$/.test(commune))) return null;
  if (role === 'commune-officer' && typeof commune !== 'string') return null;
  if (agency !== undefined && agency !== null && (typeof agency !== 'string' || agency.length > 100)) return null;
  return { subject: sub, role, commune: (commune as string | undefined) ?? null, agency: (agency as string | undefined) ?? null };
}
