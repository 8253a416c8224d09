import { describe, expect, it } from 'vitest';
import { customer, rowsOf, runInline, tableAt } from '../helpers/inline-sources';

const change = (lsn: number, op: string, status: string, f: Record<string, string> = {}) => ({
  lsn: String(lsn), op, order_id: 'O00000001', source_system: 'web', source_customer_id: 'W0000001', order_ts: '2026-06-01T10:00:00Z',
  status, channel: 'web', amount: '100.00', currency: 'USD', updated_at: `2026-06-0${Math.min(9, lsn)}T10:00:00Z`, ...f,
});
const current = (orders: Record<string, string>[]) => {
  const run = runInline({ customers: [customer('web', 'W0000001', { email: 'a@x.com' })], orders });
  return { run, rows: rowsOf(tableAt(run, 'silver/orders_current.csv')) };
};

describe('orders_current: the change with the highest lsn per order', () => {
  it('takes the highest lsn even when it arrived first (out of order)', () => {
    const { rows } = current([change(3, 'u', 'delivered'), change(1, 'c', 'placed'), change(2, 'u', 'shipped')]);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('delivered');
    expect(rows[0].lsn).toBe('3');
  });
  it('collapses one lsn delivered twice (the later arrival wins)', () => {
    const { rows, run } = current([change(1, 'c', 'placed'), change(2, 'u', 'shipped', { amount: '90.00' }), change(2, 'u', 'shipped', { amount: '95.00' })]);
    expect(rows[0].amount).toBe('95.00');
    const acc = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv')).find((r) => r.check_id === 'silver_accounting_orders')!;
    expect(acc.detail).toContain('duplicate_deliveries=1');
    expect(acc.detail).toContain('accepted=1 superseded=2');
  });
  it('a delete as the last change removes the order', () => {
    const { rows, run } = current([change(1, 'c', 'placed'), change(2, 'd', '', { order_ts: '', amount: '', channel: '', source_system: '', source_customer_id: '' })]);
    expect(rows).toHaveLength(0);
    const [c] = rowsOf(tableAt(run, 'gold/customer_360.csv'));
    expect(c.orders_count).toBe('0');
  });
  it('a delete followed by a higher-lsn change is not the current state', () => {
    const { rows } = current([change(2, 'd', ''), change(3, 'u', 'delivered'), change(1, 'c', 'placed')]);
    expect(rows[0].status).toBe('delivered');
  });
  it('if the newest change is quarantined the order keeps its last good state', () => {
    const { rows, run } = current([change(1, 'c', 'placed'), change(2, 'u', 'shipped'), change(3, 'u', 'SHIPPED!')]);
    expect(rows[0].status).toBe('shipped');
    const q = rowsOf(tableAt(run, 'silver/quarantine.csv'));
    expect(q).toEqual([expect.objectContaining({ source: 'orders', _bronze_row_id: '3', reason: 'unknown_enum' })]);
    expect(q[0].record).toContain('SHIPPED!');
  });
  it('an order of an unknown customer stays in silver without a key and counts as an orphan', () => {
    const { rows, run } = current([change(1, 'c', 'placed', { source_customer_id: 'W9999999' })]);
    expect(rows[0].customer_key).toBe('');
    const orphan = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv')).find((r) => r.check_id === 'orphan_orders')!;
    expect(orphan.observed).toBe('1');
    expect(orphan.status).toBe('warn');
  });
});
