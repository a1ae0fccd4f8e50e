/**
 * The read scenarios of `npm run bench` for one running system: (a) one person's full view,
 * (b) a page of 100 people with every agency field a commune officer may see, each through
 * the gateway and directly against the subgraphs; the database's own cost of one lookup;
 * (c) the cross-agency dashboard questions through the gateway.
 */
import { quarterOf } from '@nct/dates';
import { connectDatabase } from '@nct/db';
import { subgraphDatabase, subgraphInfo } from '@nct/registry';
import { encodeCursor } from '@nct/subgraph-kit';
import type { RunningSystem } from './system';
import { caller, gql, setCurrentScenario } from './bench-client';
import { PERSON_FIELDS_DIRECT, PERSON_VIEW, runScenario, type ScenarioResult } from './bench-lib';
import { DASHBOARD_QUESTIONS } from './bench-dashboards';

export interface ReadOptions {
  requests: number;
  pageRequests: number;
  dashboardRequests: number;
  concurrency: number;
  maxSeconds: number;
  warmup: number;
  /** The system's pinned date. */
  today: string;
  only: '' | 'dashboards' | 'person';
  log(msg: string, extra?: Record<string, unknown>): void;
}

export interface ReadPair {
  id: 'person' | 'page';
  title: string;
  gateway: ScenarioResult;
  /** The same data from the owning subgraphs (identity, then the three agencies in parallel). */
  direct: ScenarioResult;
  /** Identity only, from homeaffairs. */
  identityOnly: ScenarioResult;
}

export interface DashboardResult extends ScenarioResult {
  id: string;
  title: string;
  role: string;
  firstMs: number;
}

export interface ReadRun {
  total: number;
  commune: string;
  communeSize: number;
  pairs: ReadPair[];
  floor: ScenarioResult[];
  dashboards: DashboardResult[];
}

export async function runReads(system: RunningSystem, o: ReadOptions): Promise<ReadRun> {
  const gw = system.gatewayUrl;
  const sg = system.subgraphUrls;
  // Sample people spread over the register, and page starts spread over it: read once from
  // the register's database, not by paging through the graph.
  const conn = await connectDatabase(system.db.uri, subgraphDatabase(subgraphInfo('homeaffairs')));
  const register = conn.collection('people');
  const everyone = await register.find({}, { projection: { _id: 0, citizenId: 1, communeCode: 1 } }).toArray();
  const total = everyone.length;
  // Every call is made as a commune officer (sees identity, social, BHYT card, association)
  // of the most populous commune, so people and pages come from that commune.
  const sizes = new Map<string, number>();
  for (const d of everyone) sizes.set(d.communeCode as string, (sizes.get(d.communeCode as string) ?? 0) + 1);
  const commune = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const communeIds = everyone
    .filter((d) => d.communeCode === commune)
    .map((d) => d.citizenId as string)
    .sort();
  const step = Math.max(1, Math.floor(communeIds.length / 2000));
  const ids = communeIds.filter((_, i) => i % step === 0);
  const cursors: Array<string | null> = [
    null,
    ...communeIds.filter((_, i) => i % 100 === 50 && i + 100 < communeIds.length).map((id) => encodeCursor(id)),
  ];
  const officer = await caller('commune-officer', 'STATISTICS', system, commune);
  const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
  const entities = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`;
  const directAll = async (identityQuery: Promise<any[]>) => {
    const people = await identityQuery;
    const reps = people.map((p) => ({ __typename: 'Person', citizenId: p.citizenId, birthDate: p.birthDate }));
    await Promise.all([
      gql(sg.social, entities(PERSON_FIELDS_DIRECT.social), { r: reps }, officer.direct),
      gql(sg.health, entities(PERSON_FIELDS_DIRECT.health), { r: reps }, officer.direct),
      gql(sg.association, entities(PERSON_FIELDS_DIRECT.association), { r: reps }, officer.direct),
    ]);
  };

  // The database's own cost, without any GraphQL: one lookup by citizen ID and one batched
  // lookup of 100 IDs (both by the register's unique citizenId index).
  const floor: ScenarioResult[] = [];
  if (o.only !== 'dashboards') {
    floor.push(
      await runScenario(
        'db. find one person by citizenId (no GraphQL)',
        50,
        1,
        (i) => register.findOne({ citizenId: pick(ids, i) }),
        o.maxSeconds,
        1,
      ),
    );
    floor.push(
      await runScenario(
        'db. find 100 people by citizenId $in (no GraphQL)',
        20,
        1,
        (i) => register.find({ citizenId: { $in: ids.slice((i % 10) * 100, (i % 10) * 100 + 100) } }).toArray(),
        o.maxSeconds,
        1,
      ),
    );
  }
  await conn.close();

  const scenario = async (name: string, n: number, fn: (i: number) => Promise<unknown>) => {
    setCurrentScenario(name);
    const r = await runScenario(name, n, o.concurrency, fn, o.maxSeconds, o.warmup);
    o.log(name, { median: r.medianMs, p95: r.p95Ms, rps: r.rps });
    return r;
  };
  const identityOne = `query($id: ID!) { person(citizenId: $id) { ${PERSON_FIELDS_DIRECT.homeaffairs} } }`;
  const identityPage = `query($after: String) { people(first: 100, after: $after) { edges { node { ${PERSON_FIELDS_DIRECT.homeaffairs} } } } }`;
  const pairs: ReadPair[] = [];
  if (o.only !== 'dashboards') {
    pairs.push({
      id: 'person',
      title: "one person's full view",
      gateway: await scenario('a. one person, full view, via gateway', o.requests, (i) =>
        gql(gw, `query($id: ID!) { person(citizenId: $id) { ${PERSON_VIEW} } }`, { id: pick(ids, i) }, officer.gateway),
      ),
      direct: await scenario('a. one person, full view, 4 direct subgraph calls', o.requests, (i) =>
        directAll(gql(sg.homeaffairs, identityOne, { id: pick(ids, i) }, officer.direct).then((d) => [d.person])),
      ),
      identityOnly: await scenario('a. one person, identity, direct homeaffairs', o.requests, (i) =>
        gql(sg.homeaffairs, identityOne, { id: pick(ids, i) }, officer.direct),
      ),
    });
    pairs.push({
      id: 'page',
      title: 'page of 100 people, all agencies',
      gateway: await scenario('b. page of 100, all agencies, via gateway', o.pageRequests, (i) =>
        gql(
          gw,
          `query($after: String) { people(first: 100, after: $after) { edges { node { ${PERSON_VIEW} } } } }`,
          { after: pick(cursors, i) },
          officer.gateway,
        ),
      ),
      direct: await scenario('b. page of 100, all agencies, 4 direct subgraph calls', o.pageRequests, (i) =>
        directAll(
          gql(sg.homeaffairs, identityPage, { after: pick(cursors, i) }, officer.direct).then((d) =>
            d.people.edges.map((e: any) => e.node),
          ),
        ),
      ),
      identityOnly: await scenario('b. page of 100, identity, direct homeaffairs', o.pageRequests, (i) =>
        gql(sg.homeaffairs, identityPage, { after: pick(cursors, i) }, officer.direct),
      ),
    });
  }

  // c. The cross-agency dashboard questions, one request at a time (what a dashboard does).
  const dashboards: DashboardResult[] = [];
  if (o.only !== 'person') {
    const coordinator = await caller('coordinator', 'STATISTICS', system);
    const today = o.today;
    const ctx = { province: '12', commune, year: Number(today.slice(0, 4)), today, quarter: quarterOf(today) };
    for (const q of DASHBOARD_QUESTIONS) {
      const base = q.role === 'coordinator' ? coordinator.gateway : officer.gateway;
      const headers = async (url: string, body: string) => ({ ...(await base(url, body)), 'x-access-purpose': q.purpose });
      const name = `c. ${q.id} ${q.title}`;
      setCurrentScenario(name);
      // The first request (cold: the database's cache and the query plans not yet warm), then the median.
      let firstMs = NaN;
      let failed: string | undefined;
      const t0 = performance.now();
      try {
        await gql(gw, q.query, q.variables(ctx), headers);
        firstMs = performance.now() - t0;
      } catch (err) {
        failed = err instanceof Error ? err.message.slice(0, 300) : String(err);
      }
      if (failed) {
        o.log(`dashboard ${q.id} failed`, { error: failed });
        dashboards.push({
          name,
          n: 0,
          medianMs: NaN,
          p95Ms: NaN,
          rps: 0,
          errors: 1,
          note: failed,
          id: q.id,
          title: q.title,
          role: q.role,
          firstMs,
        });
        continue;
      }
      const r = await runScenario(name, o.dashboardRequests, 1, () => gql(gw, q.query, q.variables(ctx), headers), o.maxSeconds, 0);
      dashboards.push({ ...r, id: q.id, title: q.title, role: q.role, firstMs });
      o.log(`dashboard ${q.id}`, { median: r.medianMs, p95: r.p95Ms });
    }
  }
  return { total, commune, communeSize: communeIds.length, pairs, floor, dashboards };
}
