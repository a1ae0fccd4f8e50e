import { AppError } from '@nct/errors';
import { startSystem, System } from './harness';

// Subgraphs call the graph as service principals (docs/consistency.md section 1): through the
// real gateway, with a token of the run's issuer for svc-<subgraph>, a declared purpose, and
// an entry in the access log like any other reader.
describe('a subgraph calls the graph through the gateway', () => {
  let system: System;
  let living: { citizenId: string; birthDate: string };

  beforeAll(async () => {
    system = await startSystem({ people: 60 });
    living = system.seed.people.find((p) => p.deathDate === null)!;
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });

  const IDENTITY = `query RegisterIdentity($id: ID!) { person(citizenId: $id) { citizenId birthDate } }`;

  it('reads the register as svc-social, and the access log records it', async () => {
    const graph = system.subgraphs.social!.services.graph;
    const data = await graph.request<{ person: { citizenId: string; birthDate: string } }>({
      query: IDENTITY,
      variables: { id: living.citizenId },
      purpose: 'BENEFIT_ADMINISTRATION',
      requestId: 'graph-client-e2e-1',
    });
    expect(data.person).toEqual({ citizenId: living.citizenId, birthDate: living.birthDate });
    const entries = (await system.subgraphs.audit!.models.AccessEntry.find({ correlationId: 'graph-client-e2e-1' }).lean()) as any[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      subject: 'svc-social',
      role: 'social',
      purpose: 'BENEFIT_ADMINISTRATION',
      citizenId: living.citizenId,
      operationName: 'RegisterIdentity',
    });
  });

  it('keeps the code of a refusal by the access rules (a misconfiguration, not an outage)', async () => {
    // The health principal may not read allowance data.
    const call = system.subgraphs.health!.services.graph.request({
      query: `query($id: ID!) { person(citizenId: $id) { monthlyAllowance { group } } }`,
      variables: { id: living.citizenId },
      purpose: 'HEALTH_CARE',
    });
    await expect(call).rejects.toBeInstanceOf(AppError);
    await expect(call).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('refuses with DEPENDENCY_UNAVAILABLE when the register is down: nothing was written, send it again', async () => {
    await system.stopSubgraph('homeaffairs');
    const call = system.subgraphs.social!.services.graph.request({
      query: IDENTITY,
      variables: { id: living.citizenId },
      purpose: 'BENEFIT_ADMINISTRATION',
      what: { vi: 'sổ đăng ký', en: 'the register' },
    });
    await expect(call).rejects.toMatchObject({
      extensions: {
        code: 'DEPENDENCY_UNAVAILABLE',
        reason: 'SUBGRAPH_UNAVAILABLE',
        messageEn: 'Could not reach the register through the gateway; nothing was written; send it again',
      },
    });
  });
});
