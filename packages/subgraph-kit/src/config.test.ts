import { generateKeyPairSync } from 'node:crypto';
import { loadSubgraphConfig, SubgraphConfigError } from './config';

const SOCIAL = { name: 'social', port: 4002, database: 'nct_social' };
const PUBLIC_KEY = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string;
const GOOD = { INTERNAL_VERIFY_KEYS: PUBLIC_KEY };

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadSubgraphConfig(SOCIAL, env);
  } catch (err) {
    expect(err).toBeInstanceOf(SubgraphConfigError);
    expect((err as Error).message).not.toContain('\n');
    return (err as SubgraphConfigError).problems;
  }
  throw new Error('expected a SubgraphConfigError');
}

describe('loadSubgraphConfig', () => {
  it('takes the registry defaults when only the keys are given', () => {
    const config = loadSubgraphConfig(SOCIAL, GOOD);
    expect(config).toMatchObject({
      name: 'social',
      host: '127.0.0.1',
      port: 4002,
      dbName: 'nct_social',
      mongodbUri: null,
      shutdownReadinessDelayMs: 0,
      logLevel: 'info',
    });
    expect(config.internalVerifyKeys).toHaveLength(1);
    expect(config.clock.pinned).toBe(false);
  });

  it('reads every variable it knows', () => {
    const config = loadSubgraphConfig(SOCIAL, {
      ...GOOD,
      HOST: '0.0.0.0',
      SOCIAL_PORT: '5002',
      PORT: '9999',
      SOCIAL_DB: 'nct_social_lc',
      HEALTH_PORT: 'not read',
      MONGODB_URI: 'mongodb://db1,db2/nct_social?replicaSet=rs0',
      SHUTDOWN_READINESS_DELAY_MS: '1500',
      LOG_LEVEL: 'warn',
      NCT_TODAY: '2026-03-15',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 5002,
      dbName: 'nct_social_lc',
      mongodbUri: 'mongodb://db1,db2/nct_social?replicaSet=rs0',
      shutdownReadinessDelayMs: 1500,
      logLevel: 'warn',
    });
    expect(config.clock.today()).toBe('2026-03-15');
  });

  it('treats an empty MONGODB_URI as unset (the embedded database)', () => {
    expect(loadSubgraphConfig(SOCIAL, { ...GOOD, MONGODB_URI: '' }).mongodbUri).toBeNull();
  });

  it('refuses to start without the gateway keys', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^INTERNAL_VERIFY_KEYS \(or INTERNAL_VERIFY_KEYS_FILE\) is not set/)]);
  });

  it('collects every bad value into one error', () => {
    const problems = problemsOf({
      HOST: ' ',
      SOCIAL_PORT: '70000',
      SOCIAL_DB: 'nct.social',
      MONGODB_URI: 'postgres://x',
      INTERNAL_VERIFY_KEYS_FILE: '/nonexistent/keys.jwks',
      SHUTDOWN_READINESS_DELAY_MS: '-1',
      LOG_LEVEL: 'loud',
      NCT_TODAY: '2026-13-01',
    });
    expect(problems).toEqual([
      'HOST must not be empty',
      'SOCIAL_PORT must be an integer port between 0 and 65535, got "70000"',
      expect.stringContaining('SOCIAL_DB must be a MongoDB database name'),
      'MONGODB_URI must be a mongodb:// or mongodb+srv:// URI',
      expect.stringContaining('INTERNAL_VERIFY_KEYS_FILE: cannot read /nonexistent/keys.jwks'),
      expect.stringContaining('SHUTDOWN_READINESS_DELAY_MS must be a whole number'),
      expect.stringContaining('LOG_LEVEL must be one of'),
      'NCT_TODAY must be a date YYYY-MM-DD, got "2026-13-01"',
    ]);
  });

  it('names the problems in its message, on one line', () => {
    expect(() => loadSubgraphConfig(SOCIAL, { ...GOOD, SOCIAL_PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(
      /^invalid configuration: SOCIAL_PORT must be an integer port between 0 and 65535, got "x"; LOG_LEVEL must be one of/,
    );
  });

  it('does not echo a bad MONGODB_URI, which may hold a password', () => {
    expect(problemsOf({ ...GOOD, MONGODB_URI: 'postgres://user:secret@host' }).join(' ')).not.toContain('secret');
  });
});
