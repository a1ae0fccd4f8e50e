import path from 'node:path';
import { ConfigError, loadConfig, SUPERGRAPH_FILE } from '../src/config';

const SECRET = 's'.repeat(32);
const BASE = { INTERNAL_AUTH_SECRET: SECRET };
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
      playgroundCitizenId: undefined,
      playgroundToken: undefined,
      rateLimitPerMinute: undefined,
      auth: { jwksUrl: undefined, jwksFile: undefined, issuer: 'urn:nct:dev-issuer', audience: 'nct-gateway', internalSecrets: [new TextEncoder().encode(SECRET)] },
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
      PLAYGROUND_CITIZEN_ID: '001055000001',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', subgraphTimeoutMs: 1500, production: true, playgroundCitizenId: '001055000001' });
    expect(config.subgraphUrls.health).toBe('https://health.example.vn/graphql');
    expect(config.subgraphUrls.social).toBe('http://127.0.0.1:5002/graphql');
    expect(config.supergraphFile).toBe(path.resolve('other.graphql'));
    expect(config.auth).toMatchObject({ jwksUrl: PROD_AUTH.AUTH_JWKS_URL, issuer: PROD_AUTH.AUTH_ISSUER, audience: 'nct' });
  });

  it('takes --supergraph over SUPERGRAPH_FILE, in both spellings', () => {
    expect(loadConfig(['--supergraph', '/tmp/a.graphql'], { ...BASE, SUPERGRAPH_FILE: '/tmp/b.graphql' }).supergraphFile).toBe('/tmp/a.graphql');
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
        PLAYGROUND_CITIZEN_ID: '123',
        INTERNAL_AUTH_SECRET: 'short',
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
      'PLAYGROUND_CITIZEN_ID must be a 12-digit citizen ID, got "123"',
      'INTERNAL_AUTH_SECRET: every secret must be at least 32 characters',
      'AUTH_JWKS_URL must be an http(s) URL, got "ftp://idp"',
    ]);
    expect((error as Error).message).toMatch(/^Invalid gateway configuration:\n  - --supergraph needs a file path/);
  });

  it('refuses unknown arguments', () => {
    expect(() => loadConfig(['--port', '1'], BASE)).toThrow(/unknown argument "--port"/);
  });

  it('needs the internal secret, and a real identity provider in production', () => {
    expect(() => loadConfig([], {})).toThrow(/INTERNAL_AUTH_SECRET must be set/);
    expect(() => loadConfig([], { ...BASE, NODE_ENV: 'production' })).toThrow(/the development issuer is not trusted/);
    expect(() => loadConfig([], { ...BASE, ...PROD_AUTH, NODE_ENV: 'production', PLAYGROUND_TOKEN: 'x' })).toThrow(/PLAYGROUND_TOKEN is for development only/);
  });
});
