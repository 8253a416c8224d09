// The export listing as the view shows it: files of one kind, named inside their export folder and
// grouped by sub-folder, with the media type each downloads as.
import type { ExportEntry } from '../../../worker/api';
import { JSONL_TYPE, MD_TYPE, PARQUET_TYPE, TEXT_TYPE } from '../../lib/download';

export { EXPORT_KINDS, type ExportKind } from '../../../export/kinds';

export const MEDIA_TYPES: Readonly<Record<ExportEntry['format'], string>> = {
  markdown: MD_TYPE,
  jsonl: JSONL_TYPE,
  sql: TEXT_TYPE,
  yaml: TEXT_TYPE,
  parquet: PARQUET_TYPE,
};

/** `export/sql/models/staging/stg_orders.sql` → `models/staging/stg_orders.sql`. */
export function nameInKind(entry: ExportEntry): string {
  const prefix = `export/${entry.kind}/`;
  return entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : entry.path;
}

export interface FileGroup {
  /** Sub-folder inside the kind's folder; empty for the top level. */
  readonly folder: string;
  readonly files: readonly ExportEntry[];
}

/** Files by sub-folder, folders in the order the listing first names them (build order for SQL). */
export function groupByFolder(entries: readonly ExportEntry[]): FileGroup[] {
  const groups = new Map<string, ExportEntry[]>();
  for (const e of entries) {
    const name = nameInKind(e);
    const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
    if (!groups.has(folder)) groups.set(folder, []);
    groups.get(folder)!.push(e);
  }
  return [...groups].map(([folder, files]) => ({ folder, files }));
}
