// Overview: the pipeline as a lineage strip, the headline KPIs, and how the lab maps to production.
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import { findTable, PATHS, recordsOf } from '../../lib/tables';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { formatCount, formatMs, groupDigits } from '../../lib/format';
import type { Layer } from '../../../pipeline/table';
import type { PageResult, TableInfo } from '../../../worker/api';
import { ErrorState, Loading } from '../../components/states';
import { ProductionMapping } from './production-mapping';
import { Breakable } from '../../components/breakable';
import { StatusBadge, STATUSES, type Status } from '../../components/status-badge';

const LINEAGE: { stage: string; layers: Layer[]; title: string; blurb: string }[] = [
  { stage: 'generate', layers: ['raw', 'truth'], title: 'Raw', blurb: 'CDC logs and event streams as delivered' },
  { stage: 'bronze', layers: ['bronze'], title: 'Bronze', blurb: 'Every row landed unchanged, with lineage columns' },
  { stage: 'silver', layers: ['silver'], title: 'Silver', blurb: 'Validated, deduplicated, identities resolved' },
  { stage: 'gold', layers: ['gold'], title: 'Gold', blurb: 'Customer 360 mart, summaries, audiences' },
  { stage: 'quality', layers: ['reports'], title: 'Quality', blurb: 'Checks against the contract' },
];

export function OverviewView() {
  const { summary } = useRun();
  if (!summary) return null;
  return (
    <div className="view overview">
      <div className="view-head">
        <h2>Overview</h2>
        <p className="lede">
          TuranMart&apos;s customers live in three systems (web shop, stores, CRM). This run generated their operational data and built a Customer 360:
          one trusted profile per person, with orders, behaviour, support, campaigns and consent.
        </p>
      </div>
      <section aria-labelledby="lineage-h">
        <h3 id="lineage-h">Pipeline lineage</h3>
        <ol className="lineage">
          {LINEAGE.map((step, i) => {
            const ms = summary.stages.find((s) => s.stage === step.stage)?.ms;
            const tables = summary.tables.filter((t) => step.layers.includes(t.layer));
            return (
              <li key={step.stage} className={`lineage-stage stage-${step.stage}`}>
                <div className="lineage-head">
                  <span className="lineage-step" aria-hidden="true">
                    {i + 1}
                  </span>
                  <h4>{step.title}</h4>
                  <span className="lineage-time" title={`Time of the ${step.stage} stage`}>
                    {ms !== undefined ? formatMs(ms) : '—'}
                  </span>
                </div>
                <p className="lineage-blurb">{step.blurb}</p>
                <LineageTables tables={tables} />
                {step.stage === 'quality' && <CheckCounts />}
              </li>
            );
          })}
        </ol>
        <p className="note">
          Total build time {formatMs(summary.totalMs)} in the worker. Row counts exclude the header. Click a table to browse it with its data dictionary.
        </p>
      </section>
      <Kpis />
      <Injected injected={summary.injected} />
      <ProductionMapping />
    </div>
  );
}

function LineageTables({ tables }: { tables: TableInfo[] }) {
  const nav = useNav();
  return (
    <ul className="lineage-tables">
      {tables.map((t) => (
        <li key={t.path}>
          <a {...linkProps(nav, { view: 'layers', table: t.path })} title={t.description}>
            <Breakable text={t.name} />
            {t.layer === 'truth' && <span className="tag">truth</span>}
          </a>
          <span className="rows">{formatCount(t.rows)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The report's checks by status, each linking to the Quality view filtered to it. */
function CheckCounts() {
  const nav = useNav();
  const q = useWorkerQuery<[Status, number][]>('overview-check-counts', (api) =>
    Promise.all(
      STATUSES.map(async (s) => [s, (await api.page({ path: PATHS.report, offset: 0, limit: 0, filters: [{ column: 'status', op: 'eq', value: s }] })).total] as [Status, number]),
    ),
  );
  if (!q.data) return null;
  return (
    <ul className="lineage-checks" aria-label="Quality checks by status">
      {q.data.map(([s, n]) => (
        <li key={s}>
          <a {...linkProps(nav, { view: 'quality', filters: [{ column: 'status', op: 'eq', value: s }] })} aria-label={`${n} ${s} checks`}>
            <StatusBadge status={s} /> <span className="rows">{formatCount(n)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Kpis() {
  const { summary } = useRun();
  const info = findTable(summary, PATHS.kpiSummary);
  const q = useWorkerQuery<PageResult>(`kpi`, (api) => api.page({ path: PATHS.kpiSummary, offset: 0, limit: 200 }), !!info);
  if (!info) return null;
  const rows = recordsOf(info, q.data);
  return (
    <section aria-labelledby="kpi-h">
      <h3 id="kpi-h">Headline KPIs</h3>
      <p className="note">
        From <code>gold/kpi_summary.csv</code>: totals over the Customer 360 rows (attributed data only).
      </p>
      {q.error && <ErrorState message={q.error} />}
      {!q.data && !q.error && <Loading label="Loading KPIs…" />}
      <ul className="kpis">
        {rows.map((r) => (
          <li key={r.kpi} className="kpi" data-kpi={r.kpi}>
            <span className="kpi-name">{r.kpi.replaceAll('_', ' ')}</span>
            <span className="kpi-value">
              {kpiValue(r.value, r.unit)}
              {UNIT_SUFFIX[r.unit] && <span className="kpi-unit"> {UNIT_SUFFIX[r.unit]}</span>}
            </span>
            <span className="kpi-def">
              {r.definition}
              {isPercentUnit(r.unit) && r.value !== '' && <> (written as {r.value})</>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Units as kpi_summary writes them: count, ratio, rate, money or score. */
function isPercentUnit(unit: string): boolean {
  return unit === 'rate';
}

const UNIT_SUFFIX: Record<string, string> = { ratio: '×', score: '/ 5' };

function kpiValue(value: string, unit: string): string {
  if (value === '') return '—';
  if (isPercentUnit(unit) && !Number.isNaN(Number(value))) return `${(Number(value) * 100).toFixed(1)}%`;
  return groupDigits(value);
}

function Injected({ injected }: { injected: Readonly<Record<string, number>> }) {
  const entries = Object.entries(injected);
  return (
    <section aria-labelledby="inj-h">
      <h3 id="inj-h">Injected problems</h3>
      {entries.length === 0 ? (
        <p className="note">None: this run was generated clean (problems off).</p>
      ) : (
        <>
          <p className="note">Deliberate data-quality problems in the raw data; the quality report must account for each of them.</p>
          <ul className="injected">
            {entries.map(([k, v]) => (
              <li key={k}>
                <span>{k.replaceAll('_', ' ')}</span> <strong>{formatCount(v)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

