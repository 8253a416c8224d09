// Every table of the run tree as a Parquet download, beside the CSV files: `raw/orders.csv` is
// `export/parquet/raw/orders.parquet`. Bytes are made on demand, one file at a time.
import type { PipelineRun } from '../../pipeline/run';
import type { RunFile } from '../run-files';
import { tableToParquet } from './table-to-parquet';

export const PARQUET_ROOT = 'export/parquet';

/** `<layer>/<table>.csv` → `export/parquet/<layer>/<table>.parquet`. */
export function parquetPath(csvPath: string): string {
  if (!csvPath.endsWith('.csv')) throw new Error(`not a CSV table path: ${csvPath}`);
  return `${PARQUET_ROOT}/${csvPath.slice(0, -'.csv'.length)}.parquet`;
}

/** No `rows`: the manifest gives rows for CSV files only. */
export function parquetFiles(run: PipelineRun): RunFile[] {
  const files: RunFile[] = [];
  for (const [path, table] of run.tables) files.push({ path: parquetPath(path), bytes: () => tableToParquet(table) });
  return files;
}
