// The production exports as the app lists, previews and downloads them: every file the CLI's
// `--export all` writes, plus the data-product review. Bytes are made when asked for, one file at a
// time, so a listing or a preview never builds a 50 MB topic.
import type { PipelineRun } from '../pipeline/run';
import { isLandingColumn, parquetElement, parquetPath } from '../io/parquet';
import { TOPICS, topicRecordCount } from '../export/kafka';
import { EXPORT_KINDS, exportFilesOf, reviewFile } from '../export/run-exports';
import { REVIEW_PATH } from '../export/kinds';
import type { ExportEntry, ExportPreview } from './api';

const PREVIEW_LINES = 40;
const PREVIEW_CHARS = 64_000;

export function exportListing(run: PipelineRun): ExportEntry[] {
  const entries: ExportEntry[] = [{ path: REVIEW_PATH, kind: 'review', format: 'markdown' }];
  const tableOf = new Map([...run.tables].map(([path, t]) => [parquetPath(path), t]));
  for (const kind of EXPORT_KINDS) {
    for (const f of exportFilesOf(run, kind)) {
      const rows = kind === 'parquet' ? tableOf.get(f.path)?.rowCount : rowsOfTopic(run, f.path);
      entries.push({ path: f.path, kind, format: formatOf(f.path), ...(rows === undefined ? {} : { rows }) });
    }
  }
  return entries;
}

function formatOf(path: string): ExportEntry['format'] {
  if (path.endsWith('.jsonl')) return 'jsonl';
  if (path.endsWith('.parquet')) return 'parquet';
  if (path.endsWith('.sql')) return 'sql';
  if (path.endsWith('.yml')) return 'yaml';
  return 'markdown';
}

function rowsOfTopic(run: PipelineRun, path: string): number | undefined {
  const spec = TOPICS.find((t) => t.path === path);
  return spec ? topicRecordCount(run, spec) : undefined;
}

function fileOf(run: PipelineRun, path: string) {
  if (path === REVIEW_PATH) return reviewFile(run);
  const kind = EXPORT_KINDS.find((k) => path.startsWith(`export/${k}/`));
  const file = kind ? exportFilesOf(run, kind).find((f) => f.path === path) : undefined;
  if (!file) throw new Error(`no export file "${path}" in this run`);
  return file;
}

export function exportFileBytes(run: PipelineRun, path: string): Uint8Array {
  return fileOf(run, path).bytes();
}

export function exportPreview(run: PipelineRun, path: string): ExportPreview {
  if (path.endsWith('.parquet')) return parquetPreview(run, path);
  const spec = TOPICS.find((t) => t.path === path);
  if (spec) {
    const lines = firstLines((emit) => spec.lines(run, emit), PREVIEW_LINES);
    return { path, text: lines.slice(0, PREVIEW_LINES).join('\n'), truncated: lines.length > PREVIEW_LINES };
  }
  const text = new TextDecoder().decode(fileOf(run, path).bytes());
  return { path, text: text.slice(0, PREVIEW_CHARS), truncated: text.length > PREVIEW_CHARS };
}

const ENOUGH = Symbol('enough lines');

/** The first `n + 1` lines a producer emits (one more than asked, to tell whether there are more). */
function firstLines(produce: (emit: (line: string) => void) => void, n: number): string[] {
  const lines: string[] = [];
  try {
    produce((line) => {
      lines.push(line);
      if (lines.length > n) throw ENOUGH;
    });
  } catch (e) {
    if (e !== ENOUGH) throw e;
  }
  return lines;
}

/** A Parquet file is binary: its preview is the schema it is written with. */
function parquetPreview(run: PipelineRun, path: string): ExportPreview {
  const entry = [...run.tables].find(([p]) => parquetPath(p) === path);
  if (!entry) throw new Error(`no export file "${path}" in this run`);
  const [csvPath, table] = entry;
  const schema = table.schema;
  const width = Math.max(...schema.columns.map((c) => c.name.length));
  const lines = schema.columns.map((c, i) => {
    const el = parquetElement(c, isLandingColumn(schema, i));
    const logical = el.logical_type
      ? ` ${el.logical_type.type}${'precision' in el.logical_type ? `(${el.logical_type.precision},${el.logical_type.scale})` : ''}${el.logical_type.type === 'TIMESTAMP' ? '(MILLIS, UTC)' : ''}`
      : '';
    return `  ${c.name.padEnd(width)}  ${el.type}${logical}${isLandingColumn(schema, i) ? '  (source text, as landed)' : ''}`;
  });
  return {
    path,
    text: [`${path}: ${table.rowCount} rows of ${csvPath}, ${schema.columns.length} columns, every one OPTIONAL (null where the CSV is empty)`, '', ...lines].join('\n'),
    truncated: false,
  };
}

