// Query analysis bench (no database, a few seconds): the gateway's limits (our `first`-aware
// measure plus GraphQL Armor's depth, alias and directive rules) on each family of expensive
// documents, at the largest size the default token limit lets through. The time must stay small
// and grow with the document, not with what it expands to (docs/security.md, "Expensive documents").
//
//   node scripts/dist/bench-limits.js        (after `npm run build`; `npm run bench` runs it first)
//   BENCH_LIMITS_RUNS (31): runs per family, the median is printed
import { countAstNodes, DEFAULT_LIMITS, documentAnalyser, parseDocument, QUERY_FAMILIES } from '@nct/gateway';

/** Each family at a size close to the default token limit (5,000). */
const SIZES: Record<string, number> = {
  doubleSpread: 495,
  nestedDoubleSpread: 205,
  deepList: 350,
  spreadDirectives: 205,
  spreadAliases: 495,
  manyAliases: 450,
  typenameDoubleSpread: 300,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => (n < 1e9 ? n.toLocaleString('en-US') : n.toExponential(1));

/** Markdown table, one row per family: size, work done, median times, which limits refuse it. */
export function benchLimits(runs = 31): string {
  const analyse = documentAnalyser(DEFAULT_LIMITS);
  const missing = Object.keys(QUERY_FAMILIES).filter((f) => !(f in SIZES));
  if (missing.length) throw new Error(`bench-limits: no size for the families ${missing.join(', ')}`);
  const rows = Object.entries(SIZES).map(([family, n]) => {
    const source = QUERY_FAMILIES[family](n);
    const document = parseDocument(source);
    const times: number[] = [];
    let result = analyse(document);
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      result = analyse(document);
      times.push(performance.now() - start);
    }
    const { measure, armorErrors } = result;
    const refused = [
      ...armorErrors.map((e) => Object.keys((e.extensions.limits as object | undefined) ?? { other: 1 })[0]),
      ...(measure.cost > DEFAULT_LIMITS.maxCost ? ['cost'] : []),
    ];
    return (
      `| ${family}(${n}) | ${fmt(source.length)} | ${fmt(countAstNodes(document))} | ${fmt(measure.visited)} | ` +
      `${fmt(measure.depth)} / ${fmt(measure.aliases)} / ${fmt(measure.directives)} / ${fmt(measure.cost)} | ` +
      `${median(times).toFixed(2)} | ${refused.join(', ') || 'none'} |`
    );
  });
  return [
    `Query analysis (our measure + GraphQL Armor's rules), median of ${runs} runs, node ${process.version}:`,
    '',
    '| document | bytes | AST nodes | visited | depth / aliases / directives / cost (as executed) | ms | refused by |',
    '| --- | ---: | ---: | ---: | --- | ---: | --- |',
    ...rows,
  ].join('\n');
}

if (require.main === module) {
  const runs = Number(process.env.BENCH_LIMITS_RUNS ?? 31);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('BENCH_LIMITS_RUNS must be a positive integer');
  process.stdout.write(benchLimits(runs) + '\n');
}
