// Reads a run's CSV back into a table (papaparse is the parser), for re-running the pipeline on
// files as an independent reader would see them.
import Papa from 'papaparse';
import type { Table, TableSchema } from '../pipeline/table';
import { tableFromText } from './table-from-text';

export function parseCsvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, newline: '\n' });
  if (parsed.errors.length) throw new Error(`CSV parse error: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const rows = parsed.data;
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

export function tableFromCsv(schema: TableSchema, text: string, idColumns: readonly string[]): Table {
  const [header, ...rows] = parseCsvRows(text);
  const expected = schema.columns.map((c) => c.name);
  if (!header || header.join(',') !== expected.join(',')) {
    throw new Error(`${schema.path}: header ${header?.join(',')} does not match ${expected.join(',')}`);
  }
  return tableFromText(schema, rows, idColumns);
}
