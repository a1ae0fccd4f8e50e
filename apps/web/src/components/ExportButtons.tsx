import { useId, useState } from 'react';
import { exportValue } from '../data/cells';
import { CSV_BOM, toCsv } from '../export/csv';
import { download, fileName } from '../export/download';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';
import { useSession } from '../session-context';
import type { TableData } from './DataTable';

interface Props {
  /** File name base (the list's or table's title). */
  name: string;
  /**
   * The rows to write. Aggregate tables hand over what is on screen (no personal data); lists
   * of people are read again through the gateway (every page, export/refetch.ts), so every
   * person in the file is recorded in the access log under this export.
   */
  load(): Promise<TableData>;
  /** Personal data: the export is a read of its own, recorded in the access log. */
  personal?: boolean;
}

/** CSV and XLSX of a table or list, with withheld cells as on screen. */
export function ExportButtons({ name, load, personal }: Props) {
  const { t, lang, words } = useLang();
  const { dates } = useSession();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const noteId = useId();

  async function run(kind: 'csv' | 'xlsx') {
    setState({ busy: true, message: t.exporting });
    try {
      const data = await load();
      const rows = data.rows.map((r) => r.map((c) => exportValue(c, words)));
      const blob =
        kind === 'csv'
          ? new Blob([CSV_BOM, toCsv(data.headers, rows)], { type: 'text/csv;charset=utf-8' })
          : await (await import('../export/xlsx')).toXlsx(name, data.headers, rows);
      download(blob, fileName(name, dates.today, kind));
      setState({ busy: false, message: t.exported(formatNumber(rows.length, lang)) });
    } catch (err) {
      setState({ busy: false, error: true, message: `${t.exportFailed}: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  return (
    <div className="export" role="group" aria-label={`${t.exportCsv} / ${t.exportXlsx}: ${name}`}>
      <button type="button" onClick={() => void run('csv')} disabled={state.busy} aria-describedby={personal ? noteId : undefined}>
        {t.exportCsv}
      </button>
      <button type="button" onClick={() => void run('xlsx')} disabled={state.busy} aria-describedby={personal ? noteId : undefined}>
        {t.exportXlsx}
      </button>
      {personal ? (
        <span id={noteId} className="hint">
          {t.exportLogged}
        </span>
      ) : null}
      {state.message ? (
        <span className={state.error ? 'export-status error' : 'export-status'} role="status">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
