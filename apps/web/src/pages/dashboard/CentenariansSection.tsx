import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import type { DashboardCentenariansQuery } from '../../gql/graphql';
import { problemAt, type Problem } from '../../graphql/problems';
import { useLang } from '../../i18n/context';
import type { Messages } from '../../i18n/messages';
import { href } from '../../router';
import { chartValue, QueryState, ReadyMark } from './common';
import { useCentenarians } from './data';

type Commune = DashboardCentenariansQuery['communesOf'][number];
interface Row {
  commune: Commune;
  registerProblem?: Problem;
  celebrationsProblem?: Problem;
}

/**
 * Whether the two agencies' figures agree. Only when both are shown: the app never works out a
 * withheld figure, nor a difference that would be a new small number.
 */
export function reconciled(register: Cell, celebrations: Cell, t: Messages): Cell {
  if (register.kind !== 'number' || celebrations.kind !== 'number') return { kind: 'empty' };
  return { kind: 'text', value: register.value === celebrations.value ? t.matches : t.differs };
}

export function centenarianCells(commune: Commune, i: number, problems: Problem[]) {
  const register = figure(commune.centenarianCountToday, {
    problem: problemAt(problems, ['communesOf', i, 'centenarianCountToday'], 'homeaffairs'),
  });
  const celebrations = figure(commune.centenarianCelebrations, {
    problem: problemAt(problems, ['communesOf', i, 'centenarianCelebrations'], 'association'),
  });
  return { register, celebrations };
}

/** Q15: centenarians per commune, the register (living, 100+ today) next to the year's 100+ celebrations. */
export function CentenariansSection() {
  const { t } = useLang();
  const { data, problems } = useCentenarians();
  const rows: Array<Row & { cells: ReturnType<typeof centenarianCells> }> = useMemo(
    () => (data?.communesOf ?? []).map((commune, i) => ({ commune, cells: centenarianCells(commune, i, problems) })),
    [data, problems],
  );
  const columns: Column<(typeof rows)[number]>[] = [
    { id: 'name', header: t.communeCol, cell: (r) => text(r.commune.name), link: (r) => href(['dashboard', 'commune', r.commune.code]) },
    { id: 'register', header: t.centenariansRegister, cell: (r) => r.cells.register },
    { id: 'celebrations', header: t.centenariansCelebrations, cell: (r) => r.cells.celebrations },
    { id: 'reconciled', header: t.reconciled, cell: (r) => reconciled(r.cells.register, r.cells.celebrations, t) },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => r.commune.name),
      series: [
        { name: t.centenariansRegister, values: rows.map((r) => chartValue(r.cells.register)) },
        { name: t.centenariansCelebrations, values: rows.map((r) => chartValue(r.cells.celebrations)) },
      ],
    }),
    [rows, t],
  );
  return (
    <Section id="centenarians" title={t.centenariansTitle}>
      <QueryState hasData={!!data} problems={problems}>
        {() => (
          <div data-ready="dashboard-centenarians">
            <ReadyMark name="dashboard-centenarians" />
            <p className="hint">{t.centenarianNote}</p>
            <Chart label={t.centenariansTitle} categories={chart.categories} series={chart.series} />
            <DataTable
              caption={t.centenariansTitle}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.commune.code}
              pageSize={100}
              tools={<ExportButtons name={t.centenariansTitle} load={async () => tableData(columns, rows)} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
