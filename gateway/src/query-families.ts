// Families of expensive GraphQL documents, each small (linear in its parameter n) but
// standing for an execution exponential in n (or deep, or wide). The tests
// (tests/query-analysis.test.ts) check that the query analysis visits each family's documents in
// time linear in their size; the bench (scripts/src/bench-limits.ts) times it at large sizes.
import { buildSchema, DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate, visit } from 'graphql';
import { DEFAULT_LIMITS, measureOperation, OperationMeasure, queryArmor, QueryLimits } from './limits';

/**
 * The gateway's shape where it matters here (a person, a page of people, and, for nesting, a
 * person's relatives). Every family's document is valid against it; the `F0` fragments select only
 * `person { fullName }`, which the gateway test fixtures also have.
 */
export const FAMILY_SDL = `
type Query { people(first: Int): PersonConnection! person(citizenId: ID!): Person }
type PersonConnection { edges: [PersonEdge!]! }
type PersonEdge { cursor: String! node: Person! }
type Person { citizenId: ID! fullName: String! relatives(first: Int): PersonConnection! }
`;

let schema: GraphQLSchema | undefined;
export function familySchema(): GraphQLSchema {
  return (schema ??= buildSchema(FAMILY_SDL));
}

/** `fragment Fk on T { body(k-1) }` for k = 1..n, after `F0`; the operation spreads `Fn`. */
function chain(n: number, type: string, f0: string, body: (prev: string) => string, operation: (last: string) => string): string {
  const lines = [operation(`F${n}`), `fragment F0 on ${type} { ${f0} }`];
  for (let k = 1; k <= n; k++) lines.push(`fragment F${k} on ${type} { ${body(`F${k - 1}`)} }`);
  return lines.join('\n');
}

export const QUERY_FAMILIES: Record<string, (n: number) => string> = {
  /** Fk spreads Fk-1 twice: 2^n fields once expanded (the reviewer's 1 KB document). */
  doubleSpread: (n) =>
    chain(
      n,
      'Query',
      'person(citizenId: "1") { fullName }',
      (p) => `...${p} ...${p}`,
      (f) => `query DoubleSpread { ...${f} }`,
    ),
  /** The same, each level one list deeper: depth 3n, 2^n branches, page size 2 at each level. */
  nestedDoubleSpread: (n) =>
    chain(
      n,
      'Person',
      'fullName',
      (p) => `relatives(first: 2) { edges { node { ...${p} ...${p} } } }`,
      (f) => `query NestedDoubleSpread { person(citizenId: "1") { ...${f} } }`,
    ),
  /** Lists of 100 nested n deep, no fragment: cost 100^n. */
  deepList: (n) =>
    `query DeepList { person(citizenId: "1") { ${'relatives(first: 100) { edges { node { '.repeat(n)}fullName${' } } }'.repeat(n)} } }`,
  /** Two directives per level on doubled spreads: 2^(n+1) directives once expanded. */
  spreadDirectives: (n) =>
    chain(
      n,
      'Query',
      'person(citizenId: "1") { fullName }',
      (p) => `...${p} @include(if: true) ...${p} @skip(if: false)`,
      (f) => `query SpreadDirectives { ...${f} }`,
    ),
  /** An alias in F0 and doubled spreads: 2^n aliases once expanded. */
  spreadAliases: (n) =>
    chain(
      n,
      'Query',
      'a: person(citizenId: "1") { fullName }',
      (p) => `...${p} ...${p}`,
      (f) => `query SpreadAliases { ...${f} }`,
    ),
  /**
   * Nothing but `__typename`, a spread and an inline fragment per level: 2^n selections once
   * expanded, which the federation query planner does expand (20 levels: 16 s of gateway CPU
   * before the fix, when `__typename` and spreads cost nothing).
   */
  typenameDoubleSpread: (n) =>
    chain(
      n,
      'Query',
      '__typename',
      (p) => `...${p} ... on Query { ...${p} }`,
      (f) => `query TypenameDoubleSpread { ...${f} }`,
    ),
  /** n aliases side by side, no fragment. */
  manyAliases: (n) =>
    `query ManyAliases { ${Array.from({ length: n }, (_, i) => `a${i}: person(citizenId: "${i}") { fullName }`).join(' ')} }`,
};

/** Every node of the document (definitions, selections, names, arguments, values, …). */
export function countAstNodes(document: DocumentNode): number {
  let nodes = 0;
  visit(document, { enter: () => void nodes++ });
  return nodes;
}

export function operationOf(document: DocumentNode): OperationDefinitionNode {
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation in the document');
  return op;
}

/**
 * The gateway's analysis of a document, outside the server: our measure, then GraphQL Armor's
 * validation rules (depth, aliases, directives) against the family schema. What the bench times.
 */
export function documentAnalyser(
  limits: QueryLimits = DEFAULT_LIMITS,
): (document: DocumentNode) => { measure: OperationMeasure; armorErrors: readonly GraphQLError[] } {
  const rules = queryArmor(limits, true).validationRules;
  return (document) => ({
    measure: measureOperation(document, operationOf(document)),
    armorErrors: validate(familySchema(), document, rules),
  });
}

export { parse as parseDocument };
