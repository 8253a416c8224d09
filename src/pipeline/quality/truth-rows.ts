// Joining the deduplicated customer records to truth/person_map.csv by (source_system,
// source_customer_id). The generator writes person_map by system, then id, as silver sorts its
// records (ids are zero-padded, so numeric and string order agree): a merge join per system then
// needs no string-keyed map. A person_map in another order (hand-written in a test, say) takes
// the map join, which gives the same rows.
import type { Column, Table } from '../table';
import { column } from '../table';
import { cellText } from '../../io/cell-text';
import type { CustomerRecords } from '../silver/customer-records';
import { stringIds } from '../silver/string-ids';

/** A column's cell texts, null for ''; the stored array itself when it is plain text. */
function cellTexts(col: Column, rows: number): readonly (string | null)[] {
  if (col.kind === 'text' && (col.overrides === undefined || col.overrides.size === 0)) return col.values;
  return Array.from({ length: rows }, (_, r) => cellText(col, 'string', r) || null);
}

/** Each row's system as a small code with its text (codes are the column's own when it has them). */
function systemCodes(col: Column, rows: number): { codes: Int32Array; names: readonly string[] } {
  if (col.kind === 'code' && (col.overrides === undefined || col.overrides.size === 0)) {
    return { codes: col.codes, names: col.dict };
  }
  const ids = stringIds(8);
  const codes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) codes[r] = ids.add(cellText(col, 'enum', r));
  return { codes, names: ids.values };
}

interface Block {
  readonly from: number;
  readonly to: number;
}

/** person_map's rows of each system, when every system's rows are contiguous; null otherwise. */
function systemBlocks(codes: Int32Array, names: readonly string[]): Map<string, Block> | null {
  const blocks = new Map<string, Block>();
  let from = 0;
  for (let r = 1; r <= codes.length; r++) {
    if (r < codes.length && codes[r] === codes[r - 1]) continue;
    const c = codes[from];
    const name = c < 0 ? '' : names[c];
    if (blocks.has(name)) return null;
    blocks.set(name, { from, to: r });
    from = r;
  }
  return blocks;
}

/**
 * A merge of each run of one system's records against that system's block: the scan starts at
 * the block's first row, only moves on, past ids below the record's, and stops at the first id
 * that is not below (a match if equal). Exact when both sides are sorted; otherwise it may miss
 * keys (see truthRowOfRecords for when its answer is taken). Equal ids are usually one string
 * instance (the generator's), so `===` settles a match without reading the characters.
 */
function mergeJoin(records: CustomerRecords, blocks: Map<string, Block>, ids: readonly (string | null)[]): Int32Array {
  const out = new Int32Array(records.id.length).fill(-1);
  let system: string | null = null;
  let block: Block | undefined;
  let j = 0;
  for (let i = 0; i < out.length; i++) {
    if (records.system[i] !== system) {
      system = records.system[i];
      block = blocks.get(system);
      j = block === undefined ? 0 : block.from;
    }
    if (block === undefined) continue;
    const id = records.id[i];
    for (; j < block.to; j++) {
      const candidate = ids[j] ?? '';
      if (candidate === id) {
        out[i] = j;
        break;
      }
      if (!(candidate < id)) break;
    }
  }
  return out;
}

/** Every record found a row, each row was found once: a one-to-one match. */
function oneToOne(rowOf: Int32Array, rows: number): boolean {
  if (rowOf.length !== rows) return false;
  const seen = new Uint8Array(rows);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i];
    if (r < 0 || seen[r] === 1) return false;
    seen[r] = 1;
  }
  return true;
}

/** Ids strictly increase inside each of person_map's system blocks. */
function sortedWithinBlocks(ids: readonly (string | null)[], blocks: Map<string, Block>): boolean {
  for (const { from, to } of blocks.values()) {
    for (let r = from + 1; r < to; r++) if (!((ids[r - 1] ?? '') < (ids[r] ?? ''))) return false;
  }
  return true;
}

/** Ids strictly increase within each run of one system's records (silver sorts by system, then id). */
function recordsSortedWithinSystems(records: CustomerRecords): boolean {
  for (let i = 1; i < records.id.length; i++) {
    if (records.system[i] === records.system[i - 1] && !(records.id[i - 1] < records.id[i])) return false;
  }
  return true;
}

/** The same rows through maps of (system → id → row); a repeated key keeps its last row. */
function mapJoin(records: CustomerRecords, codes: Int32Array, names: readonly string[], ids: readonly (string | null)[]): Int32Array {
  const bySystem = new Map<string, Map<string, number>>();
  for (let r = 0; r < codes.length; r++) {
    const s = codes[r] < 0 ? '' : names[codes[r]];
    let m = bySystem.get(s);
    if (!m) bySystem.set(s, (m = new Map()));
    m.set(ids[r] ?? '', r);
  }
  return Int32Array.from(records.id, (id, i) => bySystem.get(records.system[i])?.get(id) ?? -1);
}

/**
 * The person_map row of each deduplicated customer record, -1 when the truth does not list it:
 * the map join's rows (a repeated key keeps its last row), found the cheapest way that is exact.
 * - The merge, when it pairs records and rows one to one. No key can then repeat in person_map:
 *   a scan finds a key's second row only after passing its first, which only a scan for a larger
 *   id does; that scan ends at a row not below its id (or past the second row), where every later
 *   scan of the run stops too, and the next run starts again before the first row. This is the
 *   generator's case, and its ids are the records' own string instances: no characters are read.
 * - The merge, when both sides are sorted: then it is exact.
 * - Otherwise the map join.
 */
export function truthRowOfRecords(records: CustomerRecords, personMap: Table): Int32Array {
  const rows = personMap.rowCount;
  const { codes, names } = systemCodes(column(personMap, 'source_system'), rows);
  const ids = cellTexts(column(personMap, 'source_customer_id'), rows);
  const blocks = systemBlocks(codes, names);
  if (blocks === null) return mapJoin(records, codes, names, ids);
  const merged = mergeJoin(records, blocks, ids);
  if (oneToOne(merged, rows)) return merged;
  if (sortedWithinBlocks(ids, blocks) && recordsSortedWithinSystems(records)) return merged;
  return mapJoin(records, codes, names, ids);
}

interface Groups {
  /** Dense group of each row. */
  readonly of: Int32Array;
  readonly count: number;
}

/**
 * Rows with equal numbers in one group (NaN with NaN). Small non-negative integers (the generator's
 * person numbers) index a table; anything else goes through a map.
 */
function groupNumbers(nums: Float64Array): Groups {
  const of = new Int32Array(nums.length);
  let max = 0;
  let small = true;
  for (let r = 0; r < nums.length && small; r++) {
    const v = nums[r];
    if (Number.isNaN(v)) continue;
    small = Number.isInteger(v) && v >= 0 && v <= 2 * nums.length + 1024;
    if (v > max) max = v;
  }
  let count = 0;
  if (small) {
    const groupOf = new Int32Array(max + 2).fill(-1); // the last slot is NaN's
    for (let r = 0; r < nums.length; r++) {
      const slot = Number.isNaN(nums[r]) ? max + 1 : nums[r];
      if (groupOf[slot] < 0) groupOf[slot] = count++;
      of[r] = groupOf[slot];
    }
    return { of, count };
  }
  const groupOf = new Map<number, number>();
  for (let r = 0; r < nums.length; r++) {
    let g = groupOf.get(nums[r]);
    if (g === undefined) groupOf.set(nums[r], (g = groupOf.size));
    of[r] = g;
  }
  return { of, count: groupOf.size };
}

function groupTexts(col: Column, rows: number): Groups {
  const of = new Int32Array(rows);
  const ids = stringIds(rows);
  for (let r = 0; r < rows; r++) of[r] = ids.add(cellText(col, 'string', r));
  return { of, count: ids.values.length };
}

/**
 * Each record's true person as a dense index below `count`, -1 when person_map does not list the
 * record (then it is a person of its own). Person ids compare as numbers where person_map stores
 * them so, as text otherwise.
 */
export function truthGroupsOfRecords(records: CustomerRecords, personMap: Table): { group: Int32Array; count: number } {
  const rows = truthRowOfRecords(records, personMap);
  const person = column(personMap, 'person_id');
  const people = person.kind === 'id' ? groupNumbers(person.nums) : groupTexts(person, personMap.rowCount);
  const group = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) group[i] = rows[i] < 0 ? -1 : people.of[rows[i]];
  return { group, count: people.count };
}
