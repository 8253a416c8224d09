// gold/segment_summary.csv. Grain: one row per segment, all seven, empty ones included.
import type { Table } from '../table';
import { code, makeTable, num } from '../table';
import { SEGMENTS, segmentSummarySchema } from '../schema/gold';
import type { Customer360 } from './customer-360';

export function segmentSummary(c: Customer360): Table {
  const k = SEGMENTS.length;
  const sums = segmentSums(c, k);
  const { customers } = sums;
  const people = c.segment.length;
  const ratio = (a: Float64Array, b: Float64Array) => Float64Array.from(a, (v, i) => (b[i] > 0 ? v / b[i] : NaN));
  const share = Float64Array.from(customers, (v) => (people > 0 ? v / people : 0));
  return makeTable(segmentSummarySchema, k, [
    code(Int32Array.from(SEGMENTS, (_, i) => i), SEGMENTS),
    num(customers), num(share), num(sums.revenue), num(sums.revenue90),
    num(ratio(sums.revenue, customers)), num(ratio(sums.orders, customers)), num(ratio(sums.canEmail, customers)),
    num(ratio(sums.riskSum, sums.riskCount)), num(sums.ticketsOpen),
  ]);
}

/** Per segment sums over the people: one pass, the columns read into locals first. */
function segmentSums(c: Customer360, k: number) {
  const customers = new Float64Array(k), revenue = new Float64Array(k), revenue90 = new Float64Array(k);
  const orders = new Float64Array(k), canEmail = new Float64Array(k), riskSum = new Float64Array(k);
  const riskCount = new Float64Array(k), ticketsOpen = new Float64Array(k);
  const { segment, churnRisk } = c;
  const { revenueCents, revenue90dCents, ordersCount, ticketsOpen: open } = c.acc;
  const email = c.canEmail;
  for (let p = 0; p < segment.length; p++) {
    const s = segment[p];
    customers[s]++;
    revenue[s] += revenueCents[p];
    revenue90[s] += revenue90dCents[p];
    orders[s] += ordersCount[p];
    canEmail[s] += email[p];
    ticketsOpen[s] += open[p];
    const risk = churnRisk[p];
    if (!Number.isNaN(risk)) {
      riskSum[s] += risk;
      riskCount[s]++;
    }
  }
  return { customers, revenue, revenue90, orders, canEmail, riskSum, riskCount, ticketsOpen };
}
