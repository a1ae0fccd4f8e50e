// The graph client of a subgraph (docs/consistency.md section 1), over a fake gateway on loopback.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTokenVerifier, DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer } from '@nct/auth';
import { AppError, DependencyUnavailableError } from '@nct/errors';
import type { Logger } from '@nct/logger';
import { graphClientConfigFromEnv, GraphClientConfig } from '../src/config';
import { createGraphCaller, fileTokenSource, graphCallerFromConfig, graphStub, NO_GRAPH, TokenSource } from '../src/graph-client';

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP server answering with `respond`; keeps what it received. */
async function fakeServer(respond: (req: Received, res: http.ServerResponse) => void) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r = { url: req.url ?? '', headers: req.headers, body };
      received.push(r);
      respond(r, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

/** A logger that keeps every line it is given, to check what is (not) logged. */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (obj: unknown, msg?: string) => lines.push(JSON.stringify({ obj, msg }));
  const logger = { warn: write, info: write, error: write, debug: write } as unknown as Logger;
  (logger as unknown as { child: () => Logger }).child = () => logger;
  return { logger, lines };
}

const fixedToken = (token: string): TokenSource & { invalidated: number } => {
  const source = {
    invalidated: 0,
    token: async () => token,
    invalidate: () => void source.invalidated++,
  };
  return source;
};

const PRINCIPAL = { subgraph: 'social', role: 'social' as const };
const OP = {
  query: 'query PersonForCase($id: ID!) { person(citizenId: $id) { birthDate } }',
  variables: { id: '001055000001' },
  purpose: 'BENEFIT_ADMINISTRATION' as const,
  requestId: 'req-123',
};

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('createGraphCaller', () => {
  let gateway: Awaited<ReturnType<typeof fakeServer>>;
  let answer: (req: Received, res: http.ServerResponse) => void;
  beforeAll(async () => {
    gateway = await fakeServer((req, res) => answer(req, res));
  });
  afterAll(() => gateway.close());

  const caller = (tokens: TokenSource | null = fixedToken('tok-secret-1'), timeoutMs = 1000) => {
    const { logger, lines } = recordingLogger();
    return {
      graph: createGraphCaller({ gatewayUrl: () => `${gateway.url}/graphql`, timeoutMs, tokens, principal: PRINCIPAL, logger }),
      lines,
    };
  };

  it('POSTs the operation with the bearer token, the purpose and the request id, and resolves data', async () => {
    answer = (_req, res) => json(res, 200, { data: { person: { birthDate: '1955-03-01' } } });
    const { graph } = caller();
    await expect(graph.request(OP)).resolves.toEqual({ person: { birthDate: '1955-03-01' } });
    const last = gateway.received.at(-1)!;
    expect(last.url).toBe('/graphql');
    expect(last.headers).toMatchObject({
      authorization: 'Bearer tok-secret-1',
      'x-access-purpose': 'BENEFIT_ADMINISTRATION',
      'x-request-id': 'req-123',
      'content-type': 'application/json',
    });
    expect(JSON.parse(last.body)).toEqual({ query: OP.query, variables: OP.variables });
  });

  it.each(['SUBGRAPH_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'RATE_LIMITED'])(
    'turns %s into DEPENDENCY_UNAVAILABLE, nothing written',
    async (code) => {
      answer = (_req, res) =>
        json(res, code === 'RATE_LIMITED' ? 429 : 200, { data: null, errors: [{ message: 'x', extensions: { code } }] });
      const refusal = await refusalOf(caller().graph.request({ ...OP, what: { vi: 'sổ đăng ký', en: 'the register' } }));
      expect(refusal).toBeInstanceOf(DependencyUnavailableError);
      expect(refusal.extensions).toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        reason: code,
        messageVi: 'Không liên lạc được với sổ đăng ký qua cổng dữ liệu; chưa ghi gì; hãy gửi lại',
        messageEn: 'Could not reach the register through the gateway; nothing was written; send it again',
      });
    },
  );

  it.each([
    ['an HTTP 502 without a GraphQL body', (_r: Received, res: http.ServerResponse) => (res.writeHead(502), res.end('bad gateway'))],
    ['a body that is not JSON', (_r: Received, res: http.ServerResponse) => (res.writeHead(200), res.end('<html>'))],
    ['an answer slower than the timeout', (_r: Received, res: http.ServerResponse) => setTimeout(() => json(res, 200, { data: {} }), 600)],
  ])('turns %s into DEPENDENCY_UNAVAILABLE', async (_name, respond) => {
    answer = respond;
    const refusal = await refusalOf(caller(fixedToken('t'), 200).graph.request(OP));
    expect(refusal.extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('turns a refused connection into DEPENDENCY_UNAVAILABLE', async () => {
    const closed = await fakeServer(() => undefined);
    await closed.close();
    const { logger } = recordingLogger();
    const graph = createGraphCaller({
      gatewayUrl: `${closed.url}/graphql`,
      timeoutMs: 500,
      tokens: fixedToken('t'),
      principal: PRINCIPAL,
      logger,
    });
    expect((await refusalOf(graph.request(OP))).extensions.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('keeps the code of any other GraphQL error, and logs it without token or variables', async () => {
    answer = (_req, res) =>
      json(res, 200, {
        data: null,
        errors: [
          { message: 'v / e', extensions: { code: 'FORBIDDEN', messageVi: 'Vai trò social không được', messageEn: 'Role social may not' } },
        ],
      });
    const { graph, lines } = caller();
    const refusal = await refusalOf(graph.request(OP));
    expect(refusal).not.toBeInstanceOf(DependencyUnavailableError);
    expect(refusal.extensions).toMatchObject({ code: 'FORBIDDEN', messageEn: expect.stringContaining('Role social may not') });
    expect(lines.join('\n')).toMatch(/FORBIDDEN/);
    expect(lines.join('\n')).toMatch(/PersonForCase/);
    expect(lines.join('\n')).not.toMatch(/tok-secret-1|001055000001/);
  });

  it('passes NOT_FOUND on as it is and forgets a token the gateway did not accept', async () => {
    answer = (_req, res) =>
      json(res, 200, { data: null, errors: [{ message: 'Không tìm thấy / Not found', extensions: { code: 'NOT_FOUND' } }] });
    expect((await refusalOf(caller().graph.request(OP))).extensions.code).toBe('NOT_FOUND');
    answer = (_req, res) => json(res, 401, { errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] });
    const tokens = fixedToken('t');
    expect((await refusalOf(caller(tokens).graph.request(OP))).extensions.code).toBe('UNAUTHENTICATED');
    expect(tokens.invalidated).toBe(1);
  });

  it('refuses every call without a credential (production with none configured), saying so in the log', async () => {
    const { graph, lines } = caller(null);
    const refusal = await refusalOf(graph.request(OP));
    expect(refusal.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', reason: 'NO_SERVICE_CREDENTIAL' });
    expect(lines.join('\n')).toMatch(/no service credential configured/);
  });
});

describe('service tokens', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-graph-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads SERVICE_TOKEN_FILE again when it changes (rotation)', async () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, 'first-token\n');
    const source = fileTokenSource(file);
    expect(await source.token()).toBe('first-token');
    fs.writeFileSync(file, 'second-token-longer\n');
    expect(await source.token()).toBe('second-token-longer');
    fs.rmSync(file);
    await expect(source.token()).rejects.toThrow(/cannot be read/);
  });

  it('mints development tokens as svc-<subgraph> with the staff role, accepted by the dev issuer', async () => {
    const issuer = path.join(dir, 'issuer');
    const files = await ensureDevIssuer(issuer);
    const gateway = await fakeServer((_req, res) => json(res, 200, { data: { ok: true } }));
    try {
      const config = graphClientConfigFromEnv({ GATEWAY_URL: `${gateway.url}/graphql`, DEV_ISSUER_DIR: issuer });
      const graph = graphCallerFromConfig(config, PRINCIPAL, recordingLogger().logger);
      await graph.request(OP);
      await graph.request(OP);
      const tokens = gateway.received.map((r) => r.headers.authorization?.replace(/^Bearer /, ''));
      expect(tokens[0]).toBe(tokens[1]); // cached until shortly before it expires
      const verify = createTokenVerifier({ jwksFile: files.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
      expect(await verify(tokens[0]!)).toEqual({
        ok: true,
        identity: { subject: 'svc-social', role: 'social', commune: null, agency: null },
      });
    } finally {
      await gateway.close();
    }
  });

  it('gets a token by OpenID Connect client credentials, cached until shortly before expiry', async () => {
    let issued = 0;
    const idp = await fakeServer((req, res) => {
      const form = new URLSearchParams(req.body);
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== 'svc-social' ||
        form.get('client_secret') !== 's3cret'
      )
        return json(res, 401, { error: 'invalid_client' });
      issued++;
      json(res, 200, { access_token: `oidc-token-${issued}`, token_type: 'Bearer', expires_in: 3600 });
    });
    const gateway = await fakeServer((_req, res) => json(res, 200, { data: { ok: true } }));
    const secretFile = path.join(dir, 'client-secret');
    fs.writeFileSync(secretFile, 's3cret\n');
    try {
      const config = graphClientConfigFromEnv({
        NODE_ENV: 'production',
        GATEWAY_URL: `${gateway.url}/graphql`,
        SERVICE_OIDC_TOKEN_URL: `${idp.url}/token`,
        SERVICE_CLIENT_ID: 'svc-social',
        SERVICE_CLIENT_SECRET_FILE: secretFile,
      });
      const graph = graphCallerFromConfig(config, PRINCIPAL, recordingLogger().logger);
      await Promise.all([graph.request(OP), graph.request(OP)]);
      await graph.request(OP);
      expect(issued).toBe(1);
      expect(gateway.received.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer oidc-token-1'));

      const wrong = graphCallerFromConfig(
        {
          ...config,
          credential: {
            ...(config.credential as Extract<GraphClientConfig['credential'], { kind: 'oidc' }>),
            clientSecret: 'nope',
            clientSecretFile: null,
          },
        },
        PRINCIPAL,
        recordingLogger().logger,
      );
      expect((await refusalOf(wrong.request(OP))).extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', reason: 'NO_SERVICE_TOKEN' });
    } finally {
      await idp.close();
      await gateway.close();
    }
  });
});

describe('graphClientConfigFromEnv', () => {
  it('defaults: the gateway on loopback, 5 s, the development issuer outside production', () => {
    expect(graphClientConfigFromEnv({})).toEqual({
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
      timeoutMs: 5000,
      credential: { kind: 'dev', issuerDir: expect.stringMatching(/\.data[/\\]dev-issuer$/) },
    });
  });

  it('has no credential in production unless one is configured (never the development issuer)', () => {
    expect(graphClientConfigFromEnv({ NODE_ENV: 'production', DEV_ISSUER_DIR: '/x' }).credential).toEqual({ kind: 'none' });
  });

  it('prefers SERVICE_TOKEN_FILE, then client credentials', () => {
    const oidc = { SERVICE_OIDC_TOKEN_URL: 'https://idp.example/token', SERVICE_CLIENT_ID: 'svc-social', SERVICE_CLIENT_SECRET: 'x' };
    expect(graphClientConfigFromEnv({ ...oidc, SERVICE_TOKEN_FILE: '/run/secrets/token' }).credential).toEqual({
      kind: 'file',
      file: '/run/secrets/token',
    });
    expect(graphClientConfigFromEnv({ ...oidc, NODE_ENV: 'production' }).credential).toMatchObject({
      kind: 'oidc',
      clientId: 'svc-social',
    });
  });

  it.each([
    [{ GATEWAY_URL: 'ftp://x' }, /GATEWAY_URL/],
    [{ GRAPH_TIMEOUT_MS: '50' }, /GRAPH_TIMEOUT_MS/],
    [{ GRAPH_TIMEOUT_MS: 'soon' }, /GRAPH_TIMEOUT_MS/],
    [{ SERVICE_OIDC_TOKEN_URL: 'http://idp.example/token', SERVICE_CLIENT_ID: 'a', SERVICE_CLIENT_SECRET: 'b' }, /https/],
    [{ SERVICE_OIDC_TOKEN_URL: 'https://idp.example/token', SERVICE_CLIENT_SECRET: 'b' }, /SERVICE_CLIENT_ID/],
    [{ SERVICE_OIDC_TOKEN_URL: 'https://idp.example/token', SERVICE_CLIENT_ID: 'a' }, /SERVICE_CLIENT_SECRET/],
  ])('refuses %j', (env, message) => {
    expect(() => graphClientConfigFromEnv(env)).toThrow(message);
  });
});

describe('graphStub and NO_GRAPH', () => {
  it('answers with the handler and passes its errors on', async () => {
    const graph = graphStub((op) => {
      if (op.variables?.id === 'missing') throw new Error('not there');
      return { person: { id: op.variables?.id } };
    });
    await expect(graph.request({ ...OP, variables: { id: 'a' } })).resolves.toEqual({ person: { id: 'a' } });
    await expect(graph.request({ ...OP, variables: { id: 'missing' } })).rejects.toThrow('not there');
  });

  it('refuses every call when no graph is configured', async () => {
    expect((await refusalOf(NO_GRAPH.request(OP))).extensions).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      reason: 'NO_GRAPH_CONFIGURED',
    });
  });
});
