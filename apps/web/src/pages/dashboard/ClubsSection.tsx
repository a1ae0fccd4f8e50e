import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { ProblemNotice, Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import type { CoverageGroupFieldsFragment, DashboardClubsQuery } from '../../gql/graphql';
import { problemAt, type Problem } from '../../graphql/problems';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/context';
import { href } from '../../router';
import { chartValue, flag, QueryState, ReadyMark } from './common';
import { useClubs } from './data';

type Commune = DashboardClubsQuery['communesOf'][number];
interface GroupRow {
  label: string;
  group: CoverageGroupFieldsFragment;
}

/** Q6: the province's club coverage (all, lowland, mountain communes) against its target, and clubs per commune. */
export function ClubsSection() {
  const { t, lang } = useLang();
  const { data, problems } = useClubs();
  const coverage = data?.administrativeUnit?.clubCoverage;
  const coverageProblem = problemAt(problems, ['administrativeUnit', 'clubCoverage'], 'association');
  const rows = useMemo(
    () =>
      (data?.communesOf ?? []).map((commune, i) => ({
        commune,
        problem: problemAt(problems, ['communesOf', i, 'clubCount'], 'association'),
      })),
    [data, problems],
  );
  const names = new Map(rows.map((r) => [r.commune.code, r.commune.name]));
  const groups: GroupRow[] = coverage
    ? [
        { label: t.groupAll, group: coverage.all },
        { label: t.groupLowland, group: coverage.lowland },
        { label: t.groupMountain, group: coverage.mountain },
      ]
    : [];
  const groupColumns: Column<GroupRow>[] = [
    { id: 'group', header: t.clubGroup, cell: (r) => text(r.label) },
    { id: 'communes', header: t.communesCol, cell: (r) => figure(r.group.communes) },
    { id: 'covered', header: t.coveredCol, cell: (r) => figure(r.group.covered) },
    { id: 'share', header: t.share, cell: (r) => figure(r.group.sharePercent, { kind: 'percent' }) },
    { id: 'target', header: t.target, cell: (r) => figure(r.group.targetPercent, { kind: 'percent', nullMeans: 'empty' }) },
    { id: 'met', header: t.met, cell: (r) => (r.group.met === null || r.group.met === undefined ? { kind: 'empty' } : flag(r.group.met)) },
  ];
  const communeColumns: Column<{ commune: Commune; problem?: Problem }>[] = [
    { id: 'name', header: t.communeCol, cell: (r) => text(r.commune.name), link: (r) => href(['dashboard', 'commune', r.commune.code]) },
    {
      id: 'mountain',
      header: t.groupMountain,
      cell: (r): Cell => (r.commune.mountainous === null ? { kind: 'empty' } : { kind: 'bool', value: !!r.commune.mountainous }),
    },
    { id: 'clubs', header: t.clubCountCol, cell: (r) => figure(r.commune.clubCount, { problem: r.problem, nullMeans: 'empty' }) },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => r.commune.name),
      series: [{ name: t.clubCountCol, values: rows.map((r) => chartValue(figure(r.commune.clubCount, { problem: r.problem }))) }],
    }),
    [rows, t],
  );
  return (
    <Section id="clubs" title={t.clubsTitle}>
      <QueryState hasData={!!data} problems={problems}>
        {() => (
          <div data-ready="dashboard-clubs">
            <ReadyMark name="dashboard-clubs" />
            {coverageProblem ? <ProblemNotice problem={coverageProblem} /> : null}
            {coverage ? (
              <>
                <p>
                  {t.clubsSummary(formatNumber(coverage.clubs, lang), formatNumber(coverage.communesWithClub, lang))} {t.met}:{' '}
                  <strong>{coverage.met ? t.yes : t.no}</strong>.{' '}
                  <span className="hint">
                    {t.legalAct}: {coverage.legalAct}
                  </span>
                </p>
                <DataTable
                  caption={t.clubsTitle}
                  columns={groupColumns}
                  rows={groups}
                  rowKey={(r) => r.label}
                  tools={<ExportButtons name={t.clubsTitle} load={async () => tableData(groupColumns, groups)} />}
                />
                {coverage.communesWithoutClub.length ? (
                  <p>
                    {t.communesWithoutClub}: {coverage.communesWithoutClub.map((c) => names.get(c) ?? c).join(', ')}
                  </p>
                ) : null}
              </>
            ) : null}
            <Chart label={t.clubCountCol} categories={chart.categories} series={chart.series} />
            <DataTable
              caption={`${t.clubCountCol} — ${t.communeCol}`}
              columns={communeColumns}
              rows={rows}
              rowKey={(r) => r.commune.code}
              pageSize={100}
              tools={<ExportButtons name={`${t.clubCountCol} ${t.communeCol}`} load={async () => tableData(communeColumns, rows)} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
