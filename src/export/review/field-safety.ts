// Which fields may leave the warehouse for an activation tool. Customer 360's columns are sorted
// into classes by rule; a column no rule knows is held back until someone classifies it.
import { customer360Schema } from '../../pipeline/schema/gold';
import { customerIdentitySchema, customerProfileBaseSchema, clickstreamCleanSchema, supportTicketsCleanSchema, quarantineSchema } from '../../pipeline/schema/silver';
import type { TableSchema } from '../../pipeline/table';

export type FieldClass = 'consent-gated contact' | 'safe attribute' | 'select with, never send' | 'never leaves' | 'unclassified';

export const SAFETY_RULE =
  'A field may go to an activation tool only if it is (a) a contact field of the channel, for a person whose current consent for that '
  + 'channel\'s purpose is granted (`can_email`, `can_sms`, `can_target_ads`), one contact field per channel; or (b) the pseudonymous '
  + '`customer_key`, a metric or the segment computed in gold, sent only on rows of such a consented audience. Withdrawn or unknown consent '
  + 'sends nothing. Raw identifiers from source systems, free text (support tickets, quarantined lines), names and location, consent state, '
  + 'service data and predictions never leave. A new column is held back until it is classified.';

const CLASS_RULES: readonly { cls: FieldClass; why: string; match: (name: string) => boolean }[] = [
  {
    cls: 'consent-gated contact', why: 'The channel needs it to reach the person; sent only while that purpose is granted (ads gets the sha256 of the email, not the address).',
    match: (n) => n === 'email' || n === 'phone',
  },
  {
    cls: 'safe attribute', why: 'Pseudonymous key and aggregates computed in gold: they identify no one on their own and let the tool personalise or measure.',
    match: (n) => n === 'customer_key' || n === 'segment' || n === 'value_tier' || /^(orders|lifetime|revenue|avg_order|first_order|last_order|days_since|sessions|product_views|add_to_cart|last_seen|campaign)_/.test(n),
  },
  {
    cls: 'select with, never send', why: 'Decides who is in an audience inside the warehouse; consent state, service data and predictions are not the tool\'s business (purpose limitation).',
    match: (n) => /^consent_|^can_|^tickets_|csat|^churn_/.test(n),
  },
  {
    cls: 'never leaves', why: 'Identifies or locates the person, or describes source systems; no channel needs it (data minimisation).',
    match: (n) => ['full_name', 'city', 'country', 'source_systems', 'source_record_count'].includes(n),
  },
];

export function fieldClass(name: string): FieldClass {
  return CLASS_RULES.find((r) => r.match(name))?.cls ?? 'unclassified';
}

/** Customer 360 columns per class, in class order then column order; empty classes are left out. */
export function classifiedFields(columns: readonly string[] = customer360Schema.columns.map((c) => c.name)): { cls: FieldClass; why: string; columns: string[] }[] {
  const classes = [...CLASS_RULES.map((r) => ({ cls: r.cls, why: r.why })), { cls: 'unclassified' as const, why: 'No rule covers it yet: held back until someone decides.' }];
  return classes.map((c) => ({ ...c, columns: columns.filter((n) => fieldClass(n) === c.cls) })).filter((c) => c.columns.length > 0);
}

/** Source-system identifiers and free text kept in silver, which no activation file may carry. */
const NEVER_OUTSIDE: readonly [TableSchema, readonly string[]][] = [
  [customerIdentitySchema, ['source_customer_id']],
  [customerProfileBaseSchema, ['loyalty_id']],
  [clickstreamCleanSchema, ['anonymous_id', 'session_id', 'source_customer_id']],
  [supportTicketsCleanSchema, ['email_normalized', 'topic']],
  [quarantineSchema, ['record']],
];

export function neverOutsideFields(): string[] {
  return NEVER_OUTSIDE.flatMap(([schema, names]) =>
    schema.columns.filter((c) => names.includes(c.name)).map((c) => `${schema.name}.${c.name}`));
}
