import path from 'node:path';
import { generateInternalKeyPair, parseSigningKey } from '@nct/auth';
import { ConfigError, loadConfig, SUPERGRAPH_FILE } from '../src/config';
import { DEV_ISSUER_DIR } from '../src/auth';
import { DEFAULT_WEB_APP_DIR } from '../src/web-app/config';

const { signingKey: SIGNING_KEY } = generateInternalKeyPair();
const BASE = { INTERNAL_SIGNING_KEY: SIGNING_KEY };
const PROD_AUTH = { AUTH_JWKS_URL: 'https://idp.example.vn/jwks.json', AUTH_ISSUER: 'https://idp.example.vn', AUTH_AUDIENCE: 'nct' };

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig([], BASE);
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 4000,
      supergraphFile: SUPERGRAPH_FILE,
      subgraphTimeoutMs: 5000,
      subgraphUrls: {
        homeaffairs: 'http://127.0.0.1:4001/graphql',
        social: 'http://127.0.0.1:4002/graphql',
        health: 'http://127.0.0.1:4003/graphql',
        association: 'http://127.0.0.1:4004/graphql',
        audit: 'http://127.0.0.1:4005/graphql',
      },
      nodeEnv: 'development',
      production: false,
      ideEnabled: true,
      ideCitizenId: undefined,
      ideToken: undefined,
      rateLimitPerMinute: undefined,
      rateLimitBurst: undefined,
      rateLimitStore: { kind: 'memory' },
      corsAllowedOrigins: [],
      trustedProxies: [],
      shutdownGraceMs: 10_000,
      shutdownReadinessDelayMs: 0,
      auth: {
        jwksUrl: undefined,
        jwksFile: undefined,
        issuer: 'urn:nct:dev-issuer',
        audience: 'nct-gateway',
        internalSigningKey: parseSigningKey(SIGNING_KEY),
      },
      webApp: { dir: DEFAULT_WEB_APP_DIR, provinceCode: '12', devIssuerDir: DEV_ISSUER_DIR },
    });
    expect(SUPERGRAPH_FILE).toBe(path.resolve(__dirname, '..', 'supergraph.graphql'));
  });

  it('reads the environment', () => {
    const config = loadConfig([], {
      ...BASE,
      ...PROD_AUTH,
      PORT: '8080',
      HOST: '0.0.0.0',
      SUBGRAPH_TIMEOUT_MS: '1500',
      HEALTH_URL: 'https://health.example.vn/graphql',
      SOCIAL_PORT: '5002',
      NODE_ENV: 'production',
      SUPERGRAPH_FILE: 'other.graphql',
      IDE_CITIZEN_ID: '001055000001',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      subgraphTimeoutMs: 1500,
      production: true,
      ideEnabled: false,
      ideCitizenId: '001055000001',
    });
    expect(config.subgraphUrls.health).toBe('https://health.example.vn/graphql');
    expect(config.subgraphUrls.social).toBe('http://127.0.0.1:5002/graphql');
    expect(config.supergraphFile).toBe(path.resolve('other.graphql'));
    expect(config.auth).toMatchObject({ jwksUrl: PROD_AUTH.AUTH_JWKS_URL, issuer: PROD_AUTH.AUTH_ISSUER, audience: 'nct' });
  });

  it('takes --supergraph over SUPERGRAPH_FILE, in both spellings', () => {
    expect(loadConfig(['--supergraph', '/tmp/a.graphql'], { ...BASE, SUPERGRAPH_FILE: '/tmp/b.graphql' }).supergraphFile).toBe(
      '/tmp/a.graphql',
    );
    expect(loadConfig(['--supergraph=/tmp/c.graphql'], BASE).supergraphFile).toBe('/tmp/c.graphql');
  });

  it('lists every bad value in one clear error', () => {
    let error: unknown;
    try {
      loadConfig(['--supergraph', '--verbose'], {
        PORT: 'eighty',
        SUBGRAPH_TIMEOUT_MS: '-5',
        HEALTH_URL: 'health:4003',
        ASSOCIATION_PORT: '70000',
        NODE_ENV: 'staging',
        IDE_CITIZEN_ID: '123',
        IDE_ENABLED: 'yes',
        INTERNAL_SIGNING_KEY: 'a-shared-secret-is-not-a-key',
        AUTH_JWKS_URL: 'ftp://idp',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      '--supergraph needs a file path',
      'PORT must be an integer port between 0 and 65535, got "eighty"',
      'SUBGRAPH_TIMEOUT_MS must be a whole number of milliseconds between 1 and 600000, got "-5"',
      'HEALTH_URL must be an http(s) URL, got "health:4003"',
      'ASSOCIATION_PORT must be an integer port between 0 and 65535, got "70000"',
      'NODE_ENV must be one of development, production, test, got "staging"',
      'IDE_ENABLED must be true or false, got "yes"',
      'IDE_CITIZEN_ID must be a 12-digit citizen ID, got "123"',
      'INTERNAL_SIGNING_KEY: not a private Ed25519 JWK or PKCS#8 PEM',
      'AUTH_JWKS_URL must be an http(s) URL, got "ftp://idp"',
    ]);
    expect((error as Error).message).toMatch(/^Invalid gateway configuration:\n  - --supergraph needs a file path/);
  });

  it('reads the CORS allow-list, the rate limit store and the shutdown grace period', () => {
    const config = loadConfig([], {
      ...BASE,
      CORS_ALLOWED_ORIGINS: 'https://app.nct.example.vn,http://localhost:5173',
      RATE_LIMIT_PER_MINUTE: '300',
      RATE_LIMIT_BURST: '50',
      RATE_LIMIT_STORE: 'mongodb',
      RATE_LIMIT_MONGODB_URI: 'mongodb://db.internal:27017/?replicaSet=rs0',
      SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config).toMatchObject({
      corsAllowedOrigins: ['https://app.nct.example.vn', 'http://localhost:5173'],
      rateLimitPerMinute: 300,
      rateLimitBurst: 50,
      rateLimitStore: { kind: 'mongodb', uri: 'mongodb://db.internal:27017/?replicaSet=rs0' },
      shutdownGraceMs: 2500,
    });
  });

  it('explains a bad CORS origin, rate limit store or grace period', () => {
    let error: unknown;
    try {
      loadConfig([], {
        ...BASE,
        CORS_ALLOWED_ORIGINS: 'https://app.nct.example.vn/',
        RATE_LIMIT_BURST: '0',
        RATE_LIMIT_STORE: 'mongodb',
        SHUTDOWN_GRACE_MS: 'soon',
      });
    } catch (err) {
      error = err;
    }
    expect((error as ConfigError).problems).toEqual([
      'RATE_LIMIT_BURST must be a whole number between 1 and 1000000, got "0"',
      'RATE_LIMIT_STORE=mongodb needs RATE_LIMIT_MONGODB_URI, a mongodb:// or mongodb+srv:// URI shared by every gateway replica',
      'CORS_ALLOWED_ORIGINS: "https://app.nct.example.vn/" is not an exact origin like https://app.example.vn or http://localhost:5173 (scheme://host[:port], no path, no trailing slash, no wildcard) (did you mean "https://app.nct.example.vn"?)',
      'SHUTDOWN_GRACE_MS must be a whole number between 0 and 600000, got "soon"',
    ]);
    expect(() => loadConfig([], { ...BASE, RATE_LIMIT_STORE: 'redis' })).toThrow(
      /RATE_LIMIT_STORE must be one of memory, mongodb, got "redis"/,
    );
    expect(() => loadConfig([], { ...BASE, RATE_LIMIT_MONGODB_URI: 'mongodb://db' })).toThrow(/set RATE_LIMIT_STORE=mongodb/);
  });

  it('reads TRUSTED_PROXIES (default none) and refuses anything but IP addresses', () => {
    expect(loadConfig([], BASE).trustedProxies).toEqual([]);
    expect(loadConfig([], { ...BASE, TRUSTED_PROXIES: '10.0.0.2, 10.0.0.3,::1' }).trustedProxies).toEqual(['10.0.0.2', '10.0.0.3', '::1']);
    expect(() => loadConfig([], { ...BASE, TRUSTED_PROXIES: '10.0.0.2,lb.internal,10.0.0.0/8' })).toThrow(
      /TRUSTED_PROXIES must be comma-separated IP addresses of the load balancers \(no names, no ranges\), got "lb.internal", "10.0.0.0\/8"/,
    );
  });

  it('refuses unknown arguments', () => {
    expect(() => loadConfig(['--port', '1'], BASE)).toThrow(/unknown argument "--port"/);
  });

  it('needs the internal signing key (a private Ed25519 key), and a real identity provider in production', () => {
    expect(() => loadConfig([], {})).toThrow(/INTERNAL_SIGNING_KEY must be set/);
    // A public key cannot sign.
    expect(() => loadConfig([], { INTERNAL_SIGNING_KEY: generateInternalKeyPair().verifyKey })).toThrow(
      /INTERNAL_SIGNING_KEY: not a private Ed25519/,
    );
    expect(() => loadConfig([], { ...BASE, NODE_ENV: 'production' })).toThrow(/the development issuer is not trusted/);
    expect(() => loadConfig([], { ...BASE, ...PROD_AUTH, NODE_ENV: 'production', IDE_TOKEN: 'x' })).toThrow(
      /IDE_TOKEN is for development only/,
    );
    expect(() => loadConfig([], { ...BASE, ...PROD_AUTH, NODE_ENV: 'production', IDE_ENABLED: 'true', IDE_TOKEN: 'x' })).toThrow(
      /IDE_TOKEN is for development only/,
    );
  });

  it('serves the IDE by default, but in production only when IDE_ENABLED=true', () => {
    expect(loadConfig([], { ...BASE, IDE_TOKEN: 'dev-token' })).toMatchObject({ ideEnabled: true, ideToken: 'dev-token' });
    expect(loadConfig([], { ...BASE, NODE_ENV: 'test' }).ideEnabled).toBe(true);
    expect(loadConfig([], { ...BASE, IDE_ENABLED: 'false' }).ideEnabled).toBe(false);
    expect(loadConfig([], { ...BASE, ...PROD_AUTH, NODE_ENV: 'production' }).ideEnabled).toBe(false);
    expect(loadConfig([], { ...BASE, ...PROD_AUTH, NODE_ENV: 'production', IDE_ENABLED: 'true' })).toMatchObject({
      ideEnabled: true,
      ideToken: undefined,
    });
  });
});
