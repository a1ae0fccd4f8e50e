import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import type { ReachCellFragment } from '../../gql/graphql';
import { useLang } from '../../i18n/context';
import { href } from '../../router';
import { chartValue, QueryState, ReadyMark } from './common';
import { useActionMonth, useCommuneNames } from './data';

interface Row {
  name: string;
  code: string | null;
  cell: ReachCellFragment;
}

/** The figures of one Action Month cell; null is withheld (cells of 1-4, amounts with their counts). */
export function reachCells(cell: ReachCellFragment): { supported: Cell; on: Cell; off: Cell; amount: Cell } {
  return {
    supported: figure(cell.peopleSupported),
    on: figure(cell.onProtectionLists),
    off: figure(cell.notOnLists),
    amount: figure(cell.totalAmount, { kind: 'money' }),
  };
}

/** Q14: Action Month support per commune, on and off the social-protection lists, with the province total. */
export function ActionMonthSection() {
  const { t } = useLang();
  const { data, problems } = useActionMonth();
  const { names } = useCommuneNames();
  const rows: Row[] = useMemo(
    () =>
      (data?.actionMonthReach.communes ?? []).map((cell) => ({
        name: names.get(cell.communeCode) ?? cell.communeCode,
        code: cell.communeCode,
        cell,
      })),
    [data, names],
  );
  const total: Row[] = data ? [{ name: t.provinceTotal, code: null, cell: data.actionMonthReach.total }] : [];
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: t.communeCol,
      cell: (r) => text(r.name),
      link: (r) => (r.code ? href(['dashboard', 'commune', r.code]) : undefined),
    },
    { id: 'supported', header: t.peopleSupported, cell: (r) => reachCells(r.cell).supported },
    { id: 'on', header: t.onLists, cell: (r) => reachCells(r.cell).on },
    { id: 'off', header: t.notOnLists, cell: (r) => reachCells(r.cell).off },
    { id: 'amount', header: t.totalAmount, cell: (r) => reachCells(r.cell).amount },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => r.name),
      series: [
        { name: t.onLists, stack: 'reach', values: rows.map((r) => chartValue(reachCells(r.cell).on)) },
        { name: t.notOnLists, stack: 'reach', values: rows.map((r) => chartValue(reachCells(r.cell).off)) },
      ],
    }),
    [rows, t],
  );
  return (
    <Section id="action-month" title={t.actionMonthTitle}>
      <QueryState hasData={!!data} problems={problems}>
        {() => (
          <div data-ready="dashboard-action-month">
            <ReadyMark name="dashboard-action-month" />
            <Chart label={t.actionMonthTitle} categories={chart.categories} series={chart.series} />
            <DataTable
              caption={t.actionMonthTitle}
              columns={columns}
              rows={rows}
              footer={total}
              rowKey={(r) => r.code ?? 'total'}
              pageSize={100}
              tools={<ExportButtons name={t.actionMonthTitle} load={async () => tableData(columns, [...rows, ...total])} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
