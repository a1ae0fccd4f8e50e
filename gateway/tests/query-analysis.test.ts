// The gateway's query analysis must cost time linear in the document, whatever the document
// expands to. These tests count the work done (nodes visited), never wall time: our analysis
// reports `visited`; GraphQL Armor's rules are counted by reading the document through proxies.
import { DocumentNode, Kind, OperationDefinitionNode, parse, SelectionSetNode, validate, ValidationContext } from 'graphql';
import { DEFAULT_LIMITS, measureOperation, queryArmor } from '../src/limits';
import { countAstNodes, familySchema, operationOf, QUERY_FAMILIES } from '../src/query-families';

const SIZES = [5, 10, 20, 40];
const FAMILIES = Object.keys(QUERY_FAMILIES);

/**
 * A copy of the document whose nodes count every read of `selectionSet`: any walk over the
 * document reads it at each field, inline fragment or definition it enters, so the count is the
 * walk's length (graphql-js's own traversal reads it once per node too).
 */
function counted(document: DocumentNode): { document: DocumentNode; reads: () => number } {
  let reads = 0;
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(wrap);
    if (value && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string') {
      const copy: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) copy[key] = key === 'loc' ? v : wrap(v);
      return new Proxy(copy, {
        get(target, prop, receiver) {
          if (prop === 'selectionSet') reads++;
          return Reflect.get(target, prop, receiver);
        },
      });
    }
    return value;
  };
  return { document: wrap(document) as DocumentNode, reads: () => reads };
}

describe('the families are what they claim', () => {
  it.each([
    ['doubleSpread', (n: number) => ({ cost: 2 ** (n + 1), depth: 2 })],
    ['spreadAliases', (n: number) => ({ aliases: 2 ** n })],
    ['spreadDirectives', (n: number) => ({ directives: 2 ** (n + 1) - 2 })],
    ['nestedDoubleSpread', (n: number) => ({ depth: 2 + 3 * n })],
    ['deepList', (n: number) => ({ depth: 2 + 3 * n })],
    ['manyAliases', (n: number) => ({ aliases: n })],
    // `__typename` costs 1 and each spread or inline fragment at least 1: 2^n, not 0.
    ['typenameDoubleSpread', (n: number) => ({ cost: 2 ** n, depth: 1 })],
  ])('%s: small document, large measure', (family, expected) => {
    for (const n of SIZES) {
      const document = parse(QUERY_FAMILIES[family](n));
      expect(validate(familySchema(), document)).toEqual([]); // valid GraphQL, so only limits can stop it
      expect(measureOperation(document, operationOf(document))).toMatchObject(expected(n));
    }
  });
});

describe('our analysis visits each node at most once', () => {
  it.each(FAMILIES)('%s', (family) => {
    const rows = SIZES.map((n) => {
      const document = parse(QUERY_FAMILIES[family](n));
      return { n, nodes: countAstNodes(document), visited: measureOperation(document, operationOf(document)).visited };
    });
    for (const { nodes, visited } of rows) {
      expect(visited).toBeGreaterThan(0);
      expect(visited).toBeLessThanOrEqual(nodes);
    }
    // Linear in the family parameter: 8x the parameter, at most ~8x the work (plus the constant part).
    const [first, , , last] = rows;
    expect(last.visited).toBeLessThanOrEqual((last.n / first.n) * first.visited + 10);
  });

  it('would otherwise be exponential: an expanded walk of doubleSpread(20) meets over a million fields', () => {
    const document = parse(QUERY_FAMILIES.doubleSpread(20));
    const m = measureOperation(document, operationOf(document));
    expect(m.cost).toBe(2 ** 21); // fields executed
    expect(m.visited).toBeLessThan(100); // fields and spreads looked at
  });
});

describe('the cost refuses every exponential family', () => {
  it.each(['doubleSpread', 'spreadAliases', 'spreadDirectives', 'nestedDoubleSpread', 'typenameDoubleSpread'])(
    '%s(20) costs more than maxCost',
    (family) => {
      const document = parse(QUERY_FAMILIES[family](20));
      const m = measureOperation(document, operationOf(document));
      expect(m.cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
      expect(m.visited).toBeLessThanOrEqual(countAstNodes(document));
    },
  );
});

describe("GraphQL Armor's rules visit each node a bounded number of times", () => {
  const rules = queryArmor(DEFAULT_LIMITS, true).validationRules;

  it.each(FAMILIES)('%s', (family) => {
    const rows = SIZES.map((n) => {
      const source = parse(QUERY_FAMILIES[family](n));
      const baseline = counted(source); // graphql-js's traversal alone, no rule
      validate(familySchema(), baseline.document, []);
      const withArmor = counted(source);
      validate(familySchema(), withArmor.document, rules);
      return { n, nodes: countAstNodes(source), traversal: baseline.reads(), armor: withArmor.reads() - baseline.reads() };
    });
    for (const { nodes, armor } of rows) {
      expect(armor).toBeGreaterThan(0); // the rules did walk the document
      // Three rules (depth, aliases, directives), each entering every fragment once (armor
      // memoises fragments by name): about 1.1 reads per AST node on these families.
      expect(armor).toBeLessThanOrEqual(3 * nodes);
    }
    const [first, , , last] = rows;
    expect(last.armor).toBeLessThanOrEqual((last.n / first.n) * first.armor + 30);
  });

  it('the count catches a rule that walks a fragment again at each spread', () => {
    // Control: a naive rule (the gateway's old analysis, as a validation rule) on doubleSpread(16).
    const naive = (context: ValidationContext) => ({
      OperationDefinition(operation: OperationDefinitionNode) {
        const walk = (set: SelectionSetNode): void => {
          for (const sel of set.selections) {
            if (sel.kind === Kind.FRAGMENT_SPREAD) walk(context.getFragment(sel.name.value)!.selectionSet);
            else if (sel.selectionSet) walk(sel.selectionSet);
          }
        };
        walk(operation.selectionSet);
      },
    });
    const source = parse(QUERY_FAMILIES.doubleSpread(16));
    const run = counted(source);
    validate(familySchema(), run.document, [naive]);
    expect(run.reads()).toBeGreaterThan(2 ** 16);
    expect(countAstNodes(source)).toBeLessThan(300);
  });

  it.each([
    ['doubleSpread', []],
    ['spreadAliases', ['aliases']],
    ['spreadDirectives', ['directives']],
    ['nestedDoubleSpread', ['depth']],
    ['deepList', ['depth']],
    ['typenameDoubleSpread', []],
  ])('%s(40): armor refuses with %j, typed and bilingual', (family, limits) => {
    const errors = validate(familySchema(), parse(QUERY_FAMILIES[family](40)), rules);
    expect(errors.map((e) => Object.keys(e.extensions.limits as object)[0])).toEqual(limits);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        messageVi: expect.stringMatching(/^Truy vấn vượt giới hạn/),
        messageEn: expect.stringMatching(/^Query exceeds the limits/),
      });
    }
  });
});
