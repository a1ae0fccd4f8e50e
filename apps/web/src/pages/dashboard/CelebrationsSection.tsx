import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Notice';
import { figure, text } from '../../data/cells';
import type { CelebrationStatusRowFragment } from '../../gql/graphql';
import { DashboardCelebrationsQuery } from '../../graphql/operations';
import { problemsOf } from '../../graphql/problems';
import { useLang } from '../../i18n/context';
import { href } from '../../router';
import { useSession } from '../../session-context';
import { chartValue, QueryState, ReadyMark } from './common';
import { useDashboardVariables, useHealthAnswered } from './data';

/**
 * Q8 figures for the year, asked once the health coverage has answered. A commune's officer asks
 * for their commune (the API's answer is then that commune alone).
 */
export function useCelebrationStatus() {
  const v = useDashboardVariables();
  const { session } = useSession();
  const answered = useHealthAnswered();
  const unit = session.role === 'commune-officer' && session.commune ? session.commune : v.province;
  const [result] = useQuery({ query: DashboardCelebrationsQuery, variables: { province: unit, year: v.year }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

const cell = (r: CelebrationStatusRowFragment, value: number | null | undefined) => figure(value, { suppressed: r.suppressed });

/** This year's longevity celebrations per commune and for the province, by delivery status. */
export function CelebrationsSection({ names }: { names: Map<string, string> }) {
  const { t } = useLang();
  const { data, problems } = useCelebrationStatus();
  const status = data?.administrativeUnit?.longevityCelebrationStatus;
  const rows = status?.communes ?? [];
  // A commune officer's only row is also the total: shown once.
  const footer = status && status.total.code !== rows[0]?.code ? [status.total] : [];
  const columns: Column<CelebrationStatusRowFragment>[] = [
    {
      id: 'name',
      header: t.communeCol,
      cell: (r) => text(r.code.length === 5 ? (names.get(r.code) ?? r.code) : t.provinceTotal),
      link: (r) => (r.code.length === 5 ? href(['dashboard', 'commune', r.code]) : undefined),
    },
    { id: 'due', header: t.celebrationsDue, cell: (r) => cell(r, r.due) },
    { id: 'delivered', header: t.celebrationStatus.DELIVERED, cell: (r) => cell(r, r.delivered) },
    { id: 'notDelivered', header: t.celebrationStatus.NOT_DELIVERED, cell: (r) => cell(r, r.notDelivered) },
    { id: 'planned', header: t.celebrationStatus.PLANNED, cell: (r) => cell(r, r.planned) },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => names.get(r.code) ?? r.code),
      series: (['DELIVERED', 'NOT_DELIVERED', 'PLANNED'] as const).map((s) => ({
        name: t.celebrationStatus[s],
        stack: 'status',
        values: rows.map((r) => chartValue(cell(r, s === 'DELIVERED' ? r.delivered : s === 'NOT_DELIVERED' ? r.notDelivered : r.planned))),
      })),
    }),
    [rows, names, t],
  );
  return (
    <Section id="celebrations" title={t.celebrationsTitle}>
      <QueryState hasData={!!status} problems={problems}>
        {() => (
          <div data-ready="dashboard-celebrations">
            <ReadyMark name="dashboard-celebrations" />
            <p className="hint">{t.celebrationsNote}</p>
            <p className="hint">{t.celebrationsChooseCommune}</p>
            <Chart label={t.celebrationsTitle} categories={chart.categories} series={chart.series} />
            <DataTable
              caption={t.celebrationsTitle}
              columns={columns}
              rows={rows}
              footer={footer}
              rowKey={(r) => r.code}
              pageSize={100}
              tools={<ExportButtons name={t.celebrationsTitle} load={async () => tableData(columns, [...rows, ...footer])} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
