// The Kafka / Debezium export: orders.cdc.jsonl in Debezium's envelope replays to the same raw
// orders (and so the same silver orders_current), the event streams are one keyed topic per file,
// topics.md documents every topic with this run's counts, and the replay rejects malformed input.
import { describe, expect, it } from 'vitest';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { runPipeline, runPipelineOnSources, type PipelineRun } from '../../src/pipeline/run';
import { rawOrders } from '../../src/pipeline/schema/raw';
import { tableToCsv } from '../../src/io/csv-writer';
import { runFiles } from '../../src/io/run-files';
import { kafkaFiles, replayOrdersCdc, TOPICS, TOPICS_MD_PATH, ORDER_ROW_COLUMNS } from '../../src/export/kafka';
import { cellReader } from '../../src/export/kafka/json-cell';
import { customer, rowsOf, runInline } from '../helpers/inline-sources';

const CASES: readonly { name: string; input: RunParamsInput }[] = [
  { name: 'seed 21, 1000 customers, defaults', input: { seed: 21, customers: 1000 } },
  { name: 'seed 7, 1500 customers, issues off', input: { seed: 7, customers: 1500, issues: false } },
  { name: 'seed 3, 1200 customers, link email+phone, placeholder threshold 3', input: { seed: 3, customers: 1200, link: ['email', 'phone'], placeholderThreshold: 3 } },
];

const ORDERS_PATH = 'export/kafka/orders.cdc.jsonl';
const decoder = new TextDecoder();

const runs = new Map<string, PipelineRun>();
function runOf(input: RunParamsInput): PipelineRun {
  const k = JSON.stringify(input);
  let run = runs.get(k);
  if (!run) runs.set(k, (run = runPipeline(resolveParams(input))));
  return run;
}

function kafkaText(run: PipelineRun, path: string): string {
  const f = kafkaFiles(run).find((x) => x.path === path);
  if (!f) throw new Error(`no kafka file ${path}`);
  return decoder.decode(f.bytes());
}

function runFileBytes(run: PipelineRun, path: string): Uint8Array {
  const f = runFiles(run).find((x) => x.path === path);
  if (!f) throw new Error(`no run file ${path}`);
  return f.bytes();
}

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** The first lines where two texts differ, for the failure message. */
function firstDifferences(expected: string, actual: string, max = 3): string {
  const e = expected.split('\n'), a = actual.split('\n');
  const out: string[] = [`expected ${e.length - 1} lines, got ${a.length - 1}`];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length <= max; i++) {
    if (e[i] !== a[i]) out.push(`line ${i + 1}\n    expected: ${e[i] ?? '<none>'}\n    actual:   ${a[i] ?? '<none>'}`);
  }
  return out.join('\n  ');
}

function expectSameText(expected: Uint8Array, actual: Uint8Array, what: string): void {
  const e = decoder.decode(expected), a = decoder.decode(actual);
  if (e !== a) expect.fail(`${what} differs:\n  ${firstDifferences(e, a)}`);
  expect(a.length).toBeGreaterThan(0);
}

describe('orders.cdc.jsonl replays to the same orders_current', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const run = runOf(c.input);
      const replayed = replayOrdersCdc(kafkaText(run, ORDERS_PATH));
      expect(replayed.rowCount).toBe(run.sources.orders.rowCount);
      expectSameText(runFileBytes(run, rawOrders.path), tableToCsv(replayed), 'replayed raw/orders.csv');

      const rebuilt = runPipelineOnSources(run.params, { ...run.sources, orders: replayed });
      for (const path of ['silver/orders_current.csv', 'silver/quarantine.csv']) {
        expectSameText(runFileBytes(run, path), runFileBytes(rebuilt, path), `rebuilt ${path}`);
      }
    });
  }
});

describe('orders.cdc.jsonl replays odd raw rows exactly', () => {
  it('keeps non-canonical, missing and formula-like cells as sent', () => {
    const o = (lsn: string, op: string, id: string, fields: Record<string, string> = {}) => ({
      lsn, op, order_id: id, source_system: 'web', source_customer_id: 'W0000001', order_ts: '2025-01-01T10:00:00Z',
      status: 'placed', channel: 'web', amount: '10.00', currency: 'USD', updated_at: '2025-01-01T10:00:00Z', ...fields,
    });
    const del = (lsn: string, id: string, updatedAt: string) => ({ lsn, op: 'd', order_id: id, updated_at: updatedAt });
    const run = runInline({
      customers: [customer('web', 'W0000001', { email: 'a@example.com' })],
      orders: [
        o('100', 'c', 'O1'),
        o('102', 'u', 'O1', { status: 'shipped', updated_at: '2025-01-02T10:00:00Z' }),
        o('101', 'u', 'O1', { status: 'paid', updated_at: '2025-01-01T12:00:00Z' }), // out of order
        o('102', 'u', 'O1', { status: 'shipped', updated_at: '2025-01-02T10:00:00Z' }), // redelivered
        o('0/1A2B3C', 'u', 'O1', { status: 'delivered' }),
        o('', 'u', 'O1', { amount: '10.5' }),
        o('007', 'c', 'O2', { amount: 'USD 12.00', order_ts: '2025-01-01 10:00', currency: '=HYPERLINK("x")' }),
        o('103', '', 'O2', { status: 'lost', channel: 'pigeon', amount: '-0.00' }),
        o('104', 'x', '', { source_customer_id: '+90 (555) 123', currency: '@sum', updated_at: 'yesterday' }),
        o('99999999999999999999', 'u', 'O2', { currency: 'a "quoted",\nvalue', amount: '' }),
        del('105', 'O1', '2025-02-01T00:00:00Z'),
        del('106', 'O2', 'not a time'),
        del('107', '', ''),
        o('108', 'c', 'O3', { source_customer_id: '-1', amount: '-5.00' }),
      ],
    });
    const text = kafkaText(run, ORDERS_PATH);
    expect(lines(text)).toHaveLength(14 + 3);
    const replayed = replayOrdersCdc(text);
    expect(rowsOf(replayed)).toEqual(rowsOf(run.sources.orders));
    expectSameText(tableToCsv(run.sources.orders), tableToCsv(replayed), 'replayed raw/orders.csv');
    const rebuilt = runPipelineOnSources(run.params, { ...run.sources, orders: replayed });
    for (const path of ['silver/orders_current.csv', 'silver/quarantine.csv']) {
      expectSameText(runFileBytes(run, path), runFileBytes(rebuilt, path), `rebuilt ${path}`);
    }
  });
});

interface KafkaLine {
  key: Record<string, unknown>;
  value: Record<string, unknown> | null;
}

function parseLines(text: string): KafkaLine[] {
  return lines(text).map((l, i) => {
    let rec: unknown;
    try {
      rec = JSON.parse(l);
    } catch {
      throw new Error(`line ${i + 1} is not JSON: ${l.slice(0, 200)}`);
    }
    expect(rec).toBeTypeOf('object');
    expect(Object.keys(rec as object)).toEqual(['key', 'value']);
    return rec as KafkaLine;
  });
}

/** Collects failed checks so a hot loop does not pay for an expect per value; fails with the first few. */
function checks() {
  const failures: string[] = [];
  let count = 0;
  return {
    that(ok: boolean, what: () => string): void {
      if (!ok && count++ < 10) failures.push(what());
    },
    same(actual: unknown, expected: unknown, what: string): void {
      const a = JSON.stringify(actual), e = JSON.stringify(expected);
      if (a !== e && count++ < 10) failures.push(`${what}: expected ${e}, got ${a}`);
    },
    done(): void {
      expect(failures, `${count} failed checks`).toEqual([]);
    },
  };
}

const keysOf = (o: unknown) => (typeof o === 'object' && o !== null ? Object.keys(o) : null);

describe('orders.cdc.jsonl is in Debezium\'s envelope', () => {
  for (const c of CASES.slice(0, 2)) {
    it(c.name, () => {
      const run = runOf(c.input);
      const recs = parseLines(kafkaText(run, ORDERS_PATH));
      const raw = run.sources.orders;
      const lsnOf = cellReader(raw, 'lsn'), opOf = cellReader(raw, 'op'), idOf = cellReader(raw, 'order_id');
      const check = checks();

      const changes: KafkaLine[] = [];
      let deletes = 0, updates = 0, creates = 0;
      for (let i = 0; i < recs.length; i++) {
        const { key, value } = recs[i];
        const at = `line ${i + 1}`;
        check.same(keysOf(key), ['order_id'], `${at} key fields`);
        if (value === null) {
          check.that(false, () => `${at}: a tombstone without a delete before it`);
          continue;
        }
        const v = value;
        check.same(keysOf(v), ['before', 'after', 'source', 'op', 'ts_ms'], `${at} value fields`);
        check.that(typeof v.ts_ms === 'number' && Number.isInteger(v.ts_ms) && (v.ts_ms as number) <= run.nowMs,
          () => `${at}: ts_ms ${JSON.stringify(v.ts_ms)} is not epoch ms at or before now`);
        const source = v.source as Record<string, unknown>;
        check.same(keysOf(source), ['connector', 'name', 'ts_ms', 'snapshot', 'db', 'schema', 'table', 'lsn'], `${at} source fields`);
        check.same([source.connector, source.name, source.snapshot, source.db, source.schema, source.table],
          ['postgresql', 'turanmart', 'false', 'turanmart', 'public', 'orders'], `${at} source`);

        const r = changes.length;
        if (r >= raw.rowCount) {
          check.that(false, () => `${at}: more change records than raw orders rows (${raw.rowCount})`);
          break;
        }
        changes.push(recs[i]);
        // Same row, same order: the key, lsn and op are the raw row's (duplicates kept).
        check.same(key.order_id ?? '', idOf(r), `${at} key.order_id vs raw row ${r + 1}`);
        check.same(source.lsn === null ? '' : String(source.lsn), lsnOf(r), `${at} source.lsn vs raw row ${r + 1}`);
        const rawOp = opOf(r);
        check.same(v.op, rawOp === '' ? null : rawOp, `${at} op vs raw row ${r + 1}`);
        check.that(v.op === null || v.op === 'c' || v.op === 'u' || v.op === 'd', () => `${at}: op ${JSON.stringify(v.op)}`);

        if (v.op === 'c') {
          creates++;
          check.same(v.before, null, `${at} before of a create`);
        }
        if (v.op === 'u') updates++;
        if (v.op === 'd') {
          deletes++;
          check.same(v.after, null, `${at} after of a delete`);
          const next = recs[i + 1];
          check.that(next !== undefined && next.value === null, () => `${at}: delete not followed by a tombstone`);
          if (next) check.same(next.key, key, `line ${i + 2} tombstone key`);
          i++; // the tombstone
        } else {
          check.same(keysOf(v.after), ORDER_ROW_COLUMNS, `${at} after fields`);
          check.same((v.after as Record<string, unknown> | null)?.order_id ?? '', idOf(r), `${at} after.order_id`);
        }
      }
      check.done();
      expect(changes.length).toBe(raw.rowCount);
      expect(recs.length).toBe(raw.rowCount + deletes);
      expect(creates).toBeGreaterThan(0);
      expect(updates).toBeGreaterThan(0);
      expect(deletes).toBeGreaterThan(0);

      // The lsn sequence is the raw file's, in order, duplicates included.
      const rawLsns = Array.from({ length: raw.rowCount }, (_, r) => lsnOf(r));
      const topicLsns = changes.map((x) => {
        const lsn = (x.value!.source as Record<string, unknown>).lsn;
        return lsn === null ? '' : String(lsn);
      });
      expect(topicLsns).toEqual(rawLsns);
      if (run.params.issues) {
        const seen = new Set<string>();
        let repeats = 0;
        for (const l of topicLsns) {
          if (l !== '' && seen.has(l)) repeats++;
          seen.add(l);
        }
        expect(repeats, 'redelivered changes are kept').toBeGreaterThan(0);
      }

      // `before` chains: a change's before is the last after delivered for the same order.
      const delivered = new Map<string, unknown>();
      const chain = checks();
      changes.forEach((x, r) => {
        const id = x.key.order_id as string | null;
        const v = x.value!;
        if (v.op !== 'c') chain.same(v.before, id === null ? null : delivered.get(id) ?? null, `raw row ${r + 1} before`);
        if (id !== null) delivered.set(id, v.after);
      });
      chain.done();
    });
  }
});

const EVENT_TOPICS = TOPICS.filter((t) => t.format === 'events');

describe('event stream topics', () => {
  it('are clickstream, consent, campaigns and tickets, one file each', () => {
    expect(EVENT_TOPICS.map((t) => t.source).sort()).toEqual(['campaign_events', 'clickstream', 'consent_events', 'support_tickets']);
    const paths = TOPICS.map((t) => t.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(TOPICS.map((t) => t.topic)).size).toBe(TOPICS.length);
    const run = runOf(CASES[0].input);
    expect(kafkaFiles(run).map((f) => f.path)).toEqual([...paths, TOPICS_MD_PATH]);
    for (const p of paths) expect(p).toMatch(/^export\/kafka\/[a-z_]+(\.cdc)?\.jsonl$/);
  });

  for (const c of CASES.slice(0, 2)) {
    it(`${c.name}: one keyed record per raw row, in raw order`, () => {
      const run = runOf(c.input);
      for (const spec of EVENT_TOPICS) {
        const raw = run.sources[spec.source];
        const recs = parseLines(kafkaText(run, spec.path));
        expect(recs.length, spec.path).toBe(raw.rowCount);
        expect(raw.rowCount).toBeGreaterThan(0);
        const columns = raw.schema.columns.map((col) => col.name);
        const readers = columns.map((name) => cellReader(raw, name));
        const check = checks();
        recs.forEach((rec, r) => {
          const at = `${spec.path} line ${r + 1}`;
          check.same(keysOf(rec.key), spec.key, `${at} key fields`);
          check.same(keysOf(rec.value), columns, `${at} value fields`);
          if (rec.value === null) return;
          for (const k of spec.key) check.same(rec.key[k], rec.value[k], `${at} key.${k} vs value.${k}`);
          // Every cell is the raw row's text (typed where canonical, raw text otherwise, empty as null).
          columns.forEach((name, ci) => {
            const v = rec.value![name];
            check.same(v === null ? '' : String(v), readers[ci](r), `${at} ${name}`);
          });
        });
        check.done();
      }
    });
  }
});

describe('topics.md', () => {
  for (const c of CASES.slice(0, 2)) {
    it(`${c.name}: documents every topic with its file, key, partitioning, config and this run's counts`, () => {
      const run = runOf(c.input);
      const md = kafkaText(run, TOPICS_MD_PATH);
      expect(md).toContain(`seed ${run.params.seed}, ${run.params.customers} customers`);
      expect(md).toContain(`injected problems ${run.params.issues ? 'on' : 'off'}`);
      const sections = md.split(/^## /m).slice(1);
      for (const spec of TOPICS) {
        const section = sections.find((s) => s.startsWith(`\`${spec.topic}\``));
        expect(section, `no section for ${spec.topic}`).toBeDefined();
        const s = section!;
        expect(s).toContain(`- File: \`${spec.path}\``);
        expect(s).toContain(`- Key: ${spec.key.map((k) => `\`${k}\``).join(' + ')}`);
        expect(s).toContain(`- Partitioning: ${spec.partitioning}`);
        expect(s).toMatch(/- Config: .*cleanup\.policy=(compact|delete)/);
        expect(s).toMatch(/retention\.ms=-?\d+/);
        for (const cfg of spec.config) expect(s).toContain(`\`${cfg}\``);

        const recs = parseLines(kafkaText(run, spec.path));
        const tombstones = recs.filter((x) => x.value === null).length;
        const keys = new Set(recs.map((x) => JSON.stringify(x.key))).size;
        const m = /- This run: (\d+) records(?: \((\d+) of them tombstones\))?, (\d+) distinct keys\./.exec(s);
        expect(m, `no counts line for ${spec.topic}`).not.toBeNull();
        expect(Number(m![1])).toBe(recs.length);
        expect(Number(m![2] ?? 0)).toBe(tombstones);
        expect(Number(m![3])).toBe(keys);
      }
    });
  }
});

describe('replayOrdersCdc rejects malformed input', () => {
  const good = lines(kafkaText(runOf(CASES[0].input), ORDERS_PATH)).slice(0, 3);

  it('accepts a well-formed prefix, with or without the last newline', () => {
    expect(replayOrdersCdc(good.join('\n') + '\n').rowCount).toBe(3);
    expect(replayOrdersCdc(good.join('\n')).rowCount).toBe(3);
    expect(replayOrdersCdc('').rowCount).toBe(0);
  });

  it('names the line that is not JSON', () => {
    expect(() => replayOrdersCdc([...good, '{"key": {"order_id": "O1"}, "value": '].join('\n'))).toThrow(/line 4: not JSON/);
  });

  it('names the line that misses key or value', () => {
    expect(() => replayOrdersCdc([good[0], '{"value": null}'].join('\n'))).toThrow(/line 2: expected \{"key", "value"\}/);
    expect(() => replayOrdersCdc([good[0], good[1], '{"key": {"order_id": "O1"}}'].join('\n'))).toThrow(/line 3: expected/);
    expect(() => replayOrdersCdc('[1, 2]')).toThrow(/line 1: expected/);
    expect(() => replayOrdersCdc('null')).toThrow(/line 1: expected/);
  });

  it('names the line whose value is not a change event', () => {
    expect(() => replayOrdersCdc('{"key": {"order_id": "O1"}, "value": {"op": "c"}}')).toThrow(/line 1: value is not a Debezium change event/);
    expect(() => replayOrdersCdc('{"key": {"order_id": "O1"}, "value": {"after": null, "source": null, "op": "d"}}')).toThrow(/line 1: value is not/);
  });

  it('names the line whose key is not an object or whose row holds a nested value', () => {
    expect(() => replayOrdersCdc([good[0], '{"key": "O1", "value": null}'].join('\n'))).toThrow(/line 2: the key must be an object/);
    const nested = JSON.parse(good[0]);
    nested.value.after.amount = { value: '1.00' };
    expect(() => replayOrdersCdc([good[0], JSON.stringify(nested)].join('\n'))).toThrow(/line 2: not a cell value/);
  });
});
