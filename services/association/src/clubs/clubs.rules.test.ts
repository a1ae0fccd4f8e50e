import { clubComposition, clubMemberProblems, CompositionMember, memberFlagProblems, withinPercent } from './clubs.rules';
import { COMPOSITION_TARGETS, compositionTargetsOn, CompositionTargetRow, validateCompositionTargets } from './rules/composition-targets';
import { ELDERLY_AGE_TABLE, elderlyAgeOn, validateElderlyAgeTable } from '../membership/rules/elderly-age';

const TODAY = '2026-11-23';

describe('composition flags agree with identity (Law on the Elderly 2009 Art. 2; Decision 1336/QĐ-TTg)', () => {
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();
  it.each([
    // birthDate, sex, elderly, woman, young, refused fields
    ['1966-11-23', 'FEMALE', true, true, false, []], // a full 60 today
    ['1966-11-24', 'FEMALE', false, true, true, []], // 59 until tomorrow
    ['1966-11-24', 'MALE', true, false, false, ['elderly', 'young']],
    ['1966-11-23', 'MALE', false, false, true, ['elderly', 'young']],
    ['1940-01-01', 'MALE', true, true, false, ['woman']],
    ['1990-05-05', 'FEMALE', false, false, true, ['woman']],
    ['1990-05-05', 'MALE', false, false, false, ['young']],
    ['1940-01-01', 'FEMALE', true, true, true, ['young']],
  ] as const)('born %s %s elderly=%s woman=%s young=%s -> %j', (birthDate, sex, elderly, woman, young, refused) => {
    expect(fields(memberFlagProblems({ birthDate, sex, elderly, woman, young }, TODAY))).toEqual([...refused].sort());
  });

  it('counts a 29 February birthday as turning 60 on the day itself in a leap year', () => {
    const m = { birthDate: '1964-02-29', sex: 'MALE' as const, woman: false };
    expect(memberFlagProblems({ ...m, elderly: false, young: true }, '2024-02-28')).toEqual([]);
    expect(memberFlagProblems({ ...m, elderly: true, young: false }, '2024-02-29')).toEqual([]);
  });
});

describe('adding a club member', () => {
  const valid = {
    clubId: 'CLB-03199-01',
    citizenId: '012190000321', // digit 4 = 1: a woman born in the 1900s; 90: 1990
    fullName: 'Lò Thị Hương',
    birthDate: '1990-05-05',
    sex: 'FEMALE' as const,
    elderly: false,
    woman: true,
    young: true,
    joinedOn: '2024-01-15',
  };
  it('accepts a consistent younger member', () => {
    expect(clubMemberProblems(valid, TODAY)).toEqual([]);
  });
  it.each([
    [{ clubId: 'CLB-3199-01' }, 'clubId'],
    [{ clubId: '{"$gt":""}' }, 'clubId'],
    [{ citizenId: '012090000321' }, 'citizenId'], // digit 4 says male
    [{ citizenId: '012191000321' }, 'citizenId'], // digits 5-6 say 1991
    [{ citizenId: '12190000321' }, 'citizenId'],
    [{ fullName: ' ' }, 'fullName'],
    [{ fullName: 'x'.repeat(101) }, 'fullName'],
    [{ fullName: 'Robert"); DROP' }, 'fullName'],
    [{ birthDate: '1990-02-30' }, 'birthDate'],
    [{ birthDate: '1890-05-05', citizenId: '012190000321' }, 'birthDate'],
    [{ joinedOn: '2026-11-24' }, 'joinedOn'],
    [{ joinedOn: '1989-01-01' }, 'joinedOn'],
    [{ woman: false }, 'woman'],
    [{ elderly: true, young: false }, 'elderly'],
  ])('refuses %j', (change, field) => {
    expect(clubMemberProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toContain(field);
  });
});

describe('club composition figures (Decision 1336/QĐ-TTg: 50-70 members, 60-70% women, 60-70% elderly, 30-40% young)', () => {
  /** A club of `total` members, the first `women` women, the first `elderly` elderly (others young), the first `priority` priority. */
  function club(total: number, women: number, elderly: number, priority = 0): CompositionMember[] {
    return Array.from({ length: total }, (_, i) => ({
      woman: i < women,
      elderly: i < elderly,
      young: i >= elderly,
      priority: i < priority,
    }));
  }
  const targets = compositionTargetsOn(TODAY) as CompositionTargetRow;

  it('counts and shares', () => {
    expect(clubComposition(club(50, 30, 35, 5))).toEqual({
      total: 50,
      women: 30,
      elderly: 35,
      young: 15,
      priority: 5,
      shares: { women: 0.6, elderly: 0.7, young: 0.3, priority: 0.1 },
    });
  });

  it('an empty club has zero shares and meets no target', () => {
    const c = clubComposition([]);
    expect(c).toEqual({ total: 0, women: 0, elderly: 0, young: 0, priority: 0, shares: { women: 0, elderly: 0, young: 0, priority: 0 } });
    expect(withinPercent(0, 0, targets.women)).toBe(false);
  });

  it.each([
    // count, total, range, within
    [30, 50, 'women', true], // exactly 60%
    [29, 50, 'women', false],
    [35, 50, 'women', true], // exactly 70%
    [36, 50, 'women', false],
    [42, 70, 'elderly', true], // exactly 60%
    [41, 70, 'elderly', false],
    [49, 70, 'elderly', true], // exactly 70%
    [50, 70, 'elderly', false],
    [15, 50, 'young', true], // exactly 30%
    [14, 50, 'young', false],
    [20, 50, 'young', true], // exactly 40%
    [21, 50, 'young', false],
    [7, 11, 'women', true], // 63.6%
    [2, 3, 'women', true], // 66.7%, never rounded
  ] as const)('%i of %i for %s -> %s', (count, total, key, within) => {
    expect(withinPercent(count, total, targets[key])).toBe(within);
  });

  it('uses the table in force: none before Decision 1336, the 2020 row after', () => {
    expect(compositionTargetsOn('2020-08-30')).toBeNull();
    expect(compositionTargetsOn('2020-08-31')).toBe(COMPOSITION_TARGETS[0]);
    expect(targets.members).toEqual({ min: 50, max: 70 });
  });
});

describe('rule tables are validated at load', () => {
  const good = COMPOSITION_TARGETS[0];
  it('accepts the shipped tables', () => {
    expect(validateCompositionTargets(COMPOSITION_TARGETS)).toBe(COMPOSITION_TARGETS);
    expect(validateElderlyAgeTable(ELDERLY_AGE_TABLE)).toBe(ELDERLY_AGE_TABLE);
    expect(elderlyAgeOn(TODAY)).toBe(60);
  });
  it.each([
    ['no rows', []],
    ['bad date', [{ ...good, effectiveFrom: '2020-02-30' }]],
    ['no legal act', [{ ...good, legalAct: ' ' }]],
    ['dates not increasing', [good, { ...good }]],
    ['min above max', [{ ...good, women: { min: 70, max: 60 } }]],
    ['above 100%', [{ ...good, young: { min: 30, max: 140 } }]],
    ['fractional per cent', [{ ...good, elderly: { min: 60.5, max: 70 } }]],
    ['no members range', [{ ...good, members: undefined as never }]],
  ])('refuses a composition table with %s', (_what, rows) => {
    expect(() => validateCompositionTargets(rows as CompositionTargetRow[])).toThrow(/rule table composition-targets/);
  });
  it('refuses an elderly-age table with a nonsense age', () => {
    expect(() => validateElderlyAgeTable([{ ...ELDERLY_AGE_TABLE[0], elderlyAge: 6 }])).toThrow(/elderlyAge/);
  });
});
