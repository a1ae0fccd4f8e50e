import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Loading, ProblemNotice, Section } from '../../components/Notice';
import { figure, text, type Cell } from '../../data/cells';
import { CommuneBenefitsQuery } from '../../graphql/operations';
import { problemAt, problemsOf, type Problem } from '../../graphql/problems';
import { formatMonth } from '../../i18n/format';
import { useLang } from '../../i18n/context';
import { href } from '../../router';
import { useSession } from '../../session-context';
import { chartValue, ReadyMark } from './common';

export interface BenefitCells {
  code: string;
  allowance: Cell;
  pension: Cell;
  people: Cell;
  allowanceAmount: Cell;
  pensionAmount: Cell;
  amount: Cell;
}

/** One commune's figures; `refused` when the role may read none of them. */
async function communeBenefits(
  client: ReturnType<typeof useClient>,
  code: string,
  month: string,
): Promise<{ cells: BenefitCells; refused?: Problem; failed?: Problem }> {
  const res = await client.query(CommuneBenefitsQuery, { commune: code, month }).toPromise();
  const problems = problemsOf(res.error);
  const at = (field: string) => problemAt(problems, [field], 'social');
  const payroll = res.data?.payroll;
  const cells: BenefitCells = {
    code,
    allowance: figure(res.data?.allowanceCases.totalCount, { problem: at('allowanceCases'), nullMeans: 'empty' }),
    pension: figure(res.data?.socialPensionCases.totalCount, { problem: at('socialPensionCases'), nullMeans: 'empty' }),
    people: figure(payroll?.totals.people, { problem: at('payroll'), nullMeans: 'empty' }),
    allowanceAmount: figure(payroll?.totals.allowanceAmount, { kind: 'money', problem: at('payroll'), nullMeans: 'empty' }),
    pensionAmount: figure(payroll?.totals.socialPensionAmount, { kind: 'money', problem: at('payroll'), nullMeans: 'empty' }),
    amount: figure(payroll?.totals.amount, { kind: 'money', problem: at('payroll'), nullMeans: 'empty' }),
  };
  const refused = ['allowanceCases', 'socialPensionCases', 'payroll'].every((f) => at(f)?.kind === 'forbidden') ? at('payroll') : undefined;
  const failed = !res.data ? problems[0] : undefined;
  return { cells, refused, failed };
}

/**
 * Allowance and social-pension recipients and the month's payroll totals, commune by commune
 * (SOCIAL_DATA: social staff, a commune's officer). The API has no provincial aggregate of these
 * for other roles: the first commune's answer says whether this role may read them at all.
 */
export function useBenefits(codes: readonly string[]) {
  const client = useClient();
  const { dates } = useSession();
  const [state, setState] = useState<{ rows: BenefitCells[]; refused?: Problem; failed?: Problem; done: boolean }>({
    rows: [],
    done: false,
  });
  const key = codes.join(',');
  useEffect(() => {
    let cancelled = false;
    const list = key ? key.split(',') : [];
    setState({ rows: [], done: false });
    void (async () => {
      if (!list.length) return;
      const first = await communeBenefits(client, list[0], dates.lastMonth);
      if (cancelled) return;
      if (first.refused || first.failed) {
        setState({ rows: [], refused: first.refused, failed: first.failed, done: true });
        return;
      }
      const rows: BenefitCells[] = [first.cells];
      let next = 1;
      // Four communes at a time: one request each, not one request of every commune.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < list.length && !cancelled) {
            const code = list[next++];
            rows.push((await communeBenefits(client, code, dates.lastMonth)).cells);
          }
        }),
      );
      if (!cancelled) setState({ rows: list.map((c) => rows.find((r) => r.code === c)!).filter(Boolean), done: true });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key, dates.lastMonth]);
  return state;
}

export function benefitColumns(t: ReturnType<typeof useLang>['t'], names: Map<string, string>, link: boolean): Column<BenefitCells>[] {
  return [
    {
      id: 'name',
      header: t.communeCol,
      cell: (r) => text(names.get(r.code) ?? (r.code === '' ? t.provinceTotal : r.code)),
      link: link ? (r) => (r.code ? href(['dashboard', 'commune', r.code]) : undefined) : undefined,
    },
    { id: 'allowance', header: t.allowanceCases, cell: (r) => r.allowance },
    { id: 'pension', header: t.pensionCases, cell: (r) => r.pension },
    { id: 'people', header: t.payrollPeople, cell: (r) => r.people },
    { id: 'allowanceAmount', header: t.allowanceAmount, cell: (r) => r.allowanceAmount },
    { id: 'pensionAmount', header: t.pensionAmount, cell: (r) => r.pensionAmount },
    { id: 'amount', header: t.payrollAmount, cell: (r) => r.amount },
  ];
}

/** The province row: the sum of the communes' exact figures, only when every commune answered in full. */
function provinceRow(rows: BenefitCells[]): BenefitCells | null {
  const keys = ['allowance', 'pension', 'people', 'allowanceAmount', 'pensionAmount', 'amount'] as const;
  if (!rows.length || rows.some((r) => keys.some((k) => r[k].kind !== 'number' && r[k].kind !== 'money'))) return null;
  const sum = (k: (typeof keys)[number]): Cell => {
    const total = rows.reduce((s, r) => s + (r[k] as { value: number }).value, 0);
    return { kind: rows[0][k].kind as 'number' | 'money', value: total };
  };
  return {
    code: '',
    allowance: sum('allowance'),
    pension: sum('pension'),
    people: sum('people'),
    allowanceAmount: sum('allowanceAmount'),
    pensionAmount: sum('pensionAmount'),
    amount: sum('amount'),
  };
}

export function BenefitsSection({ codes, names }: { codes: readonly string[]; names: Map<string, string> }) {
  const { t, lang } = useLang();
  const { dates } = useSession();
  const state = useBenefits(codes);
  const columns = benefitColumns(t, names, true);
  const total = useMemo(() => (state.done ? provinceRow(state.rows) : null), [state]);
  const footer = total ? [total] : [];
  const chart = useMemo(
    () => ({
      categories: state.rows.map((r) => names.get(r.code) ?? r.code),
      series: [
        { name: t.allowanceAmount, stack: 'paid', values: state.rows.map((r) => chartValue(r.allowanceAmount)) },
        { name: t.pensionAmount, stack: 'paid', values: state.rows.map((r) => chartValue(r.pensionAmount)) },
      ],
    }),
    [state.rows, names, t],
  );
  return (
    <Section id="benefits" title={t.benefitsTitle}>
      <p className="hint">{t.benefitsMonth(formatMonth(dates.lastMonth, lang))}</p>
      {!codes.length || (!state.done && !state.rows.length) ? <Loading /> : null}
      {state.refused ? (
        <div data-state="forbidden">
          <ProblemNotice problem={state.refused} />
          <p className="hint">{t.benefitsNoAggregate}</p>
        </div>
      ) : null}
      {state.failed ? <ProblemNotice problem={state.failed} /> : null}
      {state.done && state.rows.length ? (
        <div data-ready="dashboard-benefits">
          <ReadyMark name="dashboard-benefits" />
          <Chart label={t.benefitsTitle} categories={chart.categories} series={chart.series} format="money" />
          <DataTable
            caption={t.benefitsTitle}
            columns={columns}
            rows={state.rows}
            footer={footer}
            rowKey={(r) => r.code || 'total'}
            pageSize={100}
            tools={<ExportButtons name={t.benefitsTitle} load={async () => tableData(columns, [...state.rows, ...footer])} />}
          />
        </div>
      ) : null}
    </Section>
  );
}
