// The whole pipeline: generate → bronze → silver → gold → quality. Pure: the result depends only on
// the parameters. Timing comes from a clock the caller passes (the worker or the CLI), never read here.
import type { RunParams } from './params';
import { createRng } from './random';
import { parseIsoUtc } from './time';
import type { Table } from './table';
import { generateSources, type GeneratedSources } from './generate';
import { landBronze } from './bronze/land-bronze';
import { validateTable, VALIDATION_SPECS } from './silver/validate';
import { dedupeCustomerRecords, type CustomerRecords } from './silver/customer-records';
import { resolveIdentities, type ResolvedIdentities } from './silver/resolve-identities';
import { customerIdentity } from './silver/customer-identity';
import { customerProfileBase, type ProfileBase } from './silver/customer-profile-base';
import { customerLookup } from './silver/customer-lookup';
import { ordersCurrent, type OrdersCurrent } from './silver/orders-current';
import { clickstreamClean, type ClickstreamClean } from './silver/clickstream-clean';
import { supportTicketsClean, type SupportTicketsClean } from './silver/support-tickets-clean';
import { campaignEventsClean, type CampaignEventsClean } from './silver/campaign-events-clean';
import { consentEventsClean, type ConsentEventsClean } from './silver/consent-events-clean';
import { quarantine } from './silver/quarantine';
import { customer360, type Customer360, type Customer360Inputs } from './gold/customer-360';
import { segmentSummary } from './gold/segment-summary';
import { kpiRows, kpiSummary } from './gold/kpi-summary';
import { activationAudiences, type Activation } from './gold/activation';
import { buildQualityReport, type QualityReport } from './quality/build-report';

export const STAGES = ['generate', 'bronze', 'silver', 'gold', 'quality'] as const;
export type StageName = (typeof STAGES)[number];

export interface StageProgress {
  readonly stage: StageName;
  readonly done: number;
  readonly total: number;
}

export interface RunOptions {
  readonly onProgress?: (p: StageProgress) => void;
  /** Milliseconds clock for stage timings (performance.now); timings are 0 without one. */
  readonly clock?: () => number;
}

export const SOURCE_NAMES = ['customers', 'orders', 'clickstream', 'support_tickets', 'campaign_events', 'consent_events'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export interface Silver {
  readonly records: CustomerRecords;
  readonly identities: ResolvedIdentities;
  readonly identityTable: Table;
  readonly profile: ProfileBase;
  readonly orders: OrdersCurrent;
  readonly clicks: ClickstreamClean;
  readonly tickets: SupportTicketsClean;
  readonly campaigns: CampaignEventsClean;
  readonly consent: ConsentEventsClean;
  readonly quarantine: Table;
}

export interface Gold {
  readonly customer360: Customer360;
  readonly segmentSummary: Table;
  readonly kpiSummary: Table;
  readonly activation: Activation;
}

export interface PipelineRun {
  readonly params: RunParams;
  readonly nowMs: number;
  readonly sources: GeneratedSources;
  readonly bronze: Readonly<Record<SourceName, Table>>;
  readonly reasons: Readonly<Record<SourceName, Uint8Array>>;
  readonly silver: Silver;
  readonly gold: Gold;
  readonly quality: QualityReport;
  /** Every CSV table of the run tree, in tree order, by path. */
  readonly tables: ReadonlyMap<string, Table>;
  readonly timings: readonly { stage: StageName; ms: number }[];
}

export function runPipeline(params: RunParams, options: RunOptions = {}): PipelineRun {
  return runStages(params, options, () => generateSources(params, createRng(params.seed)));
}

/** The pipeline over sources that already exist (re-read from CSV, or built inline by a test). */
export function runPipelineOnSources(params: RunParams, sources: GeneratedSources, options: RunOptions = {}): PipelineRun {
  return runStages(params, options, () => sources);
}

function runStages(params: RunParams, options: RunOptions, generate: () => GeneratedSources): PipelineRun {
  const clock = options.clock ?? (() => 0);
  const timings: { stage: StageName; ms: number }[] = [];
  const stage = <T>(name: StageName, index: number, work: () => T): T => {
    options.onProgress?.({ stage: name, done: index, total: STAGES.length });
    const start = clock();
    const out = work();
    timings.push({ stage: name, ms: clock() - start });
    return out;
  };
  const nowMs = parseIsoUtc(params.now);

  const sources = stage('generate', 0, generate);
  const rawOf = (s: SourceName): Table => sources[s];
  const bronze = stage('bronze', 1, () => landAll(sources, nowMs));
  const { reasons, silver } = stage('silver', 2, () => buildSilver(params, nowMs, rawOf));
  const gold = stage('gold', 3, () => buildGold(silver, nowMs));
  const quality = stage('quality', 4, () => buildQualityReport({ params, nowMs, sources, bronze, reasons, silver, gold }));
  options.onProgress?.({ stage: 'quality', done: STAGES.length, total: STAGES.length });
  return assembleRun({ params, nowMs, sources, bronze, reasons, silver, gold, quality }, timings);
}

/** Bronze for every source. */
export function landAll(sources: GeneratedSources, nowMs: number): Record<SourceName, Table> {
  return mapSources((s) => landBronze(sources[s], nowMs));
}

/** A run from its stages' outputs: every CSV table of the run tree, in tree order, by path. */
export function assembleRun(parts: Omit<PipelineRun, 'tables' | 'timings'>, timings: PipelineRun['timings']): PipelineRun {
  const { sources, bronze, silver, gold, quality } = parts;
  const tables = new Map<string, Table>();
  for (const s of SOURCE_NAMES) tables.set(sources[s].schema.path, sources[s]);
  for (const s of SOURCE_NAMES) tables.set(bronze[s].schema.path, bronze[s]);
  for (const t of [silver.identityTable, silver.profile.table, silver.orders.table, silver.clicks.table, silver.tickets.table,
    silver.campaigns.table, silver.consent.table, silver.quarantine]) tables.set(t.schema.path, t);
  for (const t of [gold.customer360.table, gold.segmentSummary, gold.kpiSummary, gold.activation.email, gold.activation.sms,
    gold.activation.ads]) tables.set(t.schema.path, t);
  tables.set(quality.table.schema.path, quality.table);
  tables.set(sources.personMap.schema.path, sources.personMap);
  return { ...parts, tables, timings };
}

function mapSources<T>(f: (s: SourceName) => T): Record<SourceName, T> {
  const out = {} as Record<SourceName, T>;
  for (const s of SOURCE_NAMES) out[s] = f(s);
  return out;
}

function buildSilver(params: RunParams, nowMs: number, rawOf: (s: SourceName) => Table) {
  // Quarantine comes before any deduplication or CDC collapse.
  const reasons = mapSources((s) => validateTable(rawOf(s), VALIDATION_SPECS[s], nowMs));
  return { reasons, silver: silverFrom(rawOf, reasons, (records) => resolveIdentities(records, params)) };
}

/**
 * The silver tables from each row's validation result and an identity resolution: the batch
 * resolves identities itself, the live stream passes the people its incremental graph holds.
 */
export function silverFrom(
  rawOf: (s: SourceName) => Table, reasons: Readonly<Record<SourceName, Uint8Array>>, resolve: (records: CustomerRecords) => ResolvedIdentities,
): Silver {
  const records = dedupeCustomerRecords(rawOf('customers'), reasons.customers);
  const identities = resolve(records);
  const lookup = customerLookup(records, identities);
  return {
    records,
    identities,
    identityTable: customerIdentity(records, identities),
    profile: customerProfileBase(records, identities),
    orders: ordersCurrent(rawOf('orders'), reasons.orders, lookup),
    clicks: clickstreamClean(rawOf('clickstream'), reasons.clickstream, lookup),
    tickets: supportTicketsClean(rawOf('support_tickets'), reasons.support_tickets, records, identities),
    campaigns: campaignEventsClean(rawOf('campaign_events'), reasons.campaign_events, lookup),
    consent: consentEventsClean(rawOf('consent_events'), reasons.consent_events, lookup),
    quarantine: quarantine(SOURCE_NAMES.map((s) => ({ raw: rawOf(s), reasons: reasons[s] }))),
  };
}

/** The gold stage on its own: pure in the silver tables and `now` (the benchmark repeats it). */
export function buildGold(silver: Silver, nowMs: number): Gold {
  return goldFrom(silver, customer360(customer360Inputs(silver, nowMs)));
}

export function customer360Inputs(silver: Silver, nowMs: number): Customer360Inputs {
  return {
    keys: silver.identities.keys, profile: silver.profile, orders: silver.orders, clicks: silver.clicks, tickets: silver.tickets,
    campaigns: silver.campaigns, consent: silver.consent, nowMs,
  };
}

/** The gold marts that follow from customer_360 (the batch folds it, the live stream keeps it). */
export function goldFrom(silver: Silver, c360: Customer360): Gold {
  const keys = silver.identities.keys;
  let anonymous = 0;
  for (let i = 0; i < silver.clicks.person.length; i++) if (silver.clicks.person[i] < 0) anonymous++;
  return {
    customer360: c360,
    segmentSummary: segmentSummary(c360),
    kpiSummary: kpiSummary(kpiRows(c360, silver.records.rawRow.length, anonymous)),
    activation: activationAudiences(keys, c360, silver.profile),
  };
}
