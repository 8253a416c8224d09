// Bronze: every raw row unchanged plus landing metadata. One schema per raw source, derived.
import type { TableSchema } from '../table';

export const BRONZE_BATCH_ROWS = 10_000;

export function bronzeSchemaOf(raw: TableSchema): TableSchema {
  return {
    name: `${raw.name}_bronze`,
    path: `bronze/${raw.name}_bronze.csv`,
    layer: 'bronze',
    grain: `One row per row of ${raw.path}, in file order; never changed after landing.`,
    description: `Immutable landing copy of ${raw.path} (a lakehouse landing table fed by the ${raw.name} topic).`,
    columns: [
      ...raw.columns.map((c) => ({ ...c, description: c.description.replace(/ \((text|number|code|id)(, \w+)?\)$/, '') })),
      { name: '_bronze_row_id', type: 'integer', description: '1-based position of the row in the raw file.' },
      { name: '_source_file', type: 'string', description: 'Raw file the row was landed from.' },
      { name: '_batch_id', type: 'string', description: `Landing micro-batch: consecutive blocks of ${BRONZE_BATCH_ROWS} rows in file order.` },
      { name: '_ingested_at', type: 'timestamp', description: 'When the batch landed: the last batch at the run\'s now, each earlier one a minute before the next.' },
      { name: '_record_hash', type: 'string', description: 'FNV-1a 64-bit hex digest of the raw CSV line as written: equal lines, equal digests.' },
    ],
  };
}
