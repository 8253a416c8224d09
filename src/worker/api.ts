// The contract between the React app and the worker. Everything crossing it is structured-clone
// friendly; CSV and zip bytes are transferred, not copied.
import type { ColumnType, Layer } from '../pipeline/table';
import type { RunParams, RunParamsInput } from '../pipeline/params';

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
  /** Every file of the run tree with run_manifest.json, as one zip. */
  zip(): Promise<Uint8Array>;
  /** run_manifest.json bytes. */
  manifest(): Promise<Uint8Array>;
  /** The Markdown quality report. */
  reportMarkdown(): Promise<string>;
  /** One profile with its sources and events; null when the key is unknown. */
  profile(customerKey: string): Promise<ProfileDetail | null>;
}
