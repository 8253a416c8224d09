// The pieces of the Live view, each drawn from one snapshot: topics, counters, ticker, the followed
// profile and the segment chart. Plain elements throughout, the chart's bars too; the chart redraws
// at most twice a second.
import { memo, useEffect, useRef, useState } from 'react';
import type { LiveProfile, TickerEntry, TopicSnapshot } from '../../../pipeline/stream/live-snapshot';
import { formatIsoUtc } from '../../../pipeline/time';
import { ChartCard } from '../../components/chart-card';
import { useChartTheme } from '../../lib/use-color-scheme';
import { formatCount, groupDigits } from '../../lib/format';
import { StatusBadge } from '../../components/status-badge';
import { RATE_KINDS } from './use-live-session';

export const timeText = (ms: number | null): string => (ms === null ? '—' : formatIsoUtc(Math.round(ms)).replace('T', ' ').replace('Z', ' UTC'));
/** To the minute, for the topic table's narrow time columns. */
const minuteText = (ms: number | null): string => (ms === null ? '—' : formatIsoUtc(ms).slice(0, 16).replace('T', ' '));
const money = (cents: number) => groupDigits((cents / 100).toFixed(2));

export function TopicTable({ topics, clockMs }: { topics: readonly TopicSnapshot[]; clockMs: number | null }) {
  return (
    <div className="table-scroll compact">
      <table className="live-topics">
        <caption className="visually-hidden">Topics: offsets, lag, late events and watermarks</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col" className="num">Offset / end</th>
            <th scope="col">Lag</th>
            <th scope="col" className="num">Late</th>
            <th scope="col" className="num">Quarantined</th>
            <th scope="col" className="num">Duplicates</th>
            <th scope="col">Freshness</th>
            <th scope="col">Latest event (UTC)</th>
            <th scope="col">Watermark (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => {
            const share = t.end === 0 ? 0 : t.lag / t.end;
            return (
              <tr key={t.topic} data-topic={t.topic}>
                <th scope="row">
                  <code>{t.topic}</code>
                </th>
                <td className="num" data-offset={t.offset}>
                  {formatCount(t.offset)} / {formatCount(t.end)}
                </td>
                <td>
                  <span className="lag">
                    <span className="lag-bar" aria-hidden="true">
                      <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
                    </span>
                    <span className="lag-n">{formatCount(t.lag)}</span>
                  </span>
                </td>
                <td className="num">{formatCount(t.late)}</td>
                <td className="num">{formatCount(t.quarantined)}</td>
                <td className="num">{formatCount(t.duplicates)}</td>
                <td title={`${t.freshnessHours === null ? 'no data yet' : `${t.freshnessHours.toFixed(1)} h since its latest valid row`}; warn after ${t.warnAfterHours} h, error after ${t.errorAfterHours} h (the quality report's thresholds)`} data-freshness={t.freshness}>
                  <StatusBadge status={t.freshness} />
                </td>
                <td className="time">{minuteText(t.latestEventMs)}</td>
                <td className="time" title={clockMs !== null && t.watermarkMs !== null ? `${Math.round((clockMs - t.watermarkMs) / 86_400_000)} days behind the arrival clock` : undefined}>
                  {t.watermarkMs === null && t.topic === 'customers' ? <span className="note" title="A table snapshot has no event time, so no watermark">snapshot</span> : minuteText(t.watermarkMs)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const COUNTER_LABELS: Record<(typeof RATE_KINDS)[number], string> = {
  profile_created: 'Profiles created',
  profiles_merged: 'Profiles merged',
  profile_split: 'Profiles split',
  profile_updated: 'Records updated',
};

export function Counters({ counts, rates }: { counts: Readonly<Record<string, number>>; rates: Readonly<Record<string, number>> }) {
  return (
    <ul className="kpis live-counters" aria-label="Identity changes so far">
      {RATE_KINDS.map((k) => (
        <li key={k} className="kpi" data-counter={k}>
          <span className="kpi-name">{COUNTER_LABELS[k]}</span>
          <span className="kpi-value">{formatCount(counts[k] ?? 0)}</span>
          <span className="kpi-def">{formatCount(Math.round(rates[k] ?? 0))} per second</span>
        </li>
      ))}
    </ul>
  );
}

const KIND_TEXT: Record<string, string> = {
  quarantined: 'quarantined', duplicate: 'duplicate dropped', profile_created: 'profile created', profile_updated: 'record updated',
  record_superseded: 'older version ignored', profiles_merged: 'profiles merged', profile_split: 'profile split', order_upserted: 'order upserted',
  order_deleted: 'order deleted', cdc_ignored: 'stale CDC change ignored', device_stitched: 'device stitched', event_applied: 'event applied',
  unattributed: 'no person yet', cdc_repeated: 'CDC change seen again',
};

/** Every change kind with its count, in the engine's order. */
export function ChangeCounts({ counts }: { counts: Readonly<Record<string, number>> }) {
  return (
    <table className="live-kinds">
      <caption className="visually-hidden">Changes so far by kind</caption>
      <thead>
        <tr>
          <th scope="col">Change</th>
          <th scope="col" className="num">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(counts).map(([k, n]) => (
          <tr key={k} data-kind={k}>
            <th scope="row">
              <code>{k}</code> <span className="note">{KIND_TEXT[k]}</span>
            </th>
            <td className="num">{formatCount(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Ticker({ entries, onFollow }: { entries: readonly TickerEntry[]; onFollow: (record: string) => void }) {
  if (entries.length === 0) return <p className="note">No changes yet: step or play.</p>;
  return (
    <ol className="live-ticker" aria-label="Latest changes">
      {entries.map((e) => (
        <li key={e.seq} className={`kind-${e.kind}`}>
          <span className="arrival">#{formatCount(e.arrival + 1)}</span>
          <code className="topic">{e.topic}</code>
          <span className="what">{KIND_TEXT[e.kind] ?? e.kind}</span>
          {e.customerKey && e.record ? (
            <button type="button" className="link-button" onClick={() => onFollow(e.record!)} aria-label={`Follow ${e.customerKey}`}>
              {e.customerKey}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A value that changed since the last snapshot of the same record flashes once. */
function useChangedFields(profile: LiveProfile | null, fields: Record<string, string>): Set<string> {
  const prev = useRef<{ record: string | null; fields: Record<string, string>; flashing: Set<string> }>({ record: null, fields: {}, flashing: new Set() });
  const p = prev.current;
  const record = profile?.record ?? null;
  if (record !== p.record) {
    prev.current = { record, fields, flashing: new Set() };
    return prev.current.flashing;
  }
  const flashing = new Set<string>();
  for (const [k, v] of Object.entries(fields)) {
    const id = `${k}|${v}`;
    if (p.fields[k] !== v || p.flashing.has(id)) flashing.add(id);
  }
  prev.current = { record, fields, flashing };
  return flashing;
}

export function ProfileCard({ profile }: { profile: LiveProfile | null }) {
  const fields: Record<string, string> = profile?.exists
    ? {
        customer_key: profile.customerKey ?? '—',
        full_name: profile.fullName ?? '—',
        email: profile.email ?? '—',
        country: profile.country ?? '—',
        records: formatCount(profile.members),
        orders_count: formatCount(profile.ordersCount),
        lifetime_revenue: money(profile.lifetimeRevenueCents),
        last_order_at: timeText(profile.lastOrderMs),
        segment: profile.segment ?? '—',
        ...Object.fromEntries(Object.entries(profile.consent).map(([k, v]) => [`consent_${k}`, v])),
        tickets_open: formatCount(profile.ticketsOpen),
        orders_90d: formatCount(profile.windows.orders90d),
        revenue_90d: money(profile.windows.revenue90dCents),
        product_views_30d: formatCount(profile.windows.productViews30d),
        sessions_30d: formatCount(profile.windows.sessions30d),
      }
    : {};
  const flashing = useChangedFields(profile, fields);
  if (!profile) return <p className="note">The card follows the person of the latest change once the stream starts.</p>;
  return (
    <div className="live-profile" data-record={profile.record}>
      <p className="note">
        Record <code>{profile.record}</code>
        {profile.exists ? '' : ': its first accepted row has not arrived yet.'}
        {profile.exists && profile.windowsAsOfMs !== null && <> · the 30d and 90d windows end at the replay clock, {timeText(profile.windowsAsOfMs)}</>}
      </p>
      {profile.exists && (
        <dl className="live-fields">
          {Object.entries(fields).map(([k, v]) => (
            <div key={k} data-field={k}>
              <dt>{k}</dt>
              <dd key={`${profile.record}|${v}`} className={flashing.has(`${k}|${v}`) ? 'flash' : undefined}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** The latest value, shown at most every `ms` (and at once when `now` is set). */
export function useEvery<T>(value: T, ms: number, now: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const since = performance.now() - last.current;
    if (now || since >= ms) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const id = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, ms - since);
    return () => clearTimeout(id);
  }, [value, ms, now]);
  return shown;
}

export const SegmentChart = memo(function SegmentChart({ counts }: { counts: string }) {
  const theme = useChartTheme();
  const rows = JSON.parse(counts) as { segment: string; customers: number }[];
  const total = rows.reduce((a, r) => a + r.customers, 0);
  return (
    <ChartCard
      title="Live people by segment"
      order={0}
      description={`${formatCount(total)} people exist now. Segments use recency at the replay clock, from what has arrived so far.`}
      table={{
        columns: [
          { key: 'segment', label: 'Segment' },
          { key: 'customers', label: 'People', numeric: true },
        ],
        rows: rows.map((r) => ({ segment: r.segment, customers: formatCount(r.customers) })),
      }}
    >
      {() => {
        // Plain bars, not Recharts: a chart that changes every half second must redraw in a few
        // milliseconds, and Recharts re-renders a whole chart synchronously on each data change.
        const max = Math.max(1, ...rows.map((r) => r.customers));
        return (
          <ol className="live-bars" aria-label="People per segment">
            {rows.map((r, i) => (
              <li key={r.segment}>
                <span className="live-bar-label">{r.segment}</span>
                <span className="live-bar-track" aria-hidden="true">
                  <span className="live-bar" style={{ width: `${((r.customers / max) * 100).toFixed(2)}%`, background: theme.series[i % theme.series.length] }} />
                </span>
                <span className="live-bar-n">{formatCount(r.customers)}</span>
              </li>
            ))}
          </ol>
        );
      }}
    </ChartCard>
  );
});
