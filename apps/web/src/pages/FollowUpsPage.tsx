import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, type UseQueryState } from 'urql';
import type { Client } from '@urql/core';
import type { Session } from '../auth/session';
import { CommuneSelect } from '../components/CommuneSelect';
import { DataTable, tableData, type Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { Loading, ProblemNotice } from '../components/Notice';
import { bool, date, figure, text, type Cell } from '../data/cells';
import { exportRead, newCorrelation } from '../export/refetch';
import type {
  FollowUpQ1Query as Q1,
  FollowUpQ2Query as Q2,
  FollowUpQ3Query as Q3,
  FollowUpQ4Query as Q4,
  FollowUpQ9Query as Q9,
  FollowUpQ10Query as Q10,
} from '../gql/graphql';
import {
  FollowUpQ10Query,
  FollowUpQ1Query,
  FollowUpQ2Query,
  FollowUpQ3Query,
  FollowUpQ4Query,
  FollowUpQ9Query,
} from '../graphql/operations';
import { fatalProblem, problemAt, problemsOf, type Problem } from '../graphql/problems';
import type { Dates } from '../config';
import { formatMonth, formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';
import type { Messages } from '../i18n/messages';
import { href, navigate } from '../router';
import { useSession } from '../session-context';

const LISTS = ['q1', 'q2', 'q3', 'q4', 'q9', 'q10'] as const;
type ListId = (typeof LISTS)[number];

/**
 * A follow-up list: the question's rows (one query of docs/cross-agency.md), the rule that keeps
 * a row (the question's "Answer"), and the path of the fact the rule reads, so that a refused
 * or missing fact (an agency down) shows as such instead of a wrong list.
 */
interface ListDef<Data, Row> {
  rows(data: Data): Row[];
  /** Keep the row? null when the fact is missing (refused, or its agency down). */
  keep(row: Row): boolean | null;
  factPath(index: number): Array<string | number>;
  /** The subgraph the fact comes from. */
  service: string;
  columns(t: Messages, lang: 'vi' | 'en'): Column<Row>[];
}

type R1 = Q1['elderlyRoster'][number];
type R2 = Q2['elderlyRoster'][number];
type R3 = Q3['clubPriorityMembers'][number];
type R4 = Q4['allowanceCases']['edges'][number]['node'];
type R9 = Q9['elderlyRoster'][number];
type R10 = Q10['allowanceCases']['edges'][number]['node'];

const nameColumn = <R extends { citizenId: string; fullName?: string | null }>(t: Messages): Column<R> => ({
  id: 'name',
  header: t.fullName,
  cell: (r) => text(r.fullName),
  link: (r) => href(['person', r.citizenId]),
});

const Q1_DEF: ListDef<Q1, R1> = {
  rows: (d) => d.elderlyRoster,
  keep: (r) =>
    r.socialCoverage ? !r.socialCoverage.receivesPension && !r.socialCoverage.onAllowance && !r.socialCoverage.onSocialPension : null,
  factPath: (i) => ['elderlyRoster', i, 'socialCoverage'],
  service: 'social',
  columns: (t) => [
    nameColumn<R1>(t),
    { id: 'id', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'birth', header: t.birthDate, cell: (r) => date(r.birthDate) },
    { id: 'age', header: t.age, cell: (r) => figure(r.age) },
    { id: 'pension', header: t.receivesPension, cell: (r) => bool(r.socialCoverage?.receivesPension) },
    { id: 'allowance', header: t.monthlyAllowance, cell: (r) => bool(r.socialCoverage?.onAllowance) },
    { id: 'social-pension', header: t.socialPension, cell: (r) => bool(r.socialCoverage?.onSocialPension) },
  ],
};

const Q2_DEF: ListDef<Q2, R2> = {
  rows: (d) => d.elderlyRoster,
  keep: (r) => (r.socialCoverage ? r.socialCoverage.povertyStatus !== 'NONE' && !r.socialCoverage.onSocialPension : null),
  factPath: (i) => ['elderlyRoster', i, 'socialCoverage'],
  service: 'social',
  columns: (t) => [
    nameColumn<R2>(t),
    { id: 'id', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'birth', header: t.birthDate, cell: (r) => date(r.birthDate) },
    { id: 'age', header: t.age, cell: (r) => figure(r.age) },
    { id: 'poverty', header: t.povertyStatus, cell: (r) => text(r.socialCoverage ? t.poverty[r.socialCoverage.povertyStatus] : null) },
    { id: 'social-pension', header: t.socialPension, cell: (r) => bool(r.socialCoverage?.onSocialPension) },
  ],
};

const Q3_DEF: ListDef<Q3, R3> = {
  rows: (d) => d.clubPriorityMembers,
  keep: (r) => (r.healthCheckDue === null || r.healthCheckDue === undefined ? null : r.healthCheckDue),
  factPath: (i) => ['clubPriorityMembers', i, 'healthCheckDue'],
  service: 'health',
  columns: (t) => [
    nameColumn<R3>(t),
    { id: 'id', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'birth', header: t.birthDate, cell: (r) => date(r.birthDate) },
    { id: 'due', header: t.checkDue, cell: (r) => bool(r.healthCheckDue) },
  ],
};

const Q9_DEF: ListDef<Q9, R9> = {
  rows: (d) => d.elderlyRoster,
  keep: (r) => (r.paymentsAfterDeath ? r.paymentsAfterDeath.length > 0 : null),
  factPath: (i) => ['elderlyRoster', i, 'paymentsAfterDeath'],
  service: 'social',
  columns: (t, lang) => [
    nameColumn<R9>(t),
    { id: 'id', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'death', header: t.deathDate, cell: (r) => date(r.deathDate) },
    {
      id: 'months',
      header: t.paymentsAfterDeath,
      cell: (r) => text((r.paymentsAfterDeath ?? []).map((p) => formatMonth(p.month, lang)).join(', ')),
    },
    {
      id: 'amount',
      header: t.totalAmount,
      cell: (r): Cell => ({ kind: 'money', value: (r.paymentsAfterDeath ?? []).reduce((s, p) => s + p.amount, 0) }),
    },
  ],
};

const Q4_DEF: ListDef<Q4, R4> = {
  rows: (d) => d.allowanceCases.edges.map((e) => e.node),
  keep: (r) => (r.person.insuranceCardValid === null || r.person.insuranceCardValid === undefined ? null : !r.person.insuranceCardValid),
  factPath: (i) => ['allowanceCases', 'edges', i, 'node', 'person', 'insuranceCardValid'],
  service: 'health',
  columns: (t) => [
    { id: 'name', header: t.fullName, cell: (r) => text(r.person.fullName), link: (r) => href(['person', r.citizenId]) },
    { id: 'case', header: t.caseId, cell: (r) => text(r.caseId) },
    { id: 'group', header: t.group, cell: (r) => text(t.allowanceGroup[r.group]) },
    { id: 'card', header: t.cardValid, cell: (r) => bool(r.person.insuranceCardValid) },
  ],
};

const Q10_DEF: ListDef<Q10, R10> = {
  rows: (d) => d.allowanceCases.edges.map((e) => e.node),
  keep: (r) =>
    r.person.homeVisitedInQuarter === null || r.person.homeVisitedInQuarter === undefined ? null : !r.person.homeVisitedInQuarter,
  factPath: (i) => ['allowanceCases', 'edges', i, 'node', 'person', 'homeVisitedInQuarter'],
  service: 'health',
  columns: (t) => [
    { id: 'name', header: t.fullName, cell: (r) => text(r.person.fullName), link: (r) => href(['person', r.citizenId]) },
    { id: 'case', header: t.caseId, cell: (r) => text(r.caseId) },
    { id: 'group', header: t.group, cell: (r) => text(t.allowanceGroup[r.group]) },
    { id: 'visited', header: t.visitedThisQuarter, cell: (r) => bool(r.person.homeVisitedInQuarter) },
  ],
};

/** The kept rows of an answer, or the problem that makes the rule undecidable. */
function apply<Data, Row>(def: ListDef<Data, Row>, data: Data, problems: Problem[]): { rows: Row[]; problem?: Problem } {
  const all = def.rows(data);
  const kept: Row[] = [];
  for (let i = 0; i < all.length; i++) {
    const keep = def.keep(all[i]);
    if (keep === null) {
      const problem = problemAt(problems, def.factPath(i), def.service);
      if (problem) return { rows: [], problem };
      continue;
    }
    if (keep) kept.push(all[i]);
  }
  return { rows: kept };
}

function ListResult<Data, Row extends { citizenId: string }>({
  def,
  result,
  title,
  exportAll,
  children,
}: {
  def: ListDef<Data, Row>;
  result: UseQueryState<Data, any>;
  title: string;
  exportAll(): Promise<Row[]>;
  children?: React.ReactNode;
}) {
  const { t, lang } = useLang();
  const problems = problemsOf(result.error);
  const applied = useMemo(() => (result.data ? apply(def, result.data, problems) : null), [def, result.data, problems]);
  if (!result.data && result.fetching) return <Loading />;
  const fatal = fatalProblem(problems, !!result.data);
  if (fatal) return <ProblemNotice problem={fatal} />;
  if (!applied) return null;
  if (applied.problem) return <ProblemNotice problem={applied.problem} />;
  const columns = def.columns(t, lang);
  return (
    <div data-ready="follow-up" data-rows={applied.rows.length}>
      {children}
      <DataTable
        caption={title}
        columns={columns}
        rows={applied.rows}
        rowKey={(r) => r.citizenId}
        tools={<ExportButtons name={title} personal load={async () => tableData(columns, await exportAll())} />}
      />
    </div>
  );
}

/** An export of a list: the same query, every page, through the gateway, the same rule. */
async function exportList<Data, Row, Vars extends Record<string, unknown>>(
  client: Client,
  session: Session,
  def: ListDef<Data, Row>,
  doc: Parameters<typeof exportRead<Data, Vars>>[2],
  variables: Vars,
  next?: (data: Data) => string | null,
): Promise<Row[]> {
  const correlation = newCorrelation();
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const vars: Vars = { ...variables, ...(next ? { after } : {}) };
    const { data, problems }: { data: Data; problems: Problem[] } = await exportRead(client, session, doc, vars, correlation);
    const applied = apply(def, data, problems);
    if (applied.problem) throw new Error(`${applied.problem.vi} / ${applied.problem.en}`);
    rows.push(...applied.rows);
    after = next ? next(data) : null;
    if (!after) return rows;
  }
}

function RosterList({ list, commune, dates }: { list: 'q1' | 'q2' | 'q3' | 'q9'; commune: string; dates: Dates }) {
  const { t } = useLang();
  const { session } = useSession();
  const client = useClient();
  const title = t.lists[list];
  const v1 = { commune, asOf: dates.today };
  const v2 = { commune, year: dates.year, asOf: dates.today };
  const v3 = { commune, year: dates.year };
  const v9 = { commune };
  const [r1] = useQuery({ query: FollowUpQ1Query, variables: v1, pause: list !== 'q1' });
  const [r2] = useQuery({ query: FollowUpQ2Query, variables: v2, pause: list !== 'q2' });
  const [r3] = useQuery({ query: FollowUpQ3Query, variables: v3, pause: list !== 'q3' });
  const [r9] = useQuery({ query: FollowUpQ9Query, variables: v9, pause: list !== 'q9' });
  if (list === 'q1')
    return <ListResult def={Q1_DEF} result={r1} title={title} exportAll={() => exportList(client, session, Q1_DEF, FollowUpQ1Query, v1)} />;
  if (list === 'q2')
    return <ListResult def={Q2_DEF} result={r2} title={title} exportAll={() => exportList(client, session, Q2_DEF, FollowUpQ2Query, v2)} />;
  if (list === 'q3')
    return <ListResult def={Q3_DEF} result={r3} title={title} exportAll={() => exportList(client, session, Q3_DEF, FollowUpQ3Query, v3)} />;
  return <ListResult def={Q9_DEF} result={r9} title={title} exportAll={() => exportList(client, session, Q9_DEF, FollowUpQ9Query, v9)} />;
}

/** Q4 and Q10: the API pages the commune's cases (100 a page); each page shows its cases that the rule keeps. */
function CaseList({ list, commune, dates }: { list: 'q4' | 'q10'; commune: string; dates: Dates }) {
  const { t, lang } = useLang();
  const { session } = useSession();
  const client = useClient();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  useEffect(() => setCursors([null]), [list, commune]);
  const after = cursors[cursors.length - 1];
  const v4 = { commune, asOf: dates.today };
  const v10 = { commune, quarter: dates.quarter };
  const [r4] = useQuery({ query: FollowUpQ4Query, variables: { ...v4, after }, pause: list !== 'q4' });
  const [r10] = useQuery({ query: FollowUpQ10Query, variables: { ...v10, after }, pause: list !== 'q10' });
  const result = list === 'q4' ? r4 : r10;
  const connection = result.data?.allowanceCases;
  const pager = connection ? (
    <nav className="pager" aria-label={`${t.pagination}: ${t.lists[list]}`}>
      <p>
        {t.casePage(
          (cursors.length - 1) * 100 + 1,
          (cursors.length - 1) * 100 + connection.edges.length,
          formatNumber(connection.totalCount, lang),
        )}
      </p>
      <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
        {t.previousPage}
      </button>
      <button
        type="button"
        disabled={!connection.pageInfo.hasNextPage}
        onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
      >
        {t.nextPage}
      </button>
    </nav>
  ) : null;
  const next = (d: Q4 | Q10) => (d.allowanceCases.pageInfo.hasNextPage ? (d.allowanceCases.pageInfo.endCursor ?? null) : null);
  if (list === 'q4')
    return (
      <ListResult
        def={Q4_DEF}
        result={r4}
        title={t.lists.q4}
        exportAll={() => exportList(client, session, Q4_DEF, FollowUpQ4Query, { ...v4, after: null as string | null }, next)}
      >
        {pager}
      </ListResult>
    );
  return (
    <ListResult
      def={Q10_DEF}
      result={r10}
      title={t.lists.q10}
      exportAll={() => exportList(client, session, Q10_DEF, FollowUpQ10Query, { ...v10, after: null as string | null }, next)}
    >
      {pager}
    </ListResult>
  );
}

/** The commune workbench's follow-up lists (questions 1-4, 9, 10), with paging and exports. */
export default function FollowUpsPage({ query }: { query: URLSearchParams }) {
  const { t } = useLang();
  const { session, dates } = useSession();
  const officer = session.role === 'commune-officer';
  const list = (LISTS as readonly string[]).includes(query.get('list') ?? '') ? (query.get('list') as ListId) : 'q1';
  const commune = officer && session.commune ? session.commune : (query.get('commune') ?? '');
  return (
    <div className="follow-ups">
      <h1>{t.followUpsTitle}</h1>
      <p className="hint">{t.followUpsIntro}</p>
      {officer ? null : <CommuneSelect value={commune} onChange={(c) => navigate(['follow-up'], { list, commune: c || undefined })} />}
      <nav className="tabs" aria-label={t.chooseList}>
        <ul>
          {LISTS.map((id) => (
            <li key={id}>
              <a
                href={href(['follow-up'], { list: id, commune: officer ? undefined : commune || undefined })}
                aria-current={id === list ? 'page' : undefined}
              >
                {t.lists[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t.lists[list]}</h2>
      {!commune ? (
        <p className="hint">{t.chooseCommuneFirst}</p>
      ) : list === 'q4' || list === 'q10' ? (
        <CaseList key={`${list}-${commune}`} list={list} commune={commune} dates={dates} />
      ) : (
        <RosterList key={`${list}-${commune}`} list={list} commune={commune} dates={dates} />
      )}
    </div>
  );
}
