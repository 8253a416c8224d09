// Segments: who the customers are by RFM segment, what they are worth, whether we may contact them,
// and how likely they are to leave. Numbers come from gold/segment_summary.csv and from filtered
// counts the worker makes (page totals with limit 0), never from the whole table on this thread.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import { ChartTooltip } from '../../components/chart-tooltip';
import { Later } from '../../components/later';
import { useRun } from '../../shell/run-context';
import { linkProps, useNav } from '../../shell/nav-context';
import { findTable, hasColumn, PATHS, recordsOf } from '../../lib/tables';
import { useWorkerQuery } from '../../lib/use-worker-query';
import { useChartTheme, type ChartTheme } from '../../lib/use-color-scheme';
import { formatCount, formatPercent, groupDigits } from '../../lib/format';
import { ChartCard } from '../../components/chart-card';
import { compactNumber, tooltipProps } from '../../lib/chart-props';
import { Empty, ErrorState, Loading } from '../../components/states';
import type { Filter, PageResult, TableInfo } from '../../../worker/api';
import type { PipelineApi } from '../../../worker/api';
import type { Remote } from 'comlink';

const BANDS = ['low', 'medium', 'high'] as const;
const TIERS = ['high', 'medium', 'low', 'none'] as const;
const FLAGS = ['can_email', 'can_sms', 'can_target_ads'] as const;
const FLAG_LABELS: Record<string, string> = { can_email: 'Email', can_sms: 'SMS', can_target_ads: 'Ads' };

interface Facts {
  /** flag → segment → customers with the flag true */
  flags: Record<string, Record<string, number>>;
  /** band → segment → customers; '' = no orders */
  bands: Record<string, Record<string, number>>;
  tiers: Record<string, Record<string, number>>;
}

async function count(api: Remote<PipelineApi>, filters: Filter[]): Promise<number> {
  return (await api.page({ path: PATHS.customer360, offset: 0, limit: 0, filters })).total;
}

async function loadFacts(api: Remote<PipelineApi>, info: TableInfo, segments: string[]): Promise<Facts> {
  const facts: Facts = { flags: {}, bands: {}, tiers: {} };
  const jobs: Promise<void>[] = [];
  const put = (into: Record<string, Record<string, number>>, k: string, seg: string, filters: Filter[]) =>
    jobs.push(
      count(api, [{ column: 'segment', op: 'eq', value: seg }, ...filters]).then((n) => {
        (into[k] ??= {})[seg] = n;
      }),
    );
  for (const seg of segments) {
    for (const f of FLAGS) if (hasColumn(info, f)) put(facts.flags, f, seg, [{ column: f, op: 'eq', value: 'true' }]);
    if (hasColumn(info, 'churn_risk_band')) {
      for (const b of BANDS) put(facts.bands, b, seg, [{ column: 'churn_risk_band', op: 'eq', value: b }]);
      put(facts.bands, '', seg, [{ column: 'churn_risk_band', op: 'empty' }]);
    }
    if (hasColumn(info, 'value_tier')) for (const t of TIERS) put(facts.tiers, t, seg, [{ column: 'value_tier', op: 'eq', value: t }]);
  }
  await Promise.all(jobs);
  return facts;
}

const num = (s: string | undefined) => (s === undefined || s === '' ? 0 : Number(s));

export function SegmentsView() {
  const { summary } = useRun();
  const nav = useNav();
  const theme = useChartTheme();
  const segInfo = findTable(summary, PATHS.segmentSummary);
  const c360 = findTable(summary, PATHS.customer360);
  const seg = useWorkerQuery<PageResult>('segment-summary', (api) => api.page({ path: PATHS.segmentSummary, offset: 0, limit: 100 }), !!segInfo);
  const segRows = useMemo(() => (segInfo ? recordsOf(segInfo, seg.data) : []), [segInfo, seg.data]);
  const segments = useMemo(() => segRows.map((r) => r.segment), [segRows]);
  const facts = useWorkerQuery<Facts>(`facts|${segments.join(',')}`, (api) => loadFacts(api, c360!, segments), !!c360 && segments.length > 0);

  if (!segInfo || !c360) return <Empty>This run has no segment summary.</Empty>;
  if (seg.error) return <ErrorState message={seg.error} />;
  if (!seg.data) return <Loading label="Loading segments…" />;

  const color = (s: string) => theme.series[segments.indexOf(s) % theme.series.length];
  const openSegment = (segment: string, more: Filter[] = []) => nav.go({ view: 'customers', filters: [{ column: 'segment', op: 'eq', value: segment }, ...more] });
  const total = segRows.reduce((a, r) => a + num(r.customers), 0);

  return (
    <div className="view segments">
      <div className="view-head">
        <h2>Segments</h2>
        <p className="lede">
          RFM segments of <code>gold/customer_360.csv</code>: the first rule that holds, from recency (days since the last order) and frequency (orders).
          Click a bar, or a segment below, to open those customers.
        </p>
      </div>
      <nav aria-label="Open a segment in Customer 360" className="segment-links">
          <span aria-hidden="true">Open:</span>
          <ul>
            {segRows.map((r) => (
              <li key={r.segment}>
                <a {...linkProps(nav, { view: 'customers', filters: [{ column: 'segment', op: 'eq', value: r.segment }] })}>
                  <span className="swatch" style={{ background: color(r.segment) }} aria-hidden="true" />
                  {r.segment} <span className="rows">{formatCount(num(r.customers))}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      <div className="chart-grid">
        <ChartCard
          title="Customers by segment"
          order={0}
          description={`${formatCount(total)} profiles in seven segments; the table adds each segment's share, average orders and open tickets.`}
          table={{
            columns: [
              { key: 'segment', label: 'Segment' },
              { key: 'customers', label: 'Customers', numeric: true },
              { key: 'share', label: 'Share', numeric: true },
              { key: 'avg_orders', label: 'Avg orders', numeric: true },
              { key: 'tickets_open', label: 'Open tickets', numeric: true },
            ],
            rows: segRows.map((r) => ({
              segment: <SegmentLink segment={r.segment} />,
              customers: formatCount(num(r.customers)),
              share: r.share_of_customers ? formatPercent(num(r.share_of_customers)) : '—',
              avg_orders: r.avg_orders || '—',
              tickets_open: groupDigits(r.tickets_open ?? ''),
            })),
          }}
        >
          {(width: number) => (
            <BarChart
              layout="vertical"
              width={width}
              height={300}
              data={segRows.map((r) => ({ segment: r.segment, customers: num(r.customers) }))}
              margin={{ top: 5, right: 56, bottom: 5, left: 5 }}
            >
              <CartesianGrid stroke={theme.grid} horizontal={false} />
              <YAxis type="category" dataKey="segment" width={96} tick={{ fill: theme.text, fontSize: 14 }} interval={0} />
              <XAxis type="number" tick={{ fill: theme.muted, fontSize: 14 }} tickFormatter={(v: number) => compactNumber.format(v)} />
              <ChartTooltip {...tooltipProps(theme)} formatter={(v) => formatCount(Number(v))} />
              <Later>
                <Bar dataKey="customers" name="Customers" cursor="pointer" onClick={(d) => openSegment(d.payload.segment)} isAnimationActive={false}>
                  {segRows.map((r) => (
                    <Cell key={r.segment} fill={color(r.segment)} />
                  ))}
                  <LabelList dataKey="customers" position="right" fill={theme.text} fontSize={14} formatter={(v: unknown) => formatCount(Number(v))} />
                </Bar>
              </Later>
            </BarChart>
          )}
        </ChartCard>

        <ChartCard
          title="Revenue by segment"
          order={1}
          legend={[
            { label: 'Lifetime revenue', color: theme.series[0] },
            { label: 'Revenue 90d', color: theme.series[1] },
          ]}
          description="Lifetime revenue and revenue of the last 90 days (counted orders: placed, shipped or delivered)."
          table={{
            columns: [
              { key: 'segment', label: 'Segment' },
              { key: 'lifetime_revenue', label: 'Lifetime revenue', numeric: true },
              { key: 'revenue_90d', label: 'Revenue 90d', numeric: true },
              { key: 'avg_lifetime_revenue', label: 'Avg lifetime revenue', numeric: true },
            ],
            rows: segRows.map((r) => ({
              segment: <SegmentLink segment={r.segment} />,
              lifetime_revenue: groupDigits(r.lifetime_revenue ?? ''),
              revenue_90d: groupDigits(r.revenue_90d ?? ''),
              avg_lifetime_revenue: r.avg_lifetime_revenue ? groupDigits(r.avg_lifetime_revenue) : '—',
            })),
          }}
        >
          {(width: number) => (
            <BarChart
              width={width}
              height={300}
              layout="vertical"
              data={segRows.map((r) => ({ segment: r.segment, lifetime: num(r.lifetime_revenue), last90: num(r.revenue_90d) }))}
              margin={{ top: 5, right: 20, bottom: 5, left: 5 }}
            >
              <CartesianGrid stroke={theme.grid} horizontal={false} />
              <YAxis type="category" dataKey="segment" width={96} tick={{ fill: theme.text, fontSize: 14 }} interval={0} />
              <XAxis type="number" tick={{ fill: theme.muted, fontSize: 14 }} tickFormatter={(v: number) => compactNumber.format(v)} />
              <ChartTooltip {...tooltipProps(theme)} formatter={(v) => groupDigits(Number(v).toFixed(2))} />
              <Later>
                <Bar dataKey="lifetime" name="Lifetime revenue" fill={theme.series[0]} cursor="pointer" onClick={(d) => openSegment(d.payload.segment)} isAnimationActive={false} />
                <Bar dataKey="last90" name="Revenue 90d" fill={theme.series[1]} cursor="pointer" onClick={(d) => openSegment(d.payload.segment)} isAnimationActive={false} />
              </Later>
            </BarChart>
          )}
        </ChartCard>

        <FactsCharts facts={facts.data} error={facts.error} segRows={segRows} segments={segments} theme={theme} color={color} openSegment={openSegment} />
      </div>
    </div>
  );
}

function SegmentLink({ segment, filters = [] }: { segment: string; filters?: Filter[] }) {
  const nav = useNav();
  return <a {...linkProps(nav, { view: 'customers', filters: [{ column: 'segment', op: 'eq', value: segment }, ...filters] })}>{segment}</a>;
}

interface FactsProps {
  facts: Facts | undefined;
  error: string | undefined;
  segRows: Record<string, string>[];
  segments: string[];
  theme: ChartTheme;
  color: (s: string) => string;
  openSegment: (segment: string, more?: Filter[]) => void;
}

function FactsCharts({ facts, error, segRows, segments, theme, color, openSegment }: FactsProps) {
  if (error) return <ErrorState message={error} />;
  if (!facts) return <Loading label="Counting customers per segment…" />;
  const customers = Object.fromEntries(segRows.map((r) => [r.segment, num(r.customers)]));
  const flags = FLAGS.filter((f) => facts.flags[f]);
  const flagData = segments.map((s) => ({
    segment: s,
    ...Object.fromEntries(flags.map((f) => [f, customers[s] ? facts.flags[f][s] / customers[s] : 0])),
  }));
  const totalCustomers = sum(customers);
  const flagColors = [theme.series[0], theme.series[2], theme.series[3]];

  return (
    <>
      <ChartCard
        title="Contactability by segment"
        order={2}
        legend={flags.map((f, i) => ({ label: FLAG_LABELS[f] ?? f, color: flagColors[i] }))}
        description="Share of each segment we may contact: consent granted and the channel's identifier present (can_email, can_sms, can_target_ads)."
        table={{
          columns: [
            { key: 'segment', label: 'Segment' },
            { key: 'customers', label: 'Customers', numeric: true },
            ...flags.map((f) => ({ key: f, label: f, numeric: true })),
          ],
          rows: segments.map((s) => ({
            segment: <SegmentLink segment={s} />,
            customers: formatCount(customers[s] ?? 0),
            ...Object.fromEntries(
              flags.map((f) => [f, `${formatCount(facts.flags[f][s])} (${customers[s] ? formatPercent(facts.flags[f][s] / customers[s]) : '—'})`]),
            ),
          })),
        }}
      >
        {(width: number) => (
          <BarChart layout="vertical" width={width} height={340} data={flagData} margin={{ top: 5, right: 20, bottom: 5, left: 5 }}>
            <CartesianGrid stroke={theme.grid} horizontal={false} />
            <YAxis type="category" dataKey="segment" width={96} tick={{ fill: theme.text, fontSize: 14 }} interval={0} />
            <XAxis type="number" tick={{ fill: theme.muted, fontSize: 14 }} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} domain={[0, 1]} />
            <ChartTooltip {...tooltipProps(theme)} formatter={(v) => formatPercent(Number(v))} />
            <Later>
              {flags.map((f, i) => (
                <Bar
                  key={f}
                  dataKey={f}
                  name={FLAG_LABELS[f] ?? f}
                  fill={flagColors[i]}
                  cursor="pointer"
                  onClick={(d) => openSegment(d.payload.segment, [{ column: f, op: 'eq', value: 'true' }])}
                  isAnimationActive={false}
                />
              ))}
            </Later>
          </BarChart>
        )}
      </ChartCard>

      <StackedBySegmentCard
        title="Churn-risk distribution"
        order={3}
        description="Customers per churn_risk_band (low < 0.33 ≤ medium < 0.66 ≤ high), stacked by segment. Prospects have no orders and no risk."
        categoryLabel="Churn band"
        categories={[...BANDS, ''].map((b) => ({ key: b, label: b === '' ? 'no orders' : b }))}
        counts={facts.bands}
        filterFor={(b) => (b === '' ? { column: 'churn_risk_band', op: 'empty' } : { column: 'churn_risk_band', op: 'eq', value: b })}
        {...{ segments, theme, color, openSegment, totalCustomers }}
      />

      <StackedBySegmentCard
        title="Value tiers"
        order={4}
        description="Customers per value_tier (lifetime revenue ≥ 1,000 high, ≥ 250 medium, > 0 low, else none), stacked by segment."
        categoryLabel="Value tier"
        categories={TIERS.map((t) => ({ key: t, label: t }))}
        counts={facts.tiers}
        filterFor={(t) => ({ column: 'value_tier', op: 'eq', value: t })}
        {...{ segments, theme, color, openSegment, totalCustomers }}
      />
    </>
  );
}

const sum = (o: Record<string, number> | undefined) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);

interface StackedProps {
  title: string;
  order: number;
  description: string;
  categoryLabel: string;
  /** Bars in display order; `key` is the stored value, `label` what the reader sees. */
  categories: { key: string; label: string }[];
  /** category → segment → customers */
  counts: Record<string, Record<string, number>>;
  filterFor: (category: string) => Filter;
  segments: string[];
  theme: ChartTheme;
  color: (s: string) => string;
  openSegment: (segment: string, more?: Filter[]) => void;
  totalCustomers: number;
}

/** Customers per category (churn band, value tier), stacked by segment, with its numbers as a table. */
function StackedBySegmentCard(p: StackedProps) {
  const data = p.categories.map((c) => ({ category: c.label, key: c.key, ...Object.fromEntries(p.segments.map((s) => [s, p.counts[c.key]?.[s] ?? 0])) }));
  return (
    <ChartCard
      title={p.title}
      order={p.order}
      legend={p.segments.map((s) => ({ label: s, color: p.color(s) }))}
      description={p.description}
      table={{
        columns: [{ key: 'category', label: p.categoryLabel }, ...p.segments.map((s) => ({ key: s, label: s, numeric: true })), { key: 'total', label: 'Total', numeric: true }, { key: 'share', label: 'Share', numeric: true }],
        rows: p.categories.map((c) => {
          const n = sum(p.counts[c.key]);
          return {
            category: c.label,
            ...Object.fromEntries(p.segments.map((s) => [s, formatCount(p.counts[c.key]?.[s] ?? 0)])),
            total: formatCount(n),
            share: p.totalCustomers ? formatPercent(n / p.totalCustomers) : '—',
          };
        }),
      }}
    >
      {(width: number) => (
        <BarChart width={width} height={300} data={data} margin={{ top: 10, right: 10, bottom: 5, left: 10 }}>
          <CartesianGrid stroke={p.theme.grid} vertical={false} />
          <XAxis dataKey="category" tick={{ fill: p.theme.text, fontSize: 14 }} interval={0} />
          <YAxis tick={{ fill: p.theme.muted, fontSize: 14 }} tickFormatter={(v: number) => compactNumber.format(v)} />
          <ChartTooltip {...tooltipProps(p.theme)} formatter={(v) => formatCount(Number(v))} />
          <Later>
            {p.segments.map((s) => (
              <Bar
                key={s}
                dataKey={s}
                stackId={p.title}
                fill={p.color(s)}
                cursor="pointer"
                onClick={(d) => p.openSegment(s, [p.filterFor(d.payload.key)])}
                isAnimationActive={false}
              />
            ))}
          </Later>
        </BarChart>
      )}
    </ChartCard>
  );
}
