import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import type { BenefitFigureFieldsFragment, BenefitRowFragment } from '../../gql/graphql';
import { DashboardBenefitsQuery } from '../../graphql/operations';
import { problemsOf } from '../../graphql/problems';
import { formatMonth } from '../../i18n/format';
import { useLang } from '../../i18n/context';
import type { Messages } from '../../i18n/messages';
import { href } from '../../router';
import { useSession } from '../../session-context';
import { chartValue, QueryState, ReadyMark } from './common';
import { useHealthAnswered } from './data';

/** The code social gives its total row. */
const TOTAL = 'ALL';

/**
 * This month's allowance and social-pension figures: one aggregate query (social's
 * `benefitSummary`), asked once the health coverage has answered like every other section; a
 * commune's page reads its row from the same cached answer.
 */
export function useBenefits() {
  const { dates } = useSession();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardBenefitsQuery, variables: { month: dates.month }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

/** Count and amount of one benefit, withheld together as the API withholds them. */
function benefitCells(f: BenefitFigureFieldsFragment): { count: Cell; amount: Cell } {
  return {
    count: figure(f.count, { suppressed: f.suppressed }),
    amount: figure(f.monthlyTotal, { kind: 'money', suppressed: f.suppressed }),
  };
}

export function benefitColumns(t: Messages, names: Map<string, string>, link: boolean): Column<BenefitRowFragment>[] {
  return [
    {
      id: 'name',
      header: t.communeCol,
      cell: (r) => text(r.communeCode === TOTAL ? t.provinceTotal : (names.get(r.communeCode) ?? r.communeCode)),
      link: link ? (r) => (r.communeCode === TOTAL ? undefined : href(['dashboard', 'commune', r.communeCode])) : undefined,
    },
    { id: 'allowance', header: t.allowanceCases, cell: (r) => benefitCells(r.allowance).count },
    { id: 'allowanceAmount', header: t.allowanceAmount, cell: (r) => benefitCells(r.allowance).amount },
    { id: 'pension', header: t.pensionCases, cell: (r) => benefitCells(r.socialPension).count },
    { id: 'pensionAmount', header: t.pensionAmount, cell: (r) => benefitCells(r.socialPension).amount },
  ];
}

/** Allowance and social-pension recipients and this month's amounts due, per commune and for the province. */
export function BenefitsSection({ names }: { names: Map<string, string> }) {
  const { t, lang } = useLang();
  const { dates, session } = useSession();
  const { data, problems } = useBenefits();
  const summary = data?.benefitSummary;
  const rows = summary?.communes ?? [];
  // The total row covers what the caller may read: the province, or a commune officer's commune.
  const footer = summary && session.role !== 'commune-officer' ? [summary.total] : [];
  const columns = benefitColumns(t, names, true);
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => names.get(r.communeCode) ?? r.communeCode),
      series: [
        { name: t.allowanceAmount, stack: 'due', values: rows.map((r) => chartValue(benefitCells(r.allowance).amount)) },
        { name: t.pensionAmount, stack: 'due', values: rows.map((r) => chartValue(benefitCells(r.socialPension).amount)) },
      ],
    }),
    [rows, names, t],
  );
  return (
    <Section id="benefits" title={t.benefitsTitle}>
      <p className="hint">{t.benefitsMonth(formatMonth(dates.month, lang))}</p>
      <QueryState hasData={!!summary} problems={problems}>
        {() => (
          <div data-ready="dashboard-benefits">
            <ReadyMark name="dashboard-benefits" />
            <Chart label={t.benefitsTitle} categories={chart.categories} series={chart.series} format="money" />
            <DataTable
              caption={t.benefitsTitle}
              columns={columns}
              rows={rows}
              footer={footer}
              rowKey={(r) => r.communeCode}
              pageSize={100}
              tools={<ExportButtons name={t.benefitsTitle} load={async () => tableData(columns, [...rows, ...footer])} />}
            />
          </div>
        )}
      </QueryState>
    </Section>
  );
}
