import { describe, expect, it } from 'vitest';
import { REASONS, validateTable, VALIDATION_SPECS } from '../../src/pipeline/silver/validate';
import * as R from '../../src/pipeline/schema/raw';
import { parseIsoUtc } from '../../src/pipeline/time';
import { inlineTable, NOW } from '../helpers/inline-sources';

const nowMs = parseIsoUtc(NOW);
const reasonOf = (code: number) => (code === 0 ? 'ok' : REASONS[code - 1]);

const order = (f: Record<string, string>) => ({
  lsn: '10', op: 'c', order_id: 'O00000001', source_system: 'web', source_customer_id: 'W0000001', order_ts: '2026-06-01T10:00:00Z',
  status: 'placed', channel: 'web', amount: '45.00', currency: 'USD', updated_at: '2026-06-01T10:00:00Z', ...f,
});

describe('orders validation: the first reason in the order missing_key, unknown_enum, unparseable_timestamp, unparseable_amount, future_timestamp', () => {
  const cases = [
    { name: 'valid row', row: order({}), expected: 'ok' },
    { name: 'empty order_id', row: order({ order_id: '' }), expected: 'missing_key' },
    { name: 'lsn not an integer', row: order({ lsn: 'abc' }), expected: 'missing_key' },
    { name: 'lsn decimal', row: order({ lsn: '10.5' }), expected: 'missing_key' },
    { name: 'empty op', row: order({ op: '' }), expected: 'missing_key' },
    { name: 'op unknown', row: order({ op: 'x' }), expected: 'unknown_enum' },
    { name: 'status in upper case', row: order({ status: 'SHIPPED' }), expected: 'unknown_enum' },
    { name: 'empty status', row: order({ status: '' }), expected: 'unknown_enum' },
    { name: 'source_system unknown', row: order({ source_system: 'pos' }), expected: 'unknown_enum' },
    { name: 'impossible date', row: order({ order_ts: '2026-02-30T10:00:00Z' }), expected: 'unparseable_timestamp' },
    { name: 'date in another format', row: order({ updated_at: '30/06/2026 10:00' }), expected: 'unparseable_timestamp' },
    { name: 'amount with comma', row: order({ amount: '12,50' }), expected: 'unparseable_amount' },
    { name: 'amount with currency sign', row: order({ amount: '$45.00' }), expected: 'unparseable_amount' },
    { name: 'empty amount is null, not unparseable', row: order({ amount: '' }), expected: 'ok' },
    { name: 'empty order_ts is null, not unparseable', row: order({ order_ts: '' }), expected: 'ok' },
    { name: 'future order_ts', row: order({ order_ts: '2026-07-01T00:00:00Z' }), expected: 'future_timestamp' },
    { name: 'exactly now is not future', row: order({ updated_at: NOW }), expected: 'ok' },
    { name: 'one second after now', row: order({ updated_at: '2026-06-30T12:00:01Z' }), expected: 'future_timestamp' },
    { name: 'two problems: the earlier reason wins', row: order({ status: 'lost', amount: 'N/A' }), expected: 'unknown_enum' },
    { name: 'timestamp before amount', row: order({ order_ts: 'x', amount: 'N/A' }), expected: 'unparseable_timestamp' },
    { name: 'unparseable before future', row: order({ order_ts: '2027-01-01T00:00:00Z', updated_at: 'x' }), expected: 'unparseable_timestamp' },
    { name: 'd row: only lsn, op, order_id, updated_at checked', row: order({ op: 'd', status: '', channel: 'teleport', amount: 'N/A', order_ts: 'garbage' }), expected: 'ok' },
    { name: 'd row: bad updated_at still caught', row: order({ op: 'd', updated_at: '2026-06-31T00:00:00Z' }), expected: 'unparseable_timestamp' },
    { name: 'd row: future updated_at', row: order({ op: 'd', updated_at: '2027-06-01T00:00:00Z' }), expected: 'future_timestamp' },
  ];
  it.each(cases)('$name → $expected', ({ row, expected }) => {
    const t = inlineTable(R.rawOrders, [row]);
    expect(reasonOf(validateTable(t, VALIDATION_SPECS.orders, nowMs)[0])).toBe(expected);
  });
});

const ticket = (f: Record<string, string>) => ({
  ticket_id: 'T0000001', email: 'a@b.com', opened_at: '2026-06-01T10:00:00Z', closed_at: '', status: 'open', priority: 'normal',
  channel: 'chat', topic: 'delivery', csat_score: '', ...f,
});

describe('tickets validation: csat empty or 1-5, closed_at also checked', () => {
  const cases = [
    { name: 'unrated', row: ticket({}), expected: 'ok' },
    { name: 'rated 5', row: ticket({ csat_score: '5' }), expected: 'ok' },
    { name: 'rated 0', row: ticket({ csat_score: '0' }), expected: 'unknown_enum' },
    { name: 'rated 6', row: ticket({ csat_score: '6' }), expected: 'unknown_enum' },
    { name: 'future closed_at', row: ticket({ closed_at: '2026-07-02T00:00:00Z' }), expected: 'future_timestamp' },
    { name: 'empty ticket_id', row: ticket({ ticket_id: '' }), expected: 'missing_key' },
    { name: 'empty priority', row: ticket({ priority: '' }), expected: 'unknown_enum' },
  ];
  it.each(cases)('$name → $expected', ({ row, expected }) => {
    const t = inlineTable(R.rawSupportTickets, [row]);
    expect(reasonOf(validateTable(t, VALIDATION_SPECS.support_tickets, nowMs)[0])).toBe(expected);
  });
});

describe('customers validation', () => {
  const base = { source_system: 'web', source_customer_id: 'W0000001', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-02T00:00:00Z' };
  const cases = [
    { name: 'valid', row: base, expected: 'ok' },
    { name: 'empty source_system is a missing key', row: { ...base, source_system: '' }, expected: 'missing_key' },
    { name: 'unknown source_system', row: { ...base, source_system: 'pos' }, expected: 'unknown_enum' },
    { name: 'empty id', row: { ...base, source_customer_id: '' }, expected: 'missing_key' },
    { name: 'space-only id is missing', row: { ...base, source_customer_id: '  ' }, expected: 'missing_key' },
    { name: 'future created_at', row: { ...base, created_at: '2026-08-01T00:00:00Z' }, expected: 'future_timestamp' },
  ];
  it.each(cases)('$name → $expected', ({ row, expected }) => {
    const t = inlineTable(R.rawCustomers, [row]);
    expect(reasonOf(validateTable(t, VALIDATION_SPECS.customers, nowMs)[0])).toBe(expected);
  });
});
