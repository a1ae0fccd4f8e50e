import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { ProblemNotice, Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import type { IndicatorFragment, UnitCoverageFragment } from '../../gql/graphql';
import { problemAt, type Problem } from '../../graphql/problems';
import { formatDate, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/context';
import type { Messages } from '../../i18n/messages';
import { href } from '../../router';
import { chartValue, flag, QueryState, ReadyMark } from './common';
import { useHealth, useHealthProvince } from './data';

type Commune = UnitCoverageFragment;
export type IndicatorKey = 'healthRecord' | 'annualCheck' | 'insuranceCard' | 'chronicManagement';
export const MAIN_INDICATORS: IndicatorKey[] = ['healthRecord', 'annualCheck', 'insuranceCard'];

export function indicatorLabel(t: Messages, key: IndicatorKey): string {
  return {
    healthRecord: t.indHealthRecord,
    annualCheck: t.indAnnualCheck,
    insuranceCard: t.indInsuranceCard,
    chronicManagement: t.indChronic,
  }[key];
}

/** Count, share and `met` of one indicator of a commune, as the API gave them (withheld stays withheld). */
export function indicatorCells(
  ind: IndicatorFragment | undefined | null,
  problem?: Problem,
): { count: Cell; share: Cell; met: Cell; denominator: Cell } {
  if (problem || !ind) {
    const missing: Cell = problem
      ? problem.kind === 'forbidden'
        ? { kind: 'forbidden' }
        : { kind: 'unavailable', service: problem.service }
      : { kind: 'empty' };
    return { count: missing, share: missing, met: missing, denominator: missing };
  }
  return {
    count: figure(ind.count, { suppressed: ind.suppressed }),
    share: figure(ind.share, { kind: 'share', suppressed: ind.suppressed }),
    met: flag(ind.met),
    denominator: figure(ind.denominator),
  };
}

interface Row {
  commune: Commune;
  problem?: Problem;
}

/** Q5 for the province: one row per commune, the three national targets, a chart of the shares. */
export function HealthSection() {
  const { t, lang } = useLang();
  const { data, problems } = useHealth();
  const rows: Row[] = useMemo(
    () =>
      (data?.communesOf ?? []).map((commune, i) => ({
        commune,
        problem: problemAt(problems, ['communesOf', i, 'healthCoverage'], 'health'),
      })),
    [data, problems],
  );
  const province = useHealthProvince();
  const footer: Row[] = useMemo(() => {
    const unit = province.data?.administrativeUnit;
    if (!unit) return [];
    return [{ commune: unit, problem: problemAt(province.problems, ['administrativeUnit', 'healthCoverage'], 'health') }];
  }, [province]);
  const first = rows.find((r) => r.commune.healthCoverage)?.commune.healthCoverage;
  const targetOf = (key: IndicatorKey) => first?.[key].targetPercent ?? null;
  const header = (key: IndicatorKey, what: 'count' | 'share' | 'met') => {
    const label = indicatorLabel(t, key);
    if (what === 'count') return t.countOf(label);
    if (what === 'met') return t.metOf(label);
    const target = targetOf(key);
    return `${t.shareOf(label)}${target !== null ? ` (${t.target} ${formatPercent(target, lang)})` : ''}`;
  };
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: t.communeCol,
      cell: (r) => text(r.commune.code === footer[0]?.commune.code ? t.provinceTotal : r.commune.name),
      link: (r) => (r.commune.code.length === 5 ? href(['dashboard', 'commune', r.commune.code]) : undefined),
    },
    { id: 'elderly', header: t.elderlyCol, cell: (r) => figure(r.commune.elderlyCountToday) },
    ...MAIN_INDICATORS.flatMap((key): Column<Row>[] => [
      { id: `${key}-count`, header: header(key, 'count'), cell: (r) => indicatorCells(r.commune.healthCoverage?.[key], r.problem).count },
      { id: `${key}-share`, header: header(key, 'share'), cell: (r) => indicatorCells(r.commune.healthCoverage?.[key], r.problem).share },
      { id: `${key}-met`, header: header(key, 'met'), cell: (r) => indicatorCells(r.commune.healthCoverage?.[key], r.problem).met },
    ]),
    { id: 'all', header: t.allTargetsMet, cell: (r) => flag(r.commune.healthCoverage?.allTargetsMet, r.problem) },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => r.commune.name),
      series: MAIN_INDICATORS.map((key) => {
        const target = first?.[key].targetPercent;
        return {
          name: indicatorLabel(t, key),
          values: rows.map((r) => chartValue(indicatorCells(r.commune.healthCoverage?.[key], r.problem).share)),
          ...(target !== null && target !== undefined
            ? { target: { value: target / 100, label: `${t.target} ${formatPercent(target, lang)}` } }
            : {}),
        };
      }),
    }),
    [rows, first, t, lang],
  );
  const healthDown = problems.find((p) => p.service === 'health' && p.kind !== 'other');
  return (
    <Section id="health-coverage" title={t.healthTitle}>
      <QueryState hasData={!!data} problems={problems}>
        {() => (
          <div data-ready="dashboard-health">
            <ReadyMark name="dashboard-health" />
            {first ? <p className="hint">{t.healthIntro(formatDate(first.referenceDate, lang))}</p> : null}
            {healthDown ? <ProblemNotice problem={healthDown} /> : null}
            <Chart label={t.healthTitle} categories={chart.categories} series={chart.series} format="share" />
            <DataTable
              caption={t.healthTitle}
              columns={columns}
              rows={rows}
              footer={footer}
              rowKey={(r) => r.commune.code}
              pageSize={100}
              tools={<ExportButtons name={t.healthTitle} load={async () => tableData(columns, [...rows, ...footer])} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
