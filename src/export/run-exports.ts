// What a run writes beside the contract's tree: the data-product review (always) and the production
// exports a caller asks for. The manifest lists the contract's files only, so a contract checker sees
// exactly the tree it knows; these files are deterministic from the same run and tested on their own.
import { ParamError } from '../pipeline/params';
import type { PipelineRun } from '../pipeline/run';
import type { RunFile } from '../io/run-files';
import { parquetFiles } from '../io/parquet';
import { kafkaFiles } from './kafka';
import { sqlProjectFiles } from './sql';
import { dataProductReview, REVIEW_PATH } from './review';
import { EXPORT_KINDS, type ExportKind } from './kinds';

export { EXPORT_KINDS, type ExportKind } from './kinds';

export const EXPORT_LABELS: Readonly<Record<ExportKind, string>> = {
  kafka: 'Kafka topics (Debezium change events and keyed event streams)',
  sql: 'SQL project (dbt-style, verified in DuckDB)',
  parquet: 'Parquet (every table, typed from the schemas)',
};

/** `kafka,sql` → ['kafka', 'sql'] in EXPORT_KINDS order; `all` is every kind; anything else is refused. */
export function parseExportKinds(text: string): ExportKind[] {
  const parts = text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (parts.length === 1 && parts[0] === 'all') return [...EXPORT_KINDS];
  const unknown = parts.filter((p) => !(EXPORT_KINDS as readonly string[]).includes(p));
  if (parts.length === 0 || unknown.length > 0) {
    const what = parts.length === 0 ? 'nothing' : `"${unknown.join(', ')}"`;
    throw new ParamError('export', `export takes any of ${EXPORT_KINDS.join(', ')} (comma-separated) or all; got ${what}`);
  }
  return EXPORT_KINDS.filter((k) => parts.includes(k));
}

export function reviewFile(run: PipelineRun): RunFile {
  return { path: REVIEW_PATH, bytes: () => new TextEncoder().encode(dataProductReview(run)) };
}

export function exportFilesOf(run: PipelineRun, kind: ExportKind): RunFile[] {
  switch (kind) {
    case 'kafka':
      return kafkaFiles(run);
    case 'sql':
      return sqlProjectFiles(run.params);
    case 'parquet':
      return parquetFiles(run);
  }
}

/** The review, then each asked-for export in EXPORT_KINDS order. Bytes are made on demand. */
export function extraRunFiles(run: PipelineRun, kinds: readonly ExportKind[]): RunFile[] {
  return [reviewFile(run), ...EXPORT_KINDS.filter((k) => kinds.includes(k)).flatMap((k) => exportFilesOf(run, k))];
}
