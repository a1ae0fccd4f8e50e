// Two tiny subgraphs for gateway tests: `homeaffairs` owns Person's identity and the
// root fields; `health` adds the other agencies' fields (standing in for social, health
// and association) so that the IDE's exact default query runs end to end.
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevTokenOptions,
  ensureDevIssuer,
  generateInternalKeyPair,
  InternalVerifyKey,
  issueDevToken,
  parseSigningKey,
  parseVerifyKeys,
  Role,
} from '@nct/auth';
import { gatewayAuth, GatewayAuth } from '../src/auth';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { NotFoundError } from '@nct/errors';
import { startHttpServer, RunningHttpServer } from '@nct/subgraph-kit';
import { composeSupergraph } from '../src/compose';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])\n';

export const HOMEAFFAIRS_SDL = `${LINK}
type Query {
  people(first: Int): PersonConnection!
  person(citizenId: ID!): Person
}
type PersonConnection { edges: [PersonEdge!]! pageInfo: PageInfo! }
type PersonEdge { cursor: String! node: Person! }
type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }
type Person @key(fields: "citizenId") {
  citizenId: ID!
  fullName: String!
  birthDate: String!
  sex: String!
  age: Int!
  deathDate: String
  residence: AdministrativeUnit!
}
`;

export const HEALTH_SDL = `${LINK}
type Person @key(fields: "citizenId") {
  citizenId: ID!
  monthlyAllowance: Allowance
  socialPension: Pension
  healthRecord: HealthRecord
  lastHealthCheck: HealthCheck
  insuranceCard: InsuranceCard
  membership: Membership
  clubs: [ClubMembership!]!
}
type Allowance { group: String! coefficient: Float! monthlyAmount: Int! status: String! startMonth: String! }
type Pension { monthlyAmount: Int! status: String! startMonth: String! }
type HealthRecord { openedOn: String! facility: String! }
type HealthCheck { date: String! resultClass: String! facility: String! }
type InsuranceCard { code: String! validFrom: String! validTo: String! }
type Membership { branchName: String! joinedOn: String! cardNumber: String! }
type ClubMembership { role: String! club: Club! }
type Club @key(fields: "clubId") { clubId: ID! name: String! }
`;

export const PEOPLE = [
  {
    citizenId: '001055000001',
    fullName: 'Nguyễn Văn An',
    birthDate: '1955-03-01',
    sex: 'MALE',
    age: 71,
    deathDate: null,
    residence: { code: '00004', name: 'Phường Ba Đình' },
  },
  {
    citizenId: '001160000002',
    fullName: 'Trần Thị Bình',
    birthDate: '1940-07-15',
    sex: 'FEMALE',
    age: 85,
    deathDate: null,
    residence: { code: '00004', name: 'Phường Ba Đình' },
  },
];

function careOf(citizenId: string) {
  return {
    citizenId,
    monthlyAllowance: { group: '5c', coefficient: 1, monthlyAmount: 500000, status: 'ACTIVE', startMonth: '2020-07' },
    socialPension: null,
    healthRecord: { openedOn: '2021-01-05', facility: 'Trạm y tế phường Ba Đình' },
    lastHealthCheck: { date: '2025-10-02', resultClass: 'II', facility: 'Trạm y tế phường Ba Đình' },
    insuranceCard: { code: 'BT2010012345678', validFrom: '2025-01-01', validTo: '2025-12-31' },
    membership: { branchName: 'Chi hội tổ dân phố 3', joinedOn: '2016-01-01', cardNumber: 'HNCT-0001' },
    clubs: [{ role: 'MEMBER', club: { clubId: 'clb-1', name: 'CLB liên thế hệ tự giúp nhau phường Ba Đình' } }],
  };
}

export interface FakeSubgraph {
  name: string;
  url: string;
  sdl: string;
  /** Headers and exact body of the last request this subgraph received. */
  lastHeaders?: IncomingHttpHeaders;
  lastBody?: Buffer;
  /** Delay before `health` answers entity fetches (simulates a hanging subgraph). */
  delayMs: number;
  http: RunningHttpServer;
  stop(): Promise<void>;
}

async function startSubgraph(name: string, sdl: string, resolvers: any, port = 0): Promise<FakeSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  const apollo = new ApolloServer<{ subgraph: FakeSubgraph }>({
    schema,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const subgraph = { name, sdl, delayMs: 0 } as FakeSubgraph;
  subgraph.http = await startHttpServer({
    apollo,
    host: '127.0.0.1',
    port,
    context: async (req, rawBody) => {
      subgraph.lastHeaders = req.headers;
      subgraph.lastBody = rawBody;
      return { subgraph };
    },
  });
  subgraph.url = subgraph.http.url;
  subgraph.stop = async () => {
    await subgraph.http.close();
    await apollo.stop();
  };
  return subgraph;
}

export function startHomeaffairs(port = 0): Promise<FakeSubgraph> {
  return startSubgraph(
    'homeaffairs',
    HOMEAFFAIRS_SDL,
    {
      Query: {
        people: (_: unknown, { first }: { first?: number }) => ({
          edges: PEOPLE.slice(0, first ?? 20).map((node) => ({ cursor: node.citizenId, node })),
          pageInfo: { hasNextPage: false, endCursor: null },
        }),
        person: (_: unknown, { citizenId }: { citizenId: string }) => {
          const person = PEOPLE.find((p) => p.citizenId === citizenId);
          if (!person) throw new NotFoundError({ vi: 'Không tìm thấy người này', en: 'Person not found' });
          return person;
        },
      },
      Person: { __resolveReference: (ref: { citizenId: string }) => PEOPLE.find((p) => p.citizenId === ref.citizenId) },
    },
    port,
  );
}

export function startHealth(port = 0): Promise<FakeSubgraph> {
  return startSubgraph(
    'health',
    HEALTH_SDL,
    {
      Person: {
        __resolveReference: async (ref: { citizenId: string }, ctx: { subgraph: FakeSubgraph }) => {
          if (ctx.subgraph.delayMs) await new Promise((r) => setTimeout(r, ctx.subgraph.delayMs));
          return careOf(ref.citizenId);
        },
      },
    },
    port,
  );
}

/** Supergraph of the given subgraphs at their URLs. */
export function supergraphOf(...subgraphs: Array<{ name: string; url: string; sdl: string }>): string {
  return composeSupergraph(subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })));
}

export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** Gateway auth for tests: a throwaway development issuer and internal key pair. */
export async function testAuth(): Promise<{
  auth: GatewayAuth;
  /** The public key a subgraph of this gateway would hold. */
  verifyKeys: InternalVerifyKey[];
  issuerDir: string;
  token(role: Role, extra?: Partial<DevTokenOptions>): Promise<string>;
}> {
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-gw-issuer-'));
  const pair = generateInternalKeyPair();
  const files = await ensureDevIssuer(issuerDir);
  const auth = await gatewayAuth({
    jwksFile: files.jwksFile,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    internalSigningKey: parseSigningKey(pair.signingKey),
  });
  return {
    auth,
    verifyKeys: parseVerifyKeys(pair.verifyKey),
    issuerDir,
    token: (role, extra) => issueDevToken(issuerDir, { role, ...(extra ?? {}) }),
  };
}
