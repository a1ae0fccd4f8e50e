import { base64url, codeChallenge, randomToken } from './pkce';
import { identityOf, jwtClaims } from './session';
import { areasOf, ROLE_PURPOSES, ROLES } from './roles';

const b64 = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'ES256' })}.${b64(claims)}.sig`;

describe('PKCE', () => {
  it('S256 of the RFC 7636 appendix B verifier', async () => {
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('a 32-byte verifier is 43 URL-safe characters, different every time', () => {
    const a = randomToken(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(32)).not.toBe(a);
  });
});

describe('tokens as the app reads them (the gateway verifies them)', () => {
  it('reads role, commune, subject and expiry', () => {
    const token = jwt({ sub: 'dev-commune-officer-03200', role: 'commune-officer', commune: '03200', exp: 1_800_000_000 });
    expect(jwtClaims(token)).toMatchObject({ role: 'commune-officer', commune: '03200' });
    expect(identityOf({ accessToken: token }, 0)).toEqual({
      accessToken: token,
      role: 'commune-officer',
      commune: '03200',
      subject: 'dev-commune-officer-03200',
      expiresAt: 1_800_000_000_000,
    });
  });

  it('reads Vietnamese in claims (UTF-8)', () => {
    expect(jwtClaims(jwt({ sub: 'x', name: 'Nguyễn Thị Ún' }))).toMatchObject({ name: 'Nguyễn Thị Ún' });
  });

  it('refuses a token without a known role, or not a JWT', () => {
    expect(identityOf({ accessToken: jwt({ sub: 'x', role: 'root' }) }, 0)).toBeNull();
    expect(identityOf({ accessToken: 'opaque' }, 0)).toBeNull();
    expect(jwtClaims('a.%%%.c')).toBeNull();
  });
});

describe('roles and purposes (docs/security.md)', () => {
  it('every role has a purpose and at least one area', () => {
    for (const role of ROLES) {
      expect(ROLE_PURPOSES[role].length).toBeGreaterThan(0);
      expect(areasOf(role).length).toBeGreaterThan(0);
    }
    expect(ROLE_PURPOSES.coordinator).toEqual(['STATISTICS']);
    expect(ROLE_PURPOSES.auditor).toEqual(['AUDIT']);
    expect(areasOf('coordinator')).toEqual(['dashboard']);
  });
});
