// A person's events from five sources, merged into one list in time order. Click events are
// grouped into sessions, the unit a marketer or support agent thinks in.
import type { ProfileDetail, RowSet } from '../../../worker/api';

export type TimelineKind = 'order' | 'session' | 'ticket' | 'campaign' | 'consent';

export const TIMELINE_KINDS: { kind: TimelineKind; label: string; short: string }[] = [
  { kind: 'order', label: 'Orders', short: 'order' },
  { kind: 'session', label: 'Sessions', short: 'session' },
  { kind: 'ticket', label: 'Tickets', short: 'ticket' },
  { kind: 'campaign', label: 'Campaign events', short: 'campaign' },
  { kind: 'consent', label: 'Consent events', short: 'consent' },
];

export interface TimelineEvent {
  kind: TimelineKind;
  ts: string;
  title: string;
  detail?: string;
}

function reader(set: RowSet) {
  const idx = new Map(set.columns.map((c, i) => [c, i]));
  return (row: readonly string[], name: string) => {
    const i = idx.get(name);
    return i === undefined ? '' : row[i] ?? '';
  };
}

function timeColumn(set: RowSet, preferred: string[]): string | undefined {
  return preferred.find((c) => set.columns.includes(c)) ?? set.columns.find((c) => c.endsWith('_ts') || c.endsWith('_at'));
}

function rest(set: RowSet, row: readonly string[], skip: string[]): string {
  return set.columns
    .map((c, i) => [c, row[i]] as const)
    .filter(([c, v]) => v !== '' && !skip.includes(c))
    .map(([c, v]) => `${c}=${v}`)
    .join(' · ');
}

export function buildTimeline(d: ProfileDetail): TimelineEvent[] {
  const out: TimelineEvent[] = [];

  {
    const g = reader(d.orders);
    const t = timeColumn(d.orders, ['order_ts', 'updated_at']);
    for (const r of d.orders.rows) {
      const amount = g(r, 'amount');
      out.push({
        kind: 'order',
        ts: t ? g(r, t) : '',
        title: `Order ${g(r, 'order_id')} — ${g(r, 'status') || g(r, 'op')}${amount ? ` · ${amount} ${g(r, 'currency')}` : ''}`,
        detail: [g(r, 'channel') && `via ${g(r, 'channel')}`, g(r, 'source_system') && `from ${g(r, 'source_system')}`].filter(Boolean).join(', '),
      });
    }
  }

  {
    const g = reader(d.clicks);
    const t = timeColumn(d.clicks, ['event_ts']);
    const sessions = new Map<string, { start: string; end: string; types: Map<string, number>; n: number }>();
    for (const r of d.clicks.rows) {
      const id = g(r, 'session_id') || g(r, 'event_id');
      const ts = t ? g(r, t) : '';
      const s = sessions.get(id) ?? { start: ts, end: ts, types: new Map(), n: 0 };
      if (ts && (!s.start || ts < s.start)) s.start = ts;
      if (ts > s.end) s.end = ts;
      const type = g(r, 'event_type') || 'event';
      s.types.set(type, (s.types.get(type) ?? 0) + 1);
      s.n++;
      sessions.set(id, s);
    }
    for (const [id, s] of sessions) {
      out.push({
        kind: 'session',
        ts: s.start,
        title: `Session ${id} — ${s.n} event${s.n === 1 ? '' : 's'}`,
        detail: [...s.types].map(([k, v]) => `${k} ×${v}`).join(', ') + (s.end && s.end !== s.start ? ` · until ${s.end}` : ''),
      });
    }
  }

  {
    const g = reader(d.tickets);
    const t = timeColumn(d.tickets, ['opened_at']);
    for (const r of d.tickets.rows) {
      out.push({
        kind: 'ticket',
        ts: t ? g(r, t) : '',
        title: `Ticket ${g(r, 'ticket_id')} — ${g(r, 'topic') || 'support'} · ${g(r, 'status')}`,
        detail: rest(d.tickets, r, ['ticket_id', 'topic', 'status', 'email', t ?? '']),
      });
    }
  }

  {
    const g = reader(d.campaignEvents);
    const t = timeColumn(d.campaignEvents, ['event_ts']);
    for (const r of d.campaignEvents.rows) {
      out.push({
        kind: 'campaign',
        ts: t ? g(r, t) : '',
        title: `${g(r, 'campaign_name') || g(r, 'campaign_id')} — ${g(r, 'event_type')}`,
        detail: g(r, 'channel') ? `via ${g(r, 'channel')}` : undefined,
      });
    }
  }

  {
    const g = reader(d.consentEvents);
    const t = timeColumn(d.consentEvents, ['event_ts']);
    for (const r of d.consentEvents.rows) {
      out.push({
        kind: 'consent',
        ts: t ? g(r, t) : '',
        title: `${g(r, 'purpose')} ${g(r, 'status')}`,
        detail: [g(r, 'capture_point') && `at ${g(r, 'capture_point')}`, g(r, 'source_system') && `in ${g(r, 'source_system')}`].filter(Boolean).join(', '),
      });
    }
  }

  // ISO UTC text sorts as time; ties keep the source order above (stable sort).
  return out.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}
