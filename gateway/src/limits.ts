import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AppError } from '@nct/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@nct/subgraph-kit';

/**
 * Abuse limits checked on every operation before anything runs (docs/security.md, "Expensive
 * documents"). GraphQL Armor enforces nesting depth, aliases and directives as validation rules;
 * graphql-js's parser stops at `maxTokens`; this file's own analysis adds an estimated cost where
 * a field's cost is multiplied by the page sizes (`first`) of the lists above it.
 * Every selection counts as executed, `__typename` and introspection included: a document of
 * nothing but `__typename` and fragment spreads still has a cost that grows with its expansion
 * (the federation query planner expands it before anything runs). Introspection subtrees
 * (`__schema`, `__type`) are outside `maxDepth` (the IDE's standard schema query is about 15
 * levels deep) but have their own cap, `maxIntrospectionDepth`; introspection is off in production.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxTokens: number;
  /** Deepest `__schema` / `__type` subtree (the IDE's standard introspection query: 15 levels). */
  maxIntrospectionDepth: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 25_000,
  maxTokens: 5_000,
  maxIntrospectionDepth: 20,
};

/** Page size of a list field whose `first` is absent or null (the servers' default). */
const DEFAULT_FIRST = DEFAULT_PAGE_SIZE;
/** Page size assumed for a variable `first` with neither a value nor a default: the servers' maximum. */
const MAX_FIRST = MAX_PAGE_SIZE;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export interface OperationMeasure {
  /** Deepest field, fragments flattened, introspection subtrees left out. */
  depth: number;
  /** Deepest introspection subtree (`__schema`, `__type`), the introspection field included. */
  introspectionDepth: number;
  /** Aliases, counted as executed: an alias in a fragment spread twice counts twice. */
  aliases: number;
  /** Directives, counted as executed (same rule as aliases). */
  directives: number;
  /**
   * Selections as executed (every field, `__typename` and introspection included; an inline
   * fragment or spread at least 1), each multiplied by the `first` page sizes of the lists above it.
   */
  cost: number;
  /** Selections the analysis looked at: at most the document's, whatever the spreads. */
  visited: number;
}

/** What one selection set (or fragment) contributes, with cost per unit of multiplier. */
interface Summary {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const empty = (): Summary => ({ depth: 0, introspectionDepth: 0, aliases: 0, directives: 0, cost: 0 });

/** A literal `first`: its value; null (or anything else) is the servers' default page size. */
function literalFirst(value: ValueNode): number {
  return value.kind === Kind.INT ? Math.max(1, Number(value.value)) : DEFAULT_FIRST;
}

/**
 * The page size of a list field: `first` as given; for a variable, its value, else the
 * variable's default in the operation, else the servers' maximum page size (never less than
 * what the servers may run).
 */
function firstArgument(field: FieldNode, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return 1;
  const value: ValueNode = arg.value;
  if (value.kind !== Kind.VARIABLE) return literalFirst(value);
  const name = value.name.value;
  if (Object.prototype.hasOwnProperty.call(variables, name)) {
    const v = variables[name];
    if (typeof v === 'number' && v > 0) return v;
    if (v === null) return DEFAULT_FIRST; // an explicit null: the servers' default page size
    return MAX_FIRST; // not a valid page size: refused by validation anyway
  }
  const fallback = defaults.get(name);
  return fallback ? literalFirst(fallback) : MAX_FIRST;
}

/** `pages * cost`, where a part that costs nothing stays free even under an infinite page size. */
const scaled = (pages: number, cost: number) => (cost === 0 ? 0 : pages * cost);

function add(into: Summary, part: Summary): void {
  into.depth = Math.max(into.depth, part.depth);
  into.introspectionDepth = Math.max(into.introspectionDepth, part.introspectionDepth);
  into.aliases += part.aliases;
  into.directives += part.directives;
  into.cost += part.cost;
}

/**
 * Measures one operation in time linear in the document: each fragment is summarised once
 * (depth below it, aliases, directives, cost per unit of page size) and the summary is reused at
 * every spread. Walking a fragment again at each spread would cost 2^n for n fragments that each
 * spread the previous one twice, a 1 KB document taking minutes. The totals still count what
 * would execute (so they may be astronomically large numbers); `visited` counts the work done.
 * Also safe on documents that validation would refuse (unknown fragments, fragment cycles).
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const defaults = new Map<string, ValueNode>();
  for (const def of operation.variableDefinitions ?? []) if (def.defaultValue) defaults.set(def.variable.name.value, def.defaultValue);
  // null while a fragment is being summarised: a spread that meets it is a cycle (invalid GraphQL).
  const summaries = new Map<string, Summary | null>();
  let visited = 0;

  const fragmentSummary = (name: string): Summary => {
    const known = summaries.get(name);
    if (known !== undefined) return known ?? empty();
    const fragment = fragments.get(name);
    if (!fragment) return empty();
    summaries.set(name, null);
    const summary = summarise(fragment.selectionSet);
    summary.directives += fragment.directives?.length ?? 0;
    summaries.set(name, summary);
    return summary;
  };

  const summarise = (set: SelectionSetNode): Summary => {
    const total = empty();
    for (const sel of set.selections) {
      visited++;
      total.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) total.aliases++;
        const below = sel.selectionSet ? summarise(sel.selectionSet) : empty();
        if (INTROSPECTION_FIELDS.has(sel.name.value)) {
          // Introspection (`__schema`, `__type`): the IDE's schema query, deeper than any data
          // query (15 levels), so outside `depth` but capped by `introspectionDepth`; it costs
          // like any selection. (`__typename` is an ordinary leaf field below.)
          add(total, {
            depth: 0,
            introspectionDepth: Math.max(below.depth, below.introspectionDepth) + 1,
            aliases: below.aliases,
            directives: below.directives,
            cost: 1 + below.cost,
          });
          continue;
        }
        add(total, {
          depth: below.depth + 1,
          introspectionDepth: below.introspectionDepth,
          aliases: below.aliases,
          directives: below.directives,
          cost: 1 + scaled(firstArgument(sel, variables, defaults), below.cost),
        });
      } else {
        // An inline fragment or a spread is at least one executed selection, whatever it
        // contains (the query planner expands each one): a chain of fragments doubling
        // `__typename` costs 2^n, not nothing.
        const part = sel.kind === Kind.INLINE_FRAGMENT ? summarise(sel.selectionSet) : fragmentSummary(sel.name.value);
        add(total, { ...part, cost: Math.max(1, part.cost) });
      }
    }
    return total;
  };

  const summary = summarise(operation.selectionSet);
  return { ...summary, directives: summary.directives + (operation.directives?.length ?? 0), visited };
}

type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens' | 'introspectionDepth';

/** The typed, bilingual refusal; `extensions.limits` names each limit with its value and maximum. */
export function limitsExceeded(over: Array<[LimitName, number | undefined, number]>): AppError {
  const text = over.map(([what, got, max]) => (got === undefined ? `${what} > ${max}` : `${what} ${got} > ${max}`)).join(', ');
  return new AppError(
    'BAD_USER_INPUT',
    { vi: `Truy vấn vượt giới hạn (${text})`, en: `Query exceeds the limits (${text})` },
    { limits: Object.fromEntries(over.map(([what, got, max]) => [what, { value: got ?? null, max }])), http: { status: 400 } },
  );
}

/**
 * Armor calls this instead of reporting its own English-only error: the refusal becomes our
 * AppError (the value is read from armor's message, "… exceeded, found N.", which `exposeLimits`
 * keeps stable). formatGatewayError restores its BAD_USER_INPUT code, which Apollo Server
 * overwrites with GRAPHQL_VALIDATION_FAILED for every validation error.
 */
function reportAs(limit: LimitName, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(limitsExceeded([[limit, found ? Number(found[1]) : undefined, max]]));
  };
}

/**
 * GraphQL Armor's protections for Apollo Server, as `{ plugins, validationRules }`.
 * - depth, aliases, directives: armor's rules, each memoising fragments (one visit per fragment
 *   whatever the number of spreads; tests/query-analysis.test.ts counts the node visits).
 *   `flattenFragments` so that fragments add no depth, as in `measureOperation`.
 * - cost: off; `limitsPlugin` keeps the project's `first`-aware cost instead.
 * - tokens: off; armor's Apollo token plugin parses the document a second time and its refusal
 *   escapes Apollo's pipeline as an unexpected 500. The server passes `maxTokens` to graphql-js's
 *   own parser instead (same count, one parse, a 400).
 * - field suggestions ("Did you mean …?"): masked in production, where they would map the schema
 *   for a caller who cannot introspect it.
 */
export function queryArmor(limits: QueryLimits, production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const reject = { propagateOnRejection: false, exposeLimits: true };
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...reject,
      onReject: [reportAs('depth', limits.maxDepth)],
    },
    maxAliases: { n: limits.maxAliases, ...reject, onReject: [reportAs('aliases', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, ...reject, onReject: [reportAs('directives', limits.maxDirectives)] },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production, mask: '[suggestion hidden / gợi ý bị ẩn]' },
  }).protect();
  return { plugins, validationRules };
}

/**
 * Refuses an operation whose `first`-aware cost, or whose introspection depth, is over the limit,
 * before the query planner and any subgraph call.
 */
export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const { cost, introspectionDepth } = measureOperation(document, operation, request.variables ?? {});
          const over: Array<[LimitName, number, number]> = [];
          // `!(<=)` also refuses NaN, should an absurd page size ever produce one.
          if (!(cost <= limits.maxCost)) over.push(['cost', cost, limits.maxCost]);
          if (!(introspectionDepth <= limits.maxIntrospectionDepth))
            over.push(['introspectionDepth', introspectionDepth, limits.maxIntrospectionDepth]);
          if (over.length) throw limitsExceeded(over);
        },
      };
    },
  };
}
