import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  ANONYMOUS,
  createTokenVerifier,
  decide,
  DEV_AUDIENCE,
  DEV_ISSUER,
  ensureDevIssuer,
  identityFromClaims,
  issueDevToken,
  POLICIES,
  Policy,
  PolicyName,
  Role,
  ROLES,
} from './index';

const person = (role: Role, commune: string | null = null) => ({ subject: `u-${role}`, role, commune, agency: null });

describe('identity claims', () => {
  it.each([
    [{ sub: 'a', role: 'health' }, true],
    [{ sub: 'a', role: 'commune-officer', commune: '03199' }, true],
    [{ sub: 'a', role: 'commune-officer' }, false], // a commune officer needs a commune
    [{ sub: 'a', role: 'health', commune: '0319' }, false],
    [{ sub: 'a', role: 'superuser' }, false],
    [{ role: 'health' }, false],
    [{ sub: '', role: 'health' }, false],
  ])('%j -> valid %s', (claims, ok) => {
    expect(identityFromClaims(claims) !== null).toBe(ok);
  });
});

describe('the role x policy matrix', () => {
  // Expected readers of each rule, from the issue: health data only for health staff; social
  // staff see allowance data; association staff membership and clubs; everyone authorized
  // sees identity; coordinators aggregates only; auditors the log only.
  const expected: Record<PolicyName, Role[]> = {
    IDENTITY: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'admin'],
    SOCIAL_DATA: ['social', 'commune-officer'],
    INSURANCE_CARD: ['social', 'health', 'commune-officer'],
    HEALTH_RECORD: ['health'],
    HEALTH_CHECKS: ['health'],
    CARE_FOLLOW_UP: ['health', 'social', 'association', 'commune-officer'],
    ASSOCIATION_DATA: ['association', 'commune-officer'],
    REGISTER_WRITE: ['homeaffairs', 'admin'],
    SOCIAL_WRITE: ['social'],
    HEALTH_WRITE: ['health'],
    ASSOCIATION_WRITE: ['association'],
    REGISTER_EVENTS: ['homeaffairs'],
    ORGANISATION_WRITE: ['homeaffairs', 'association', 'admin'],
    REFERENCE: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'coordinator', 'auditor', 'admin'],
    ORGANISATION: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'admin', 'coordinator'],
    AGGREGATE_PROCESSING: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'admin', 'coordinator'],
    AGGREGATES: ['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'admin', 'coordinator'],
    AUDIT_LOG: ['auditor'],
  };
  const cases = (Object.keys(POLICIES) as PolicyName[]).flatMap((p) => ROLES.map((r) => [p, r, expected[p].includes(r)] as const));
  it.each(cases)('%s for %s: %s', (policy, role, allowed) => {
    const rule: Policy = POLICIES[policy];
    const purpose = rule.purposes?.[0] ?? 'CARE_COORDINATION';
    expect(decide(person(role, role === 'commune-officer' ? '03199' : null), purpose, policy).allowed).toBe(allowed);
  });

  it('keeps a rule limited to its purposes (register events: register maintenance only)', () => {
    expect(decide(person('homeaffairs'), 'REGISTER_MAINTENANCE', 'REGISTER_EVENTS')).toEqual({ allowed: true });
    for (const purpose of ['CARE_COORDINATION', null] as const) {
      expect(decide(person('homeaffairs'), purpose, 'REGISTER_EVENTS')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  it('asks anonymous callers to authenticate', () => {
    expect(decide(ANONYMOUS, 'CARE_COORDINATION', 'IDENTITY')).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
  });

  it('needs a purpose for personal data only', () => {
    expect(decide(person('health'), null, 'HEALTH_CHECKS')).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      en: expect.stringMatching(/purpose/),
    });
    expect(decide(person('coordinator'), null, 'AGGREGATES')).toEqual({ allowed: true });
  });
});

// The internal credential: internal-credential.test.ts.

describe('client tokens from the development issuer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-issuer-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('issues tokens the verifier accepts', async () => {
    const files = await ensureDevIssuer(dir);
    const verify = createTokenVerifier({ jwksFile: files.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    const token = await issueDevToken(dir, { role: 'commune-officer', commune: '03199' });
    expect(await verify(token)).toEqual({
      ok: true,
      identity: { subject: 'dev-commune-officer-03199', role: 'commune-officer', commune: '03199', agency: null },
    });
  });

  it.each([
    ['expired', { role: 'health' as Role, ttlSeconds: -120 }],
    ['for another audience', { role: 'health' as Role, audience: 'another-app' }],
  ])('refuses a token %s', async (_n, opts) => {
    const files = await ensureDevIssuer(dir);
    const verify = createTokenVerifier({ jwksFile: files.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    expect((await verify(await issueDevToken(dir, opts))).ok).toBe(false);
  });

  it('refuses a token signed by a key it does not trust (forged)', async () => {
    const files = await ensureDevIssuer(dir);
    const verify = createTokenVerifier({ jwksFile: files.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid: 'evil' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await verify(forged)).ok).toBe(false);
  });

  it('picks up a rotated key from the JWKS file', async () => {
    const files = await ensureDevIssuer(dir);
    const verify = createTokenVerifier({ jwksFile: files.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    // Rotate: a new key pair is added to the JWKS after the verifier was created.
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwks = JSON.parse(fs.readFileSync(files.jwksFile, 'utf8'));
    jwks.keys.push({ ...(await exportJWK(publicKey)), kid: 'rotated', alg: 'ES256' });
    fs.writeFileSync(files.jwksFile, JSON.stringify(jwks));
    const token = await new SignJWT({ role: 'auditor' })
      .setProtectedHeader({ alg: 'ES256', kid: 'rotated' })
      .setSubject('a')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await verify(token)).ok).toBe(true);
  });
});
