import { CohortPerson, discloseSplit, splitByMembership } from './chronic-by-membership.rules';

// Q11: chronic-disease management (the Q5 rule: every tracked condition under management,
// Decision 1579/QĐ-TTg and 155/QĐ-TTg targets) among people with a condition, club members
// against non-members; small cells withheld (PDP Law 91/2025; @nct/auth suppressSmallCells).

const person = (citizenId: string, managed: boolean[], extra: Partial<CohortPerson> = {}): CohortPerson => ({
  citizenId,
  closedOn: null,
  conditions: managed.map((underManagement) => ({ diagnosedOn: '2020-01-01', underManagement })),
  ...extra,
});

describe('splitByMembership', () => {
  const AS_OF = '2026-06-30';
  it.each([
    ['a member with every condition managed', person('1', [true, true]), true, { members: { withCondition: 1, underManagement: 1 } }],
    ['a member with one condition not managed', person('1', [true, false]), true, { members: { withCondition: 1, underManagement: 0 } }],
    ['a non-member, managed', person('2', [true]), false, { nonMembers: { withCondition: 1, underManagement: 1 } }],
    ['nobody: no condition', person('3', []), false, {}],
    ['nobody: dead on asOf (record closed)', person('4', [true], { closedOn: AS_OF }), true, {}],
    [
      'counted: died after asOf',
      person('5', [true], { closedOn: '2026-07-01' }),
      true,
      { members: { withCondition: 1, underManagement: 1 } },
    ],
    [
      'nobody: the only condition was diagnosed after asOf',
      person('6', [], { conditions: [{ diagnosedOn: '2026-07-01', underManagement: true }] }),
      false,
      {},
    ],
    [
      'managed on asOf: a later unmanaged diagnosis does not count yet',
      person('7', [], {
        conditions: [
          { diagnosedOn: '2020-01-01', underManagement: true },
          { diagnosedOn: '2026-07-01', underManagement: false },
        ],
      }),
      false,
      { nonMembers: { withCondition: 1, underManagement: 1 } },
    ],
    [
      'not managed once management ended',
      person('8', [], { conditions: [{ diagnosedOn: '2020-01-01', underManagement: true, managementEndedOn: '2026-06-01' }] }),
      false,
      { nonMembers: { withCondition: 1, underManagement: 0 } },
    ],
  ])('%s', (_what, p, member, expected) => {
    const zero = { withCondition: 0, underManagement: 0 };
    const out = splitByMembership([p], new Set(member ? [p.citizenId] : []), AS_OF);
    expect({ members: out.members, nonMembers: out.nonMembers }).toEqual({ members: zero, nonMembers: zero, ...expected });
    expect(out.counted).toEqual(Object.keys(expected).length ? [p.citizenId] : []);
  });
});

describe('discloseSplit: cells of 1-4 withheld, both rows together', () => {
  const row = (withCondition: number, underManagement: number) => ({ withCondition, underManagement });
  it.each([
    // members, non-members -> shown (null: withheld)
    [row(15, 10), row(20, 12), { members: [10, 0.6667], nonMembers: [12, 0.6], suppressed: false }],
    [row(0, 0), row(20, 12), { members: [0, null], nonMembers: [12, 0.6], suppressed: false }], // no member has a condition: nothing to hide
    [row(10, 10), row(20, 5), { members: [10, 1], nonMembers: [5, 0.25], suppressed: false }], // zero unmanaged is not a small cell
    [row(9, 5), row(20, 12), { members: [null, null], nonMembers: [null, null], suppressed: true }], // 4 members unmanaged
    [row(15, 10), row(6, 2), { members: [null, null], nonMembers: [null, null], suppressed: true }], // 2 non-members managed: both rows go
    [row(3, 3), row(50, 30), { members: [null, null], nonMembers: [null, null], suppressed: true }],
  ])('%j and %j', (members, nonMembers, expected) => {
    const out = discloseSplit({ members, nonMembers });
    expect({
      members: [out.members.underManagement, out.members.rate],
      nonMembers: [out.nonMembers.underManagement, out.nonMembers.rate],
      suppressed: out.members.suppressed,
    }).toEqual(expected);
    expect(out.nonMembers.suppressed).toBe(out.members.suppressed);
    // the denominators are given, as Q5 gives them
    expect([out.members.withCondition, out.nonMembers.withCondition]).toEqual([members.withCondition, nonMembers.withCondition]);
  });
});
