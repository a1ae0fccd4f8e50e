import { useEffect, useId, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { CommuneSelect } from '../components/CommuneSelect';
import { DataTable, tableData, type Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { exportRead, newCorrelation } from '../export/refetch';
import { Loading, ProblemNotice } from '../components/Notice';
import { date, figure, text } from '../data/cells';
import { problemsOf, type Problem } from '../graphql/problems';
import { SearchPeopleQuery } from '../graphql/operations';
import type { SearchPeopleQuery as Result } from '../gql/graphql';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';
import { href, navigate } from '../router';
import { useSession } from '../session-context';

type Row = Result['people']['edges'][number]['node'];

/**
 * The register searched by name without diacritics ("nguyen van" finds "Nguyễn Văn": the register
 * folds both sides), optionally in one commune; a commune officer searches their own commune.
 */
export function SearchPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useLang();
  const { session } = useSession();
  const client = useClient();
  const inputId = useId();
  const q = query.get('q') ?? '';
  const commune = session.commune && session.role === 'commune-officer' ? session.commune : (query.get('commune') ?? '');
  const filter = { ...(q ? { nameContains: q } : {}), ...(commune ? { communeCode: commune } : {}) };
  const [draft, setDraft] = useState(q);
  const [draftCommune, setDraftCommune] = useState(commune);
  const [result, setResult] = useState<{ rows: Row[]; total: number; cursor: string | null; more: boolean } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(after: string | null) {
    setBusy(true);
    const res = await client.query(SearchPeopleQuery, { filter, after }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const problems = problemsOf(res.error);
    if (!res.data) {
      setProblem(problems[0] ?? null);
      return;
    }
    setProblem(problems[0] ?? null);
    const page = res.data.people;
    setResult((prev) => ({
      rows: [...(after && prev ? prev.rows : []), ...page.edges.map((e) => e.node)],
      total: page.totalCount,
      cursor: page.pageInfo.endCursor ?? null,
      more: page.pageInfo.hasNextPage,
    }));
  }

  useEffect(() => {
    setDraft(q);
    if (!q && !commune) {
      setResult(null);
      return;
    }
    void load(null);
  }, [q, commune]);

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(['search'], {
      q: draft.trim() || undefined,
      commune: session.role === 'commune-officer' ? undefined : draftCommune || undefined,
    });
  }

  const columns: Column<Row>[] = [
    { id: 'name', header: t.fullName, cell: (r) => text(r.fullName), link: (r) => href(['person', r.citizenId]) },
    { id: 'id', header: t.citizenId, cell: (r) => text(r.citizenId) },
    { id: 'birth', header: t.birthDate, cell: (r) => date(r.birthDate) },
    { id: 'age', header: t.age, cell: (r) => figure(r.age) },
    { id: 'sex', header: t.sexLabel, cell: (r) => text(t.sex[r.sex]) },
    { id: 'residence', header: t.residence, cell: (r) => text(r.residence.name) },
    { id: 'death', header: t.deathDate, cell: (r) => date(r.deathDate) },
  ];

  return (
    <>
      <h1>{t.searchTitle}</h1>
      <form className="search-form" role="search" onSubmit={submit}>
        <div className="field inline">
          <label htmlFor={inputId}>{t.searchLabel}</label>
          <input
            id={inputId}
            name="q"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
            aria-describedby={`${inputId}-hint`}
          />
        </div>
        {session.role === 'commune-officer' ? null : <CommuneSelect value={draftCommune} onChange={setDraftCommune} allowAll />}
        <button type="submit" className="primary">
          {t.searchButton}
        </button>
        <p id={`${inputId}-hint`} className="hint">
          {t.searchHint}
        </p>
      </form>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {busy && !result ? <Loading /> : null}
      {result ? (
        <div data-ready="search">
          <p role="status">{t.resultsCount(formatNumber(result.total, lang))}</p>
          <DataTable
            caption={t.searchTitle}
            columns={columns}
            rows={result.rows}
            rowKey={(r) => r.citizenId}
            pageSize={20}
            tools={
              <ExportButtons
                name={`${t.searchTitle} ${q}`}
                personal
                load={async () => {
                  // Every match, 100 a request, read again through the gateway for the export.
                  const correlation = newCorrelation();
                  const rows: Row[] = [];
                  let after: string | null = null;
                  do {
                    const { data }: { data: Result } = await exportRead(
                      client,
                      session,
                      SearchPeopleQuery,
                      { filter, first: 100, after },
                      correlation,
                    );
                    rows.push(...data.people.edges.map((e) => e.node));
                    after = data.people.pageInfo.hasNextPage ? (data.people.pageInfo.endCursor ?? null) : null;
                  } while (after);
                  return tableData(columns, rows);
                }}
              />
            }
          />
          {result.more ? (
            <button type="button" onClick={() => void load(result.cursor)} disabled={busy}>
              {t.moreResults}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
