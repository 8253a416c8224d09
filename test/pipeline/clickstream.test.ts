import { describe, expect, it } from 'vitest';
import { customer, rowsOf, runInline, tableAt } from '../helpers/inline-sources';

const click = (id: number, ts: string, f: Record<string, string> = {}) => ({
  event_id: `E${String(id).padStart(9, '0')}`, event_ts: ts, ingest_ts: ts, session_id: 'SES00000001', anonymous_id: 'ANON00000001',
  source_customer_id: '', event_type: 'page_view', product_id: '', page: '/', ...f,
});
const people = [customer('web', 'W0000001', { email: 'a@x.com' }), customer('web', 'W0000002', { email: 'b@x.com' })];
const clean = (clickstream: Record<string, string>[]) => {
  const run = runInline({ customers: people, clickstream });
  const keys = rowsOf(tableAt(run, 'silver/customer_identity.csv'));
  const keyOf = (id: string) => keys.find((k) => k.source_customer_id === id)!.customer_key;
  return { run, rows: rowsOf(tableAt(run, 'silver/clickstream_clean.csv')), keyOf };
};

describe('clickstream: one row per event_id, anonymous devices stitched to their latest login', () => {
  it('keeps the first arrival of a repeated event_id', () => {
    const { rows } = clean([
      click(1, '2026-06-29T10:00:00Z', { page: '/first' }),
      click(1, '2026-06-29T10:00:00Z', { page: '/second', ingest_ts: '2026-06-29T10:05:00Z' }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].page).toBe('/first');
  });

  it('an anonymous device takes the key of its latest logged-in event, earlier events too', () => {
    const { rows, keyOf } = clean([
      click(1, '2026-06-20T10:00:00Z'),
      click(2, '2026-06-21T10:00:00Z', { source_customer_id: 'W0000001', event_type: 'login' }),
      click(3, '2026-06-25T10:00:00Z', { source_customer_id: 'W0000002', event_type: 'login' }),
      click(4, '2026-06-26T10:00:00Z'),
    ]);
    const by = (n: number) => rows.find((r) => r.event_id === `E${String(n).padStart(9, '0')}`)!;
    expect(by(1).customer_key).toBe(keyOf('W0000002'));
    expect(by(1).attribution).toBe('stitched');
    expect(by(4).customer_key).toBe(keyOf('W0000002'));
    expect(by(2).customer_key).toBe(keyOf('W0000001')); // its own web id wins
    expect(by(2).attribution).toBe('web_id');
  });

  it('ties on event_ts are broken by event_id in string order', () => {
    const { rows, keyOf } = clean([
      click(7, '2026-06-21T10:00:00Z', { source_customer_id: 'W0000002', event_type: 'login' }),
      click(5, '2026-06-21T10:00:00Z', { source_customer_id: 'W0000001', event_type: 'login' }),
      click(9, '2026-06-22T10:00:00Z'),
    ]);
    expect(rows.find((r) => r.event_id.endsWith('9'))!.customer_key).toBe(keyOf('W0000002'));
  });

  it('a device that never logs in stays anonymous and is counted', () => {
    const { rows, run } = clean([click(1, '2026-06-20T10:00:00Z', { anonymous_id: 'ANON00000009' })]);
    expect(rows[0].customer_key).toBe('');
    expect(rows[0].attribution).toBe('anonymous');
    const kpi = rowsOf(tableAt(run, 'gold/kpi_summary.csv')).find((r) => r.kpi === 'anonymous_click_events')!;
    expect(kpi.value).toBe('1');
  });

  it('a late event arrives more than one hour after it happened', () => {
    const { rows } = clean([
      click(1, '2026-06-20T10:00:00Z', { ingest_ts: '2026-06-20T11:00:00Z' }),
      click(2, '2026-06-20T10:00:00Z', { ingest_ts: '2026-06-20T11:00:01Z' }),
    ]);
    expect(rows.map((r) => r.is_late)).toEqual(['false', 'true']);
  });
});

describe('support tickets: matched by normalised email when it belongs to exactly one person', () => {
  const ticket = (id: number, email: string) => ({
    ticket_id: `T${String(id).padStart(7, '0')}`, email, opened_at: '2026-06-01T10:00:00Z', closed_at: '', status: 'open',
    priority: 'normal', channel: 'email', topic: 'delivery', csat_score: '',
  });
  it('matches a differently typed email, not an ambiguous or unknown one', () => {
    const run = runInline({
      customers: [
        customer('web', 'W0000001', { email: 'a@x.com' }),
        customer('web', 'W0000002', { email: 'shared@x.com', phone: '0532 000 00 01' }),
        customer('crm', 'C0000002', { email: 'shared@x.com', phone: '0532 000 00 02' }),
      ],
      support_tickets: [ticket(1, '  A@X.COM '), ticket(2, 'nobody@x.com'), ticket(3, 'not-an-email')],
    }, { link: 'phone' });
    const rows = rowsOf(tableAt(run, 'silver/support_tickets_clean.csv'));
    expect(rows[0].customer_key).not.toBe('');
    expect(rows[0].email_normalized).toBe('a@x.com');
    expect(rows[1].customer_key).toBe('');
    expect(rows[2].customer_key).toBe('');
    expect(rows[2].email_normalized).toBe('');
    const shared = runInline({
      customers: [customer('web', 'W0000002', { email: 'shared@x.com' }), customer('crm', 'C0000002', { email: 'shared@x.com' })],
      support_tickets: [ticket(1, 'shared@x.com')],
    }, { link: 'phone' });
    expect(rowsOf(tableAt(shared, 'silver/support_tickets_clean.csv'))[0].customer_key).toBe('');
  });
});
