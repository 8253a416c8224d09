// Quality: the report's checks as badges with words, filterable by status, with the threshold and
// the observed value of each, links into the quarantine, and both report files to download.
import { useCallback } from 'react';
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import { findTable, PATHS } from '../../lib/tables';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { formatCount, groupDigits } from '../../lib/format';
import { CSV_TYPE, MD_TYPE, saveBytes } from '../../lib/download';
import { useDownload } from '../../lib/use-download';
import { DataTable, type TableQuery } from '../../components/data-table';
import { StatusBadge, STATUSES, STATUS_MEANING, type Status } from '../../components/status-badge';
import { Empty, ErrorState } from '../../components/states';
import { Breakable } from '../../components/breakable';
import { getPipeline } from '../../../worker/client';
import type { ColumnInfo, Filter } from '../../../worker/api';

const QUARANTINE_CHECK = 'quarantined_rows';

export function QualityView() {
  const { summary } = useRun();
  const nav = useNav();
  const { screen } = nav;
  const info = findTable(summary, PATHS.report);
  const quarantine = findTable(summary, PATHS.quarantine);
  const counts = useWorkerQuery<Record<Status, number>>(
    'status-counts',
    async (api) => {
      const entries = await Promise.all(
        STATUSES.map(async (s) => [s, (await api.page({ path: PATHS.report, offset: 0, limit: 0, filters: [{ column: 'status', op: 'eq', value: s }] })).total] as const),
      );
      return Object.fromEntries(entries) as Record<Status, number>;
    },
    !!info,
  );
  const current = screen.filters.find((f) => f.column === 'status' && f.op === 'eq')?.value as string | undefined;
  const onQueryChange = useCallback((patch: Partial<TableQuery>, opts?: { replace?: boolean }) => nav.setScreen(patch, opts), [nav]);

  const report = useDownload();
  const download = (kind: 'csv' | 'md') =>
    report.start(kind, async () => {
      const api = getPipeline();
      if (kind === 'csv') saveBytes(await api.csv(PATHS.report), 'customer360_quality_report.csv', CSV_TYPE);
      else saveBytes(new TextEncoder().encode(await api.reportMarkdown()), 'customer360_quality_report.md', MD_TYPE);
    });

  if (!info) return <Empty>This run has no quality report.</Empty>;

  function setStatus(s: string | undefined) {
    const rest: Filter[] = screen.filters.filter((f) => f.column !== 'status');
    nav.setScreen({ filters: s ? [...rest, { column: 'status', op: 'eq', value: s }] : rest, page: 1 });
  }

  const renderCell = (col: ColumnInfo, text: string, row: readonly string[]) => {
    const checkId = row[info.columns.findIndex((c) => c.name === 'check_id')];
    if (col.name === 'status') return <StatusBadge status={text} />;
    if (col.name === 'check_id') return <Breakable text={text} />;
    if (checkId === QUARANTINE_CHECK && col.name === 'observed') {
      return (
        <a {...linkProps(nav, { view: 'layers', table: PATHS.quarantine })} aria-label={`${groupDigits(text)} quarantined rows: open the quarantine table`}>
          {groupDigits(text)}
        </a>
      );
    }
    if (checkId === QUARANTINE_CHECK && col.name === 'detail') return <QuarantineDetail text={text} />;
    return undefined;
  };

  return (
    <div className="view quality">
      <div className="view-head">
        <h2>Quality</h2>
        <p className="lede">
          Checks of this run against the data contract, as <code>reports/customer360_quality_report.csv</code> records them. Freshness thresholds read like
          dbt&apos;s <code>warn_after</code> and <code>error_after</code>.
        </p>
      </div>
      <div className="quality-top">
        <section aria-labelledby="status-h" className="status-legend">
          <h3 id="status-h">What the statuses mean</h3>
          <dl>
            {STATUSES.map((s) => (
              <div key={s}>
                <dt>
                  <StatusBadge status={s} />
                </dt>
                <dd>{STATUS_MEANING[s]}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="qfiles-h" className="quality-files">
          <h3 id="qfiles-h">Report files</h3>
          <div className="button-row">
            <button type="button" onClick={() => download('csv')} disabled={report.busy !== null}>
              {report.busy === 'csv' ? 'Preparing…' : 'Download report (CSV)'}
            </button>
            <button type="button" onClick={() => download('md')} disabled={report.busy !== null}>
              {report.busy === 'md' ? 'Preparing…' : 'Download report (Markdown)'}
            </button>
          </div>
          {report.error && <ErrorState title="Download failed" message={report.error} />}
          {quarantine && (
            <p>
              <a {...linkProps(nav, { view: 'layers', table: PATHS.quarantine })}>Quarantine: {formatCount(quarantine.rows)} rows</a> — rows that broke
              the contract, each with its reason and the raw line.
            </p>
          )}
        </section>
      </div>
      <fieldset className="status-filter">
        <legend>Show checks with status</legend>
        <label className={!current ? 'on' : undefined}>
          <input type="radio" name="status" checked={!current} onChange={() => setStatus(undefined)} /> All
          {counts.data && <span className="rows">{formatCount(Object.values(counts.data).reduce((a, b) => a + b, 0))}</span>}
        </label>
        {STATUSES.map((s) => (
          <label key={s} className={current === s ? 'on' : undefined}>
            <input type="radio" name="status" checked={current === s} onChange={() => setStatus(s)} /> {s}
            {counts.data && <span className="rows">{formatCount(counts.data[s])}</span>}
          </label>
        ))}
      </fieldset>
      {counts.error && <ErrorState message={counts.error} />}
      <DataTable
        info={info}
        caption="Quality checks"
        query={screen}
        onQueryChange={onQueryChange}
        searchColumns={['check_id', 'check', 'layer', 'detail'].filter((c) => info.columns.some((x) => x.name === c))}
        searchLabel="Search checks"
        renderCell={renderCell}
      />
    </div>
  );
}

/** `unparseable_timestamp=3; missing_key=2` → one link per reason into the quarantine. */
function QuarantineDetail({ text }: { text: string }) {
  const nav = useNav();
  const parts = text.split(/;\s*/).filter(Boolean);
  if (!parts.every((p) => /^[a-z_]+=\d+$/.test(p))) return <>{text}</>;
  return (
    <ul className="inline-list">
      {parts.map((p) => {
        const [reason, n] = p.split('=');
        return (
          <li key={reason}>
            <a {...linkProps(nav, { view: 'layers', table: PATHS.quarantine, filters: [{ column: 'reason', op: 'eq', value: reason }] })}>
              {reason}={groupDigits(n)}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
