// The generator of TuranMart's raw operational data: customer records from three systems and the
// event streams that reference them, deterministic for a seed, with the contract's data-quality
// problems injected (and counted exactly) when `issues` is on.
import type { RunParams } from '../params';
import type { Rng } from '../random';
import type { Table } from '../table';
import { Clock } from './calendar';
import { generateCustomers } from './customers';
import { generateOrders } from './orders';
import { generateClickstream } from './clickstream';
import { generateSupportTickets } from './support-tickets';
import { ConsentLedger } from './consent';
import { generateCampaignEvents } from './campaigns';
import { QUARANTINE_REASONS } from './malformed';
import { releaseSortScratch } from './sort';
import { drainPool } from './pool';

export interface GeneratedSources {
  customers: Table;
  orders: Table;
  clickstream: Table;
  support_tickets: Table;
  campaign_events: Table;
  consent_events: Table;
  /** truth/person_map.csv */
  personMap: Table;
  /** Injected problem kind → count; every kind present, 0 when issues are off. */
  injected: Record<string, number>;
}

/** Every injected kind, in the order the manifest lists them. Quarantine kinds use the reason. */
export const INJECTED_KINDS = [
  'duplicate_source_records',
  'repeated_customer_keys',
  'email_format_variants',
  'phone_format_variants',
  'missing_emails',
  'missing_phones',
  'invalid_emails',
  'household_phones',
  'placeholder_identifiers',
  'orphan_orders',
  'duplicate_cdc_changes',
  'out_of_order_cdc',
  'duplicate_click_events',
  'late_click_events',
  'formula_text',
  ...QUARANTINE_REASONS,
] as const;

export function generateSources(params: RunParams, rng: Rng): GeneratedSources {
  const clock = new Clock(params.now);
  const issues = params.issues;
  // One generator per source, forked up front, so no source shifts another's randomness.
  const rngCustomers = rng.fork('customers');
  const rngOrders = rng.fork('orders');
  const rngClicks = rng.fork('clickstream');
  const rngTickets = rng.fork('support_tickets');
  const rngConsent = rng.fork('consent_events');
  const rngCampaigns = rng.fork('campaign_events');

  let sources: Omit<GeneratedSources, 'injected'>;
  const parts: Record<string, number>[] = [];
  try {
    const people = generateCustomers(rngCustomers, clock, params.customers, issues);
    const orders = generateOrders(rngOrders, clock, people.people, people.records, people.erasedIds, issues);
    const clicks = generateClickstream(rngClicks, clock, people.people, people.records, orders.facts, issues);
    const tickets = generateSupportTickets(rngTickets, clock, people.people, orders.facts, issues);
    const ledger = new ConsentLedger(rngConsent, clock, people.records);
    const campaigns = generateCampaignEvents(rngCampaigns, clock, people.records, ledger, issues);
    const consent = ledger.toTable(rngConsent, clock, issues);
    parts.push(people.injected, orders.injected, clicks.injected, tickets.injected, campaigns.injected, consent.injected);
    sources = {
      customers: people.customers,
      orders: orders.table,
      clickstream: clicks.table,
      support_tickets: tickets.table,
      campaign_events: campaigns.table,
      consent_events: consent.table,
      personMap: people.personMap,
    };
  } finally {
    releaseSortScratch();
    drainPool();
  }

  const injected: Record<string, number> = {};
  for (const kind of INJECTED_KINDS) injected[kind] = 0;
  for (const part of parts) {
    for (const [kind, n] of Object.entries(part)) {
      if (!(kind in injected)) throw new Error(`unknown injected kind ${kind}`);
      injected[kind] += n;
    }
  }
  return { ...sources, injected };
}
