import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '@nct/errors';

/**
 * Abuse limits checked on every operation before anything runs: nesting depth, number of
 * aliases, and an estimated cost where a field's cost is multiplied by the page sizes
 * (`first`) of the lists above it. The parser also stops at `maxTokens`. Introspection fields
 * are not measured (the IDE's standard schema query is 15 levels deep); they touch no data and
 * introspection is disabled in production.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 25_000, maxTokens: 5_000 };

/** Page size assumed for a list field whose `first` is not given (the servers' default). */
const DEFAULT_FIRST = 20;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

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

export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let aliases = 0;
  let maxDepth = 0;
  let cost = 0;
  const walk = (set: SelectionSetNode, depth: number, multiplier: number, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        // Introspection (`__schema`, `__type`) is the IDE's schema query, deeper than any
        // data query (about 15 levels); it is off in production, and needs no data access.
        if (sel.name.value.startsWith('__')) continue;
        const d = depth + 1;
        maxDepth = Math.max(maxDepth, d);
        cost += multiplier;
        if (sel.selectionSet) walk(sel.selectionSet, d, multiplier * firstArgument(sel, variables), seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, depth, multiplier, seen);
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        // A fragment cycle is invalid GraphQL (validation refuses it); never loop on it here.
        if (fragment && !seen.has(name)) walk(fragment.selectionSet, depth, multiplier, new Set([...seen, name]));
      }
    }
  };
  walk(operation.selectionSet, 0, 1, new Set());
  return { depth: maxDepth, aliases, cost };
}

export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(document, operation, request.variables ?? {});
          const over: Array<[string, number, number]> = [];
          if (m.depth > limits.maxDepth) over.push(['depth', m.depth, limits.maxDepth]);
          if (m.aliases > limits.maxAliases) over.push(['aliases', m.aliases, limits.maxAliases]);
          if (m.cost > limits.maxCost) over.push(['cost', m.cost, limits.maxCost]);
          if (over.length) {
            const text = over.map(([what, got, max]) => `${what} ${got} > ${max}`).join(', ');
            throw new AppError(
              'BAD_USER_INPUT',
              { vi: `Truy vấn vượt giới hạn (${text})`, en: `Query exceeds the limits (${text})` },
              { limits: Object.fromEntries(over.map(([what, got, max]) => [what, { value: got, max }])), http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
