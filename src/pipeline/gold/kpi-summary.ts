// gold/kpi_summary.csv. Grain: one row per KPI. Totals over customer_360 (attributed data only),
// except anonymous_click_events.
import type { Table } from '../table';
import { makeTable, text } from '../table';
import { kpiSummarySchema } from '../schema/gold';
import { formatCents, formatDecimal } from '../rounding';
import type { Customer360 } from './customer-360';

export interface KpiRow {
  readonly kpi: string;
  readonly value: string;
  readonly unit: string;
  readonly definition: string;
}

export function kpiRows(c: Customer360, sourceRecords: number, anonymousClickEvents: number): KpiRow[] {
  const people = c.segment.length;
  const { withOrders, active90, revenue, revenue90, orders, email, sms, ads, open, csatSum, csatCount } = totals(c);
  const rate = (n: number) => (people > 0 ? formatDecimal(n / people, 4) : '');
  return [
    { kpi: 'profiles', value: String(people), unit: 'count', definition: 'Resolved people: rows of customer_360.' },
    { kpi: 'source_customer_records', value: String(sourceRecords), unit: 'count', definition: 'Deduplicated customer source records resolved into profiles.' },
    { kpi: 'identity_merge_ratio', value: people > 0 ? formatDecimal(sourceRecords / people, 4) : '', unit: 'ratio', definition: 'source_customer_records / profiles.' },
    { kpi: 'customers_with_orders', value: String(withOrders), unit: 'count', definition: 'Profiles with orders_count > 0.' },
    { kpi: 'active_customers_90d', value: String(active90), unit: 'count', definition: 'Profiles with orders_90d > 0.' },
    { kpi: 'lifetime_revenue', value: formatCents(revenue), unit: 'money', definition: 'Sum of lifetime_revenue over profiles (counted orders).' },
    { kpi: 'revenue_90d', value: formatCents(revenue90), unit: 'money', definition: 'Sum of revenue_90d over profiles.' },
    { kpi: 'avg_order_value', value: orders > 0 ? formatCents(revenue / orders) : '', unit: 'money', definition: 'lifetime_revenue / sum of orders_count.' },
    { kpi: 'can_email_rate', value: rate(email), unit: 'rate', definition: 'Share of profiles with can_email.' },
    { kpi: 'can_sms_rate', value: rate(sms), unit: 'rate', definition: 'Share of profiles with can_sms.' },
    { kpi: 'can_target_ads_rate', value: rate(ads), unit: 'rate', definition: 'Share of profiles with can_target_ads.' },
    { kpi: 'tickets_open', value: String(open), unit: 'count', definition: 'Sum of tickets_open over profiles.' },
    { kpi: 'avg_csat', value: csatCount > 0 ? formatDecimal(csatSum / csatCount, 4) : '', unit: 'score', definition: 'Mean csat_score of rated tickets attributed to a profile.' },
    { kpi: 'anonymous_click_events', value: String(anonymousClickEvents), unit: 'count', definition: 'Clean click events with no customer_key (never stitched to a profile).' },
  ];
}

/** Sums over the people: one pass, the columns read into locals first. */
function totals(c: Customer360) {
  const { ordersCount, orders90d, revenueCents, revenue90dCents, ticketsOpen, csatSum: csatSums, csatCount: csatCounts } = c.acc;
  const { canEmail, canSms, canAds } = c;
  let withOrders = 0, active90 = 0, revenue = 0, revenue90 = 0, orders = 0, email = 0, sms = 0, ads = 0, open = 0;
  let csatSum = 0, csatCount = 0;
  for (let p = 0; p < ordersCount.length; p++) {
    const f = ordersCount[p];
    if (f > 0) withOrders++;
    if (orders90d[p] > 0) active90++;
    revenue += revenueCents[p];
    revenue90 += revenue90dCents[p];
    orders += f;
    email += canEmail[p];
    sms += canSms[p];
    ads += canAds[p];
    open += ticketsOpen[p];
    csatSum += csatSums[p];
    csatCount += csatCounts[p];
  }
  return { withOrders, active90, revenue, revenue90, orders, email, sms, ads, open, csatSum, csatCount };
}

export function kpiSummary(rows: readonly KpiRow[]): Table {
  return makeTable(kpiSummarySchema, rows.length, [
    text(rows.map((r) => r.kpi)), text(rows.map((r) => r.value || null)), text(rows.map((r) => r.unit)), text(rows.map((r) => r.definition)),
  ]);
}
