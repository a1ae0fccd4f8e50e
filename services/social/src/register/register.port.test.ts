import { DependencyUnavailableError } from '@nct/errors';
import { graphStub, graphUnavailable, type GraphOperation } from '@nct/subgraph-kit';
import { graphRegister, REGISTER_CHUNK } from './register.port';

describe('RegisterPort through the graph', () => {
  it('asks registerPeople 500 citizen IDs at a time, purpose BENEFIT_ADMINISTRATION, and reads unknown people as absent', async () => {
    const ops: GraphOperation[] = [];
    const register = graphRegister(
      graphStub((op) => {
        ops.push(op);
        const ids = op.variables!.ids as string[];
        return {
          registerPeople: ids.map((id) =>
            id.endsWith('7')
              ? null
              : { citizenId: id, birthDate: '1940-01-01', deathDate: id.endsWith('3') ? '2025-01-02' : null, residenceHistory: [] },
          ),
        };
      }),
    );
    const ids = Array.from({ length: 1001 }, (_, i) => `0121400${String(i).padStart(5, '0')}`);
    const found = await register.identities([...ids, ids[0]], 'req-1');
    expect(ops.map((o) => (o.variables!.ids as string[]).length)).toEqual([REGISTER_CHUNK, REGISTER_CHUNK, 1]);
    expect(ops.every((o) => o.purpose === 'BENEFIT_ADMINISTRATION' && o.requestId === 'req-1')).toBe(true);
    expect(found.size).toBe(1001 - 100);
    expect(found.get('012140000003')).toEqual({
      citizenId: '012140000003',
      birthDate: '1940-01-01',
      deathDate: '2025-01-02',
      residenceHistory: [],
    });
    expect(await register.identity('012140000007')).toBeNull();
  });

  it('fails with DEPENDENCY_UNAVAILABLE when the graph cannot answer', async () => {
    const register = graphRegister(
      graphStub(() => {
        throw graphUnavailable();
      }),
    );
    await expect(register.identity('012140000001')).rejects.toBeInstanceOf(DependencyUnavailableError);
  });
});
