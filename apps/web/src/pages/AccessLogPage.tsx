import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { DataTable, tableData, type Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { Loading, ProblemNotice } from '../components/Notice';
import { text } from '../data/cells';
import type { AccessLogQuery as Result } from '../gql/graphql';
import { AccessLogQuery } from '../graphql/operations';
import { fatalProblem, problemsOf } from '../graphql/problems';
import { formatInstant } from '../i18n/format';
import { useLang } from '../i18n/context';

type Entry = Result['accessLog']['edges'][number]['node'];

/** The access log for auditors: who read whose data, for what purpose, with which operation (exports are `Export_...`). */
export default function AccessLogPage() {
  const { t, lang } = useLang();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [citizenId, setCitizenId] = useState('');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [result] = useQuery({
    query: AccessLogQuery,
    variables: { filter: citizenId ? { citizenId } : null, after: cursors[cursors.length - 1] },
    requestPolicy: 'cache-and-network',
  });
  const problems = problemsOf(result.error);
  const entries = result.data?.accessLog.edges.map((e) => e.node) ?? [];
  const columns: Column<Entry>[] = [
    { id: 'at', header: t.at, cell: (r) => text(formatInstant(r.at, lang)) },
    { id: 'subject', header: t.subject, cell: (r) => text(`${r.subject} (${r.role}${r.commune ? `, ${r.commune}` : ''})`) },
    { id: 'purpose', header: t.purpose, cell: (r) => text(r.purpose) },
    { id: 'citizen', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'operation', header: t.operation, cell: (r) => text(r.operationName) },
    { id: 'fields', header: t.fields, cell: (r) => text(r.fields.join(', ')) },
  ];
  function submit(e: FormEvent) {
    e.preventDefault();
    setCitizenId(draft.trim());
    setCursors([null]);
  }
  const fatal = fatalProblem(problems, !!result.data);
  return (
    <>
      <h1>{t.accessLogTitle}</h1>
      <form className="search-form" onSubmit={submit}>
        <div className="field inline">
          <label htmlFor={inputId}>{t.filterCitizen}</label>
          <input id={inputId} value={draft} onChange={(e) => setDraft(e.target.value)} inputMode="numeric" autoComplete="off" />
        </div>
        <button type="submit">{t.filter}</button>
      </form>
      {!result.data && result.fetching ? <Loading /> : null}
      {fatal ? <ProblemNotice problem={fatal} /> : null}
      {result.data ? (
        <div data-ready="access-log">
          <DataTable
            caption={t.accessLogTitle}
            columns={columns}
            rows={entries}
            rowKey={(r) => r.id}
            pageSize={50}
            tools={<ExportButtons name={t.accessLogTitle} load={async () => tableData(columns, entries)} />}
          />
          <nav className="pager" aria-label={`${t.pagination}: ${t.accessLogTitle}`}>
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t.previousPage}
            </button>
            <button
              type="button"
              disabled={!result.data.accessLog.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, result.data!.accessLog.pageInfo.endCursor ?? null])}
            >
              {t.nextPage}
            </button>
          </nav>
        </div>
      ) : null}
    </>
  );
}
