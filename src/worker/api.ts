// The contract between the React app and the worker. Everything crossing it is structured-clone
// friendly; CSV and zip bytes are transferred, not copied.
import type { ColumnType, Layer } from '../pipeline/table';
import type { RunParams, RunParamsInput } from '../pipeline/params';
import type { ExportKind } from '../export/kinds';
import type { LiveSnapshot } from '../pipeline/stream/live-snapshot';

export interface Progress {
  /** Stage name: generate, bronze, silver, gold, quality. */
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  readonly values?: readonly string[];
}

export interface TableInfo {
  readonly name: string;
  /** Path in the run tree, e.g. `gold/customer_360.csv`: the table's id in every call. */
  readonly path: string;
  readonly layer: Layer;
  readonly grain: string;
  readonly description: string;
  readonly rows: number;
  readonly columns: readonly ColumnInfo[];
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface RunSummary {
  readonly params: RunParams;
  readonly tables: readonly TableInfo[];
  readonly stages: readonly StageTiming[];
  readonly totalMs: number;
  readonly injected: Readonly<Record<string, number>>;
}

export type FilterOp = 'eq' | 'neq' | 'contains' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'empty' | 'notEmpty';

export interface Filter {
  readonly column: string;
  readonly op: FilterOp;
  /** Compared as the column's type: numbers for numeric columns, ISO text for timestamps. */
  readonly value?: string | number | readonly string[];
}

export interface SortKey {
  readonly column: string;
  readonly desc?: boolean;
}

export interface PageRequest {
  readonly path: string;
  readonly offset: number;
  readonly limit: number;
  readonly sort?: readonly SortKey[];
  readonly filters?: readonly Filter[];
  /** Case-insensitive substring over the given columns (any matches). */
  readonly search?: { readonly text: string; readonly columns: readonly string[] };
}

export interface PageResult {
  readonly path: string;
  /** Rows matching the filters. */
  readonly total: number;
  readonly offset: number;
  /** Cell text exactly as the CSV writes it (empty string = null), one array per row. */
  readonly rows: readonly (readonly string[])[];
}

export interface RowSet {
  readonly path: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Everything about one person: the gold row, the merged source records and their events in time order. */
export interface ProfileDetail {
  readonly customerKey: string;
  /** The customer_360 row: column name → cell text. */
  readonly fields: readonly { readonly name: string; readonly value: string; readonly description: string }[];
  readonly records: RowSet; // silver/customer_identity rows joined with the raw customer records
  readonly orders: RowSet;
  readonly clicks: RowSet;
  readonly tickets: RowSet;
  readonly campaignEvents: RowSet;
  readonly consentEvents: RowSet;
  readonly provenance: readonly FieldSource[];
  readonly graph: IdentityGraph;
  readonly consent: readonly ConsentHistory[];
  /** Channels the person can be reached on now. */
  readonly reachable: readonly ('email' | 'sms' | 'ads')[];
}

/** Where one golden field of a profile came from (survivorship provenance). */
export interface FieldSource {
  readonly field: string;
  readonly value: string;
  /** `system:id` of the member record the value survived from; empty when no member has one. */
  readonly record: string;
}

export interface IdentityEdge {
  /** Indexes into IdentityGraph.nodes. */
  readonly from: number;
  readonly to: number;
  readonly kind: 'email' | 'phone' | 'loyalty';
  readonly value: string;
  /** A placeholder value: shown, but it links nothing. */
  readonly blocked: boolean;
}

export interface IdentityGraph {
  readonly nodes: readonly { readonly record: string; readonly system: string; readonly sourceId: string; readonly matchRule: string; readonly truePerson: string }[];
  readonly edges: readonly IdentityEdge[];
}

export interface ConsentHistory {
  readonly purpose: string;
  /** granted, withdrawn or unknown. */
  readonly state: string;
  /** event_id of the event that decided the state; empty when unknown. */
  readonly decidedBy: string;
  readonly events: RowSet;
}

export interface MergeError {
  readonly kind: 'false_merge' | 'missed_merge';
  /** The profiles involved: one for a false merge, two or more for a missed merge. */
  readonly customerKeys: readonly string[];
  readonly records: readonly { readonly record: string; readonly customerKey: string; readonly truePerson: string }[];
  /** Plain words: the identifier that caused it, e.g. `phone +905321112233 shared by 2 people`. */
  readonly cause: string;
}

export interface IdentityAccuracySummary {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly resolvedPairs: number;
  readonly truePairs: number;
  readonly correctPairs: number;
}

export interface IdentityChange {
  /** The earlier run of the same data (same seed, customers, now, issues) with other rules. */
  readonly previous: { readonly link: readonly string[]; readonly placeholderThreshold: number; readonly profiles: number; readonly accuracy: IdentityAccuracySummary };
  readonly profilesCreated: number;
  readonly profilesRemoved: number;
  /** New profiles made of records from two or more earlier profiles. */
  readonly merged: number;
  /** Earlier profiles whose records now sit in two or more profiles. */
  readonly split: number;
  readonly unchanged: number;
}

export interface IdentitySummary {
  readonly link: readonly string[];
  readonly placeholderThreshold: number;
  readonly records: number;
  readonly profiles: number;
  readonly mergeRatio: number;
  readonly clusterSizes: readonly { readonly size: number; readonly profiles: number }[];
  readonly recordsByMatchRule: readonly { readonly rule: string; readonly records: number }[];
  readonly placeholders: readonly { readonly kind: string; readonly value: string; readonly records: number }[];
  readonly accuracy: IdentityAccuracySummary;
  /** At most 200 of each, largest first. */
  readonly falseMerges: readonly MergeError[];
  readonly missedMerges: readonly MergeError[];
  readonly falseMergeCount: number;
  readonly missedMergeCount: number;
  /** Present when the previous run was the same data under other identity rules. */
  readonly change: IdentityChange | null;
}

export interface LookupResult {
  /** What the input was read as. */
  readonly kind: 'email' | 'phone' | 'loyalty' | 'source_id' | 'anonymous_id' | 'customer_key' | 'unknown';
  /** The input normalised by the contract's rules (e.g. E.164), empty when it could not be. */
  readonly normalized: string;
  readonly customerKey: string | null;
  /** Plain words for the person at the keyboard, e.g. why nothing matched. */
  readonly message: string;
}

export interface ActivationChannel {
  readonly channel: 'email' | 'sms' | 'ads';
  readonly path: string;
  readonly purpose: string;
  readonly audience: number;
  readonly columns: readonly string[];
  /** Why only these columns leave the warehouse. */
  readonly columnsWhy: string;
  /** The consent rule in plain words. */
  readonly rule: string;
  /** Profiles left out, by reason: never_asked, withdrawn, no_contact_point. */
  readonly excluded: Readonly<Record<'never_asked' | 'withdrawn' | 'no_contact_point', number>>;
}

/** A file the production exports hold (or the data-product review). */
export interface ExportEntry {
  readonly path: string;
  readonly kind: 'review' | ExportKind;
  readonly format: 'markdown' | 'jsonl' | 'sql' | 'yaml' | 'parquet';
  /** Records of a topic, rows of a Parquet table. */
  readonly rows?: number;
}

export interface ExportPreview {
  readonly path: string;
  /** The file's start as text; a Parquet file's schema. */
  readonly text: string;
  readonly truncated: boolean;
}

/** Replay speed: 0 paused, a multiple of the arrival clock, or as fast as the worker's per-tick budget allows. */
export type LiveSpeed = 0 | 1 | 10 | 100 | 'max';

/** The live session at one moment: the stream's snapshot and how it is being replayed. */
export interface LiveView extends LiveSnapshot {
  readonly speed: LiveSpeed;
  /** The simulated clock (ms): the first arrival's time plus speed × real time played; null before play or step. */
  readonly simulatedMs: number | null;
  /** What the profile card follows: the latest change's person, or one record (`system:id`). */
  readonly follow: { readonly latest: boolean; readonly record: string | null };
  /** Whether the end-of-stream comparison has been made. */
  readonly compared: boolean;
}

export interface LiveFollowResult {
  readonly found: boolean;
  /** The record followed, `system:id`. */
  readonly record: string | null;
  readonly message: string;
}

/** Every file of the run written from the live state against the batch run's, byte for byte. */
export interface LiveComparison {
  readonly files: readonly { readonly path: string; readonly equal: boolean }[];
  readonly equal: number;
  readonly total: number;
}

export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly param?: string;
  readonly stack?: string;
}

export interface PipelineApi {
  /** Runs the whole pipeline; the previous run stays queryable until this one succeeds. */
  run(params: RunParamsInput, onProgress?: (p: Progress) => void): Promise<RunSummary>;
  summary(): Promise<RunSummary | null>;
  page(req: PageRequest): Promise<PageResult>;
  /** The whole file as the CLI writes it, or only the filtered, sorted view when a request is given. */
  csv(path: string, view?: Omit<PageRequest, 'path' | 'offset' | 'limit'>): Promise<Uint8Array>;
  /**
   * Every file of the run tree with run_manifest.json, the data-product review, and the asked-for
   * production exports (under export/), as one zip.
   */
  zip(exports?: readonly ExportKind[]): Promise<Uint8Array>;
  /** One table as Parquet, typed from its schema; only the filtered, sorted view when one is given. */
  parquet(path: string, view?: Omit<PageRequest, 'path' | 'offset' | 'limit'>): Promise<Uint8Array>;
  /** The data-product review of the run, as Markdown. */
  reviewMarkdown(): Promise<string>;
  /** Every production export file of the run, without making their bytes. */
  exports(): Promise<readonly ExportEntry[]>;
  exportFile(path: string): Promise<Uint8Array>;
  exportPreview(path: string): Promise<ExportPreview>;
  /** run_manifest.json bytes. */
  manifest(): Promise<Uint8Array>;
  /** The Markdown quality report. */
  reportMarkdown(): Promise<string>;
  /** One profile with its sources and events; null when the key is unknown. */
  profile(customerKey: string): Promise<ProfileDetail | null>;
  /** Identity resolution at a glance, its accuracy against the generator's truth, and what the last rule change moved. */
  identity(): Promise<IdentitySummary>;
  /** Finds the one profile an identifier (as a person would type it) belongs to. */
  lookup(text: string): Promise<LookupResult>;
  /** Audience size, columns and exclusions per channel. */
  activation(): Promise<readonly ActivationChannel[]>;

  /** Starts (or restarts) the live replay of the current run, paused at offset 0. */
  liveStart(options: { readonly allowedLatenessMs: number }): Promise<LiveView>;
  /** The live session's snapshot; null when there is none for the run on screen. */
  liveSnapshot(): Promise<LiveView | null>;
  liveSpeed(speed: LiveSpeed): Promise<LiveView>;
  /** Pauses and applies exactly one arrival. */
  liveStep(): Promise<LiveView>;
  /**
   * Follows a profile on the card: `latest` for the person of the latest change, else a
   * `system:id` record, a customer_key or any identifier the lookup takes.
   */
  liveFollow(target: { readonly latest: true } | { readonly text: string }): Promise<LiveFollowResult>;
  /** At the end of the stream: every file from the live state against the batch run's. */
  liveCompare(): Promise<LiveComparison>;
  /** At the end of the stream: one table written from the live state, as CSV. */
  liveCsv(path: string): Promise<Uint8Array>;
}
