import { graphStub, graphUnavailable, type GraphCaller } from '@nct/subgraph-kit';

/** A residence period as the register answers it. */
export interface FakeResidence {
  communeCode: string;
  villageCode?: string | null;
  from: string;
  to?: string | null;
  disadvantaged?: Array<{ from: string; to?: string | null; level: string; legalAct: string }>;
}

export interface FakePerson {
  citizenId: string;
  birthDate: string;
  deathDate?: string | null;
  residenceHistory?: FakeResidence[];
}

/**
 * An in-memory register behind the subgraph's graph caller (docs/consistency.md section 1: the
 * subgraph's tests give RegisterPort an in-memory register; the end-to-end tests run the real
 * path through the gateway). It answers `registerPeople` as homeaffairs does (one entry per
 * citizen ID asked, null when unknown); `down = true` makes every call fail as an unreachable
 * gateway does (DEPENDENCY_UNAVAILABLE).
 */
export class FakeRegister {
  readonly people = new Map<string, FakePerson>();
  down = false;
  /** The citizen IDs of each call, in order. */
  readonly calls: string[][] = [];
  readonly graph: GraphCaller = graphStub((op) => {
    if (this.down) throw graphUnavailable(op.what);
    if (op.purpose !== 'BENEFIT_ADMINISTRATION') throw new Error(`unexpected purpose ${op.purpose}`);
    const ids = (op.variables?.ids ?? []) as string[];
    if (!/registerPeople/.test(op.query) || ids.length > 500) throw new Error('unexpected operation');
    this.calls.push(ids);
    return {
      registerPeople: ids.map((id) => {
        const p = this.people.get(id);
        return p
          ? {
              citizenId: p.citizenId,
              birthDate: p.birthDate,
              deathDate: p.deathDate ?? null,
              residenceHistory: (p.residenceHistory ?? []).map((r) => ({
                communeCode: r.communeCode,
                villageCode: r.villageCode ?? null,
                from: r.from,
                to: r.to ?? null,
                disadvantaged: (r.disadvantaged ?? []).map((d) => ({ ...d, to: d.to ?? null })),
              })),
            }
          : null;
      }),
    };
  });

  /** Adds (or replaces) a person living in `communeCode` since 1990 unless a history is given. */
  add(citizenId: string, birthDate: string, over: Partial<FakePerson> & { communeCode?: string } = {}): FakePerson {
    const { communeCode = '03199', ...rest } = over;
    const person: FakePerson = { citizenId, birthDate, residenceHistory: [{ communeCode, from: '1990-01-01' }], ...rest };
    this.people.set(citizenId, person);
    return person;
  }

  /** Records a death in the register. */
  die(citizenId: string, deathDate: string): void {
    const p = this.people.get(citizenId);
    if (!p) throw new Error(`no ${citizenId} in the fake register`);
    p.deathDate = deathDate;
  }
}
