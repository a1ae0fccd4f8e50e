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

/**
 * Abuse limits checked on every operation before anything runs (docs/security.md, "Expensive
 * documents"). GraphQL Armor enforces nesting depth, aliases and directives as validation rules;
 * graphql-js's parser stops at `maxTokens`; this file's own analysis adds an estimated cost where
 * a field's cost is multiplied by the page sizes (`first`) of the lists above it.
 * Introspection fields are not measured (the IDE's standard schema query is 15 levels deep);
 * they touch no data and introspection is disabled in production.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxTokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxCost: 25_000, maxTokens: 5_000 };

/** Page size assumed for a list field whose `first` is not given (the servers' default). */
const DEFAULT_FIRST = 20;

export interface OperationMeasure {
  /** Deepest field, fragments flattened. */
  depth: number;
  /** Aliases, counted as executed: an alias in a fragment spread twice counts twice. */
  aliases: number;
  /** Directives, counted as executed (same rule as aliases). */
  directives: number;
  /** Fields, each multiplied by the `first` page sizes of the lists above it. */
  cost: number;
  /** Selections the analysis looked at: at most the document's, whatever the spreads. */
  visited: number;
}

/** What one selection set (or fragment) contributes, with cost per unit of multiplier. */
interface Summary {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const empty = (): Summary => ({ depth: 0, aliases: 0, directives: 0, cost: 0 });

function firstArgument(field: FieldNode, variables: Record<string, unknown>): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return 1;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' && v > 0 ? v : DEFAULT_FIRST;
  }
  return DEFAULT_FIRST;
}

/** `pages * cost`, where a part that costs nothing stays free even under an infinite page size. */
const scaled = (pages: number, cost: number) => (cost === 0 ? 0 : pages * cost);

function add(into: Summary, part: Summary): void {
  into.depth = Math.max(into.depth, part.depth);
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
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
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
        // Introspection (`__schema`, `__type`) is the IDE's schema query, deeper than any
        // data query (about 15 levels); it is off in production, and needs no data access.
        if (sel.name.value.startsWith('__')) continue;
        const below = sel.selectionSet ? summarise(sel.selectionSet) : empty();
        add(total, {
          depth: below.depth + 1,
          aliases: below.aliases,
          directives: below.directives,
          cost: 1 + scaled(firstArgument(sel, variables), below.cost),
        });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(total, summarise(sel.selectionSet));
      } else {
        add(total, fragmentSummary(sel.name.value));
      }
    }
    return total;
  };

  const summary = summarise(operation.selectionSet);
  return { ...summary, directives: summary.directives + (operation.directives?.length ?? 0), visited };
}

type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

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
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reject, onReject: [reportAs('depth', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, ...reject, onReject: [reportAs('aliases', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, ...reject, onReject: [reportAs('directives', limits.maxDirectives)] },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production, mask: '[suggestion hidden / gợi ý bị ẩn]' },
  }).protect();
  return { plugins, validationRules };
}

/** Refuses an operation whose `first`-aware cost is over the limit, before any subgraph call. */
export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const { cost } = measureOperation(document, operation, request.variables ?? {});
          // `!(<=)` also refuses NaN, should an absurd page size ever produce one.
          if (!(cost <= limits.maxCost)) throw limitsExceeded([['cost', cost, limits.maxCost]]);
        },
      };
    },
  };
}
