// One table as a Parquet file, typed from its schema (see parquet-schema.ts). Values equal the CSV
// file's: the same cell text, the same rounding, nulls where the CSV field is empty. Text holds no
// formula-neutralising `'`: Parquet is read by engines, not spreadsheets.
import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import { makeTable, view, type Table } from '../../pipeline/table';
import { APP_VERSION } from '../run-files';
import { booleanValues, decimalValues, int64Values, isCodeColumn, looksRepetitive, numberValues, textValues, utf8Values } from './column-values';
import { DECIMALS, isLandingColumn, parquetElement } from './parquet-schema';

/** Rows per row group: one group is built, encoded and let go before the next. */
export const ROW_GROUP_ROWS = 100_000;

/** The whole table, or the given rows in that order (a sorted or filtered view), as Parquet bytes. */
export function tableToParquet(whole: Table, rows?: ArrayLike<number>): Uint8Array {
  const table = rows ? rowsOf(whole, rows) : whole;
  const { schema } = table;
  const landing = schema.columns.map((_, i) => isLandingColumn(schema, i));
  const writer = new ByteWriter(Math.max(1024, table.rowCount * 16));
  const parquet = new ParquetWriter({
    writer,
    schema: [
      { name: 'schema', num_children: schema.columns.length },
      ...schema.columns.map((def, i) => parquetElement(def, landing[i])),
    ],
    codec: 'SNAPPY',
    createdBy: `customer-360-lab version ${APP_VERSION}`,
    kvMetadata: [{ key: 'c360.table', value: tableDescription(table) }],
  });
  for (let start = 0; start < table.rowCount; start += ROW_GROUP_ROWS) {
    const end = Math.min(table.rowCount, start + ROW_GROUP_ROWS);
    if (parquet.write({ columnData: rowGroup(table, landing, start, end), rowGroupSize: end - start }) !== undefined) {
      throw new Error('parquet writer went async');
    }
  }
  parquet.finish();
  return new Uint8Array(writer.getBuffer());
}

function rowsOf(table: Table, rows: ArrayLike<number>): Table {
  const at = Int32Array.from(rows);
  return makeTable(table.schema, at.length, table.columns.map((c) => view(c, at)));
}

/**
 * The columns of rows [start, end). The writer encodes one column after another, so each column's
 * values are built when the writer first reads them and let go when it reads the next column: only
 * one column of a row group is alive at a time, which keeps the garbage collector's work small.
 */
function rowGroup(table: Table, landing: readonly boolean[], start: number, end: number): ColumnSource[] {
  let builtIndex = -1;
  let built: ColumnSource['data'] = [];
  return table.schema.columns.map((def, i) => ({
    name: def.name,
    encoding: isDictionary(table, i, landing[i]) ? 'RLE_DICTIONARY' : undefined,
    get data() {
      if (builtIndex !== i) {
        built = [];
        built = columnValues(table, i, landing[i], start, end);
        builtIndex = i;
      }
      return built;
    },
  }));
}

const isText = (table: Table, i: number, landing: boolean) =>
  landing || table.schema.columns[i].type === 'string' || table.schema.columns[i].type === 'enum';

/** Enums and coded text repeat a few values: always a dictionary, as the columns store them. */
function isDictionary(table: Table, i: number, landing: boolean): boolean {
  return isText(table, i, landing) && (table.schema.columns[i].type === 'enum' || isCodeColumn(table.columns[i]));
}

function columnValues(table: Table, i: number, landing: boolean, start: number, end: number): ColumnSource['data'] {
  const def = table.schema.columns[i];
  const col = table.columns[i];
  if (isDictionary(table, i, landing)) return textValues(col, def.type, start, end);
  if (isText(table, i, landing)) {
    return looksRepetitive(col, def.type, start, end) ? textValues(col, def.type, start, end) : utf8Values(col, def.type, start, end);
  }
  const where = `${table.schema.name}.${def.name}`;
  const nums = numberValues(col, def.type, start, end, where);
  const decimal = DECIMALS[def.type];
  if (decimal) return decimalValues(nums, decimal, def.type === 'money', where);
  if (def.type === 'boolean') return booleanValues(nums);
  return int64Values(nums, where);
}

/** The table's schema as JSON key-value metadata: grain, and each column's contract type and meaning. */
function tableDescription(table: Table): string {
  const { name, path, layer, grain, columns } = table.schema;
  return JSON.stringify({
    name, csv: path, layer, grain,
    columns: columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
  });
}
