import { useMemo } from 'react';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Notice';
import { figure, text } from '../../data/cells';
import type { DashboardLegacyQuery } from '../../gql/graphql';
import { useLang } from '../../i18n/context';
import { href } from '../../router';
import { chartValue, QueryState, ReadyMark } from './common';
import { useLegacy } from './data';

type Legacy = DashboardLegacyQuery['legacyUnitRecords'][number];
type Commune = DashboardLegacyQuery['communesOf'][number];

/** Q12: per old unit code, the records still carrying it and today's unit(s); per commune, its residents' records on old codes. */
export function LegacySection() {
  const { t } = useLang();
  const { data, problems } = useLegacy();
  const legacy = data?.legacyUnitRecords ?? [];
  const communes = useMemo(() => data?.communesOf ?? [], [data]);
  const legacyColumns: Column<Legacy>[] = [
    { id: 'code', header: t.legacyCode, cell: (r) => text(r.legacyCode) },
    { id: 'name', header: t.legacyName, cell: (r) => text(r.legacyUnit?.name) },
    { id: 'count', header: t.recordCount, cell: (r) => figure(r.recordCount, { suppressed: r.suppressed }) },
    { id: 'current', header: t.currentUnits, cell: (r) => text(r.currentUnits.map((u) => u.name).join(', ')) },
  ];
  const communeColumns: Column<Commune>[] = [
    { id: 'name', header: t.communeCol, cell: (r) => text(r.name), link: (r) => href(['dashboard', 'commune', r.code]) },
    { id: 'count', header: t.legacyPerCommune, cell: (r) => figure(r.legacyRecordCount) },
  ];
  const chart = useMemo(
    () => ({
      categories: communes.map((c) => c.name),
      series: [{ name: t.legacyPerCommune, values: communes.map((c) => chartValue(figure(c.legacyRecordCount))) }],
    }),
    [communes, t],
  );
  return (
    <Section id="legacy" title={t.legacyTitle}>
      <QueryState hasData={!!data} problems={problems}>
        {() => (
          <div data-ready="dashboard-legacy">
            <ReadyMark name="dashboard-legacy" />
            <Chart label={t.legacyPerCommune} categories={chart.categories} series={chart.series} />
            <DataTable
              caption={t.legacyTitle}
              columns={legacyColumns}
              rows={legacy}
              rowKey={(r) => r.legacyCode}
              tools={<ExportButtons name={t.legacyTitle} load={async () => tableData(legacyColumns, legacy)} />}
            />
            <DataTable
              caption={t.legacyPerCommune}
              columns={communeColumns}
              rows={communes}
              rowKey={(r) => r.code}
              pageSize={100}
              tools={<ExportButtons name={t.legacyPerCommune} load={async () => tableData(communeColumns, communes)} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
