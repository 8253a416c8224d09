// gold/segment_summary.csv. Grain: one row per segment, all seven, empty ones included.
import type { Table } from '../table';
import { code, makeTable, num } from '../table';
import { SEGMENTS, segmentSummarySchema } from '../schema/gold';
import type { Customer360 } from './customer-360';

export function segmentSummary(c: Customer360): Table {
  const k = SEGMENTS.length;
  const customers = new Float64Array(k), revenue = new Float64Array(k), revenue90 = new Float64Array(k);
  const orders = new Float64Array(k), canEmail = new Float64Array(k), riskSum = new Float64Array(k);
  const riskCount = new Float64Array(k), ticketsOpen = new Float64Array(k);
  const people = c.segment.length;
  for (let p = 0; p < people; p++) {
    const s = c.segment[p];
    customers[s]++;
    revenue[s] += c.acc.revenueCents[p];
    revenue90[s] += c.acc.revenue90dCents[p];
    orders[s] += c.acc.ordersCount[p];
    canEmail[s] += c.canEmail[p];
    ticketsOpen[s] += c.acc.ticketsOpen[p];
    if (!Number.isNaN(c.churnRisk[p])) {
      riskSum[s] += c.churnRisk[p];
      riskCount[s]++;
    }
  }
  const ratio = (a: Float64Array, b: Float64Array) => Float64Array.from(a, (v, i) => (b[i] > 0 ? v / b[i] : NaN));
  const share = Float64Array.from(customers, (v) => (people > 0 ? v / people : 0));
  return makeTable(segmentSummarySchema, k, [
    code(Int32Array.from(SEGMENTS, (_, i) => i), SEGMENTS),
    num(customers), num(share), num(revenue), num(revenue90),
    num(ratio(revenue, customers)), num(ratio(orders, customers)), num(ratio(canEmail, customers)),
    num(ratio(riskSum, riskCount)), num(ticketsOpen),
  ]);
}
