// One export file's start, as the worker previews it: a topic's first records, a Parquet file's
// schema, a text file whole (up to 64 KB). Says which of these it is and whether there is more.
import { useId, useState } from 'react';
import type { ExportEntry, ExportPreview } from '../../../worker/api';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { formatCount } from '../../lib/format';
import { ErrorState, Loading } from '../../components/states';
import { nameInKind } from './export-files';

function noteOf(entry: ExportEntry, p: ExportPreview): string {
  if (entry.format === 'parquet') return 'Schema: Parquet is binary, so this is the type each column is written with.';
  if (entry.format === 'jsonl') {
    const shown = p.text === '' ? 0 : p.text.split('\n').length;
    const total = entry.rows === undefined ? '' : ` of ${formatCount(entry.rows)}`;
    return p.truncated ? `First ${formatCount(shown)}${total} records, one per line.` : `All ${formatCount(shown)} records, one per line.`;
  }
  return p.truncated ? 'The first 64 KB of the file.' : 'The whole file.';
}

/** A record laid out for reading; a line that is not JSON (none should be) stays as it is. */
function prettyJson(line: string): string {
  try {
    return JSON.stringify(JSON.parse(line), null, 2);
  } catch {
    return line;
  }
}

export function FilePreview({ entry }: { entry: ExportEntry }) {
  const headingId = useId();
  const [pretty, setPretty] = useState(false);
  const q = useWorkerQuery<ExportPreview>(`export-preview|${entry.path}`, (api) => api.exportPreview(entry.path));
  // The last answer may be another file's while this one is on its way.
  const p = q.data?.path === entry.path ? q.data : undefined;
  return (
    <section className="file-preview" aria-labelledby={headingId} data-file={entry.path}>
      <div className="preview-head">
        <h4 id={headingId}>
          Preview of <code>{nameInKind(entry)}</code>
        </h4>
        {p && <span className="note">{noteOf(entry, p)}</span>}
        {entry.format === 'jsonl' && (
          <button type="button" className="small" aria-pressed={pretty} onClick={() => setPretty(!pretty)}>
            Pretty-print
          </button>
        )}
      </div>
      {q.error && <ErrorState title="Could not preview the file" message={q.error} />}
      {!p && !q.error && <Loading label={`Reading ${nameInKind(entry)}…`} />}
      {p && (
        <>
          <pre className="preview" tabIndex={0} data-truncated={p.truncated}>
            {entry.format === 'jsonl'
              ? p.text.split('\n').map((line, i) => (
                  <span key={i} className="record">
                    {pretty ? prettyJson(line) : line}
                  </span>
                ))
              : p.text}
          </pre>
          {p.truncated && (
            <p className="preview-more" role="note">
              Truncated: {entry.rows !== undefined && entry.format === 'jsonl' ? `${formatCount(entry.rows - p.text.split('\n').length)} more records are` : 'more is'} in the
              file. Download it for everything.
            </p>
          )}
        </>
      )}
    </section>
  );
}
