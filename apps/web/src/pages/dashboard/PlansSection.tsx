import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../../components/Chart';
import { DataTable, tableData, type Column } from '../../components/DataTable';
import { ExportButtons } from '../../components/ExportButtons';
import { Loading, ProblemNotice, Section } from '../../components/Notice';
import { date, figure, text, type Cell } from '../../data/cells';
import type { DashboardPlanProgressQuery } from '../../gql/graphql';
import { DashboardPlanProgressQuery as ProgressQuery, DashboardPlansQuery } from '../../graphql/operations';
import { problemAt, problemsOf } from '../../graphql/problems';
import { useLang } from '../../i18n/context';
import { chartValue, flag, QueryState, ReadyMark } from './common';
import { useActionMonth, useDashboardVariables, useHealthAnswered } from './data';

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
type Task = DashboardPlanProgressQuery['overdueTasks']['edges'][number]['node'];
interface AgencyRow {
  agency: string;
  counts: Record<string, number>;
  overdue: number;
}

/** Q13: the plan's tasks by lead agency and status, the overdue ones, next to outcome figures of the agencies. */
export function PlansSection() {
  const { t } = useLang();
  const v = useDashboardVariables();
  const selectId = useId();
  const answered = useHealthAnswered();
  const [plans] = useQuery({ query: DashboardPlansQuery, pause: !answered });
  const [chosen, setChosen] = useState<string | null>(null);
  const plan = chosen ?? plans.data?.implementationPlans[0]?.planNumber ?? null;
  const [progress] = useQuery({
    query: ProgressQuery,
    variables: { plan: plan ?? '', asOf: v.asOf, province: v.province },
    pause: !plan,
  });
  const problems = problemsOf(progress.error);
  const data = progress.data;

  const rows: AgencyRow[] = useMemo(() => {
    if (!data) return [];
    const byAgency = new Map<string, AgencyRow>();
    for (const cell of data.planProgress.byAgencyStatus) {
      const row = byAgency.get(cell.leadAgency) ?? { agency: cell.leadAgency, counts: {}, overdue: 0 };
      row.counts[cell.status] = cell.count;
      byAgency.set(cell.leadAgency, row);
    }
    for (const o of data.planProgress.overdueByAgency) {
      const row = byAgency.get(o.leadAgency) ?? { agency: o.leadAgency, counts: {}, overdue: 0 };
      row.overdue = o.count;
      byAgency.set(o.leadAgency, row);
    }
    return [...byAgency.values()];
  }, [data]);
  const columns: Column<AgencyRow>[] = [
    { id: 'agency', header: t.agency, cell: (r) => text(t.agencyEnum[r.agency] ?? r.agency) },
    ...STATUSES.map((s): Column<AgencyRow> => ({ id: s, header: t.taskStatus[s], cell: (r) => figure(r.counts[s] ?? 0) })),
    { id: 'overdue', header: t.overdue, cell: (r) => figure(r.overdue) },
  ];
  const tasks = data?.overdueTasks.edges.map((e) => e.node) ?? [];
  const taskColumns: Column<Task>[] = [
    { id: 'no', header: '#', cell: (r) => figure(r.taskNo) },
    { id: 'title', header: t.task, cell: (r) => text(r.title) },
    { id: 'agency', header: t.agency, cell: (r) => text(t.agencyEnum[r.leadAgency] ?? r.leadAgency) },
    { id: 'deadline', header: t.deadline, cell: (r) => date(r.deadline) },
    { id: 'status', header: t.status, cell: (r) => text(t.taskStatus[r.status] ?? r.status) },
    { id: 'progress', header: t.progress, cell: (r) => figure(r.latestPercent, { kind: 'percent', nullMeans: 'empty' }) },
  ];
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => t.agencyEnum[r.agency] ?? r.agency),
      series: STATUSES.map((s) => ({
        name: t.taskStatus[s],
        stack: 'tasks',
        values: rows.map((r) => chartValue(figure(r.counts[s] ?? 0))),
      })),
    }),
    [rows, t],
  );
  const clubProblem = problemAt(problems, ['administrativeUnit'], 'association');
  const reach = useActionMonth();
  const reachProblem = problemAt(reach.problems, ['actionMonthReach'], 'social') ?? reach.problems[0];
  const reachTotal = reach.data?.actionMonthReach.total;
  const reachCell = (v: number | null | undefined): Cell =>
    reachTotal ? figure(v) : reachProblem ? figure(null, { problem: reachProblem }) : { kind: 'empty' };
  const outcomes: Array<{ label: string; cell: Cell }> = data
    ? [
        {
          label: t.outcomeClubs,
          cell: figure(data.administrativeUnit?.clubCoverage?.communesWithClub, { problem: clubProblem, nullMeans: 'empty' }),
        },
        { label: t.outcomeClubsMet, cell: flag(data.administrativeUnit?.clubCoverage?.met, clubProblem) },
        { label: t.outcomeActionMonth, cell: reachCell(reachTotal?.peopleSupported) },
        { label: t.outcomeOnLists, cell: reachCell(reachTotal?.onProtectionLists) },
      ]
    : [];
  const outcomeColumns: Column<(typeof outcomes)[number]>[] = [
    { id: 'label', header: t.outcomes, cell: (r) => text(r.label) },
    { id: 'value', header: t.count, cell: (r) => r.cell },
  ];

  const planList = plans.data?.implementationPlans ?? [];
  return (
    <Section id="plans" title={t.plansTitle}>
      {plans.fetching && !plans.data ? <Loading /> : null}
      {plans.error && !plans.data ? <ProblemNotice problem={problemsOf(plans.error)[0]} /> : null}
      {plans.data && !planList.length ? <p>{t.noPlans}</p> : null}
      {planList.length ? (
        <div className="field inline">
          <label htmlFor={selectId}>{t.planLabel}</label>
          <select id={selectId} value={plan ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {planList.map((p) => (
              <option key={p.planNumber} value={p.planNumber}>
                {p.planNumber} — {p.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {plan ? (
        <QueryState hasData={!!data} problems={problems}>
          {() => (
            <div data-ready="dashboard-plans">
              <ReadyMark name="dashboard-plans" />
              <div className="two-col">
                <div>
                  <Chart label={t.plansTitle} categories={chart.categories} series={chart.series} />
                  <DataTable
                    caption={`${t.plansTitle} (${plan})`}
                    columns={columns}
                    rows={rows}
                    rowKey={(r) => r.agency}
                    tools={<ExportButtons name={`${t.plansTitle} ${plan}`} load={async () => tableData(columns, rows)} />}
                  />
                </div>
                <DataTable
                  caption={t.outcomes}
                  columns={outcomeColumns}
                  rows={outcomes}
                  rowKey={(r) => r.label}
                  tools={<ExportButtons name={t.outcomes} load={async () => tableData(outcomeColumns, outcomes)} />}
                />
              </div>
              <DataTable
                caption={t.overdueTasks}
                columns={taskColumns}
                rows={tasks}
                rowKey={(r) => `${r.planNumber}-${r.taskNo}`}
                tools={<ExportButtons name={t.overdueTasks} load={async () => tableData(taskColumns, tasks)} />}
              />
            </div>
          )}
        </QueryState>
      ) : null}
    </Section>
  );
}
