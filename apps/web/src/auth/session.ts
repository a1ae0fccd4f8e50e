import { isPurpose, isRole, type Purpose, type Role } from './roles';

/** A signed-in user: the access token, who the token says they are, and the chosen purpose. */
export interface Session {
  accessToken: string;
  role: Role;
  commune: string | null;
  subject: string;
  /** Expiry of the access token (ms since the epoch). */
  expiresAt: number;
  purpose: Purpose;
  method: 'dev' | 'oidc';
}

/** Tokens as an authorization server returns them. */
export interface TokenSet {
  accessToken: string;
  idToken?: string;
  expiresIn?: number;
}

/**
 * The claims of a JWT, read without verifying it: the app only uses them to show the role and
 * commune and to know when to sign in again. The gateway verifies every token it receives.
 */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Who an access token is for; null when it is not one the graph can accept (no role). */
export function identityOf(tokens: TokenSet, nowMs: number): Omit<Session, 'purpose' | 'method'> | null {
  const claims = jwtClaims(tokens.accessToken);
  if (!claims || !isRole(claims.role) || typeof claims.sub !== 'string') return null;
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : nowMs + (tokens.expiresIn ?? 3600) * 1000;
  return {
    accessToken: tokens.accessToken,
    role: claims.role,
    commune: typeof claims.commune === 'string' ? claims.commune : null,
    subject: claims.sub,
    expiresAt: exp,
  };
}

const KEY = 'nct.session';

/** The session lives in this tab only (sessionStorage): closing the tab signs out. */
export const sessionStore = {
  load(): Session | null {
    try {
      const raw = sessionStorage.getItem(KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Session;
      return typeof s.accessToken === 'string' && isRole(s.role) && isPurpose(s.purpose) ? s : null;
    } catch {
      return null;
    }
  },
  save(session: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
