// Every raw value without an override is valid by the contract (so validation may skip it), every
// override sits on a flagged row, and the malformed rows quarantine for exactly the counted reasons.
import { describe, expect, it } from 'vitest';
import { columnIndex, type Table } from '../../src/pipeline/table';
import { parseIsoUtc } from '../../src/pipeline/time';
import { RAW_SCHEMAS, truthPersonMap } from '../../src/pipeline/schema/raw';
import { generated, hasOverride, isFormula, NOW_MS, phoneE164, quarantineReason, reader, reasonsOf, REASONS, SOURCES } from './helpers';

const s = generated();
const tables = SOURCES.map((name) => [name, s[name]] as const);
const reasons = new Map(tables.map(([name, t]) => [name, reasonsOf(name, t)]));

describe('raw tables', () => {
  it('use the schemas, with each column in the storage kind the schema names', () => {
    for (const [name, t] of tables) {
      expect(t.schema).toBe(RAW_SCHEMAS.find((r) => r.name === name));
      t.schema.columns.forEach((c, i) => {
        const kind = /\((text|number|code|id)[,)]/.exec(c.description)![1];
        expect(t.columns[i].kind, `${name}.${c.name}`).toBe(kind);
        const col = t.columns[i];
        if (c.values && col.kind === 'code') expect(col.dict, `${name}.${c.name}`).toEqual(c.values);
      });
    }
    expect(s.personMap.schema).toBe(truthPersonMap);
  });

  it.each(tables)('%s: flags exactly the rows that carry an override', (_name, t) => {
    const wrong: number[] = [];
    for (let r = 0; r < t.rowCount; r++) if ((t.flagged?.[r] ?? 0) !== (hasOverride(t, r) ? 1 : 0)) wrong.push(r);
    expect(wrong).toEqual([]);
  });

  it.each(tables)('%s: keeps every unflagged row valid and every flagged row invalid', (name, t) => {
    const wrong: string[] = [];
    reasons.get(name)!.forEach((reason, r) => {
      if ((t.flagged?.[r] === 1) !== (reason !== null)) wrong.push(`row ${r}: ${reason}`);
    });
    expect(wrong).toEqual([]);
  });

  it('quarantines exactly the injected count of each reason', () => {
    const counts = Object.fromEntries(REASONS.map((r) => [r, 0]));
    for (const [name] of tables) for (const reason of reasons.get(name)!) if (reason) counts[reason]++;
    for (const reason of REASONS) {
      expect(counts[reason], reason).toBe(s.injected[reason]);
      expect(counts[reason], reason).toBeGreaterThan(0);
    }
  });

  it('malforms 0.2-0.5% of each source, and every source some', () => {
    for (const [name, t] of tables) {
      const flagged = t.flagged!.reduce((a, b) => a + b, 0);
      expect(flagged, name).toBeGreaterThan(0);
      expect(flagged / t.rowCount, name).toBeLessThan(0.006);
    }
  });

  it.each(tables)('%s: writes timestamps as whole seconds, none after now unless injected as future', (name, t) => {
    for (const c of t.schema.columns.filter((c) => c.type === 'timestamp')) {
      const col = t.columns[columnIndex(t.schema, c.name)];
      if (col.kind !== 'number') throw new Error('timestamps are numbers');
      const text = reader(t, c.name);
      const wrong: string[] = [];
      for (let r = 0; r < t.rowCount; r++) {
        const v = col.values[r];
        if (Number.isNaN(v)) continue;
        if (v % 1000 !== 0 || parseIsoUtc(text(r)) !== v || v > NOW_MS) wrong.push(`${name}.${c.name} row ${r}: ${text(r)}`);
      }
      expect(wrong).toEqual([]);
    }
  });

  it('writes ids at a fixed width, so text order is numeric order', () => {
    const widths: [Table, string, RegExp][] = [
      [s.orders, 'order_id', /^O\d{8}$/], [s.clickstream, 'event_id', /^E\d{9}$/], [s.clickstream, 'session_id', /^SES\d{8}$/],
      [s.clickstream, 'anonymous_id', /^ANON\d{8}$/], [s.clickstream, 'product_id', /^P\d{5}$/], [s.support_tickets, 'ticket_id', /^T\d{7}$/],
      [s.campaign_events, 'event_id', /^CE\d{9}$/], [s.consent_events, 'event_id', /^CN\d{8}$/], [s.personMap, 'person_id', /^PER\d{7}$/],
      [s.customers, 'source_customer_id', /^[WSC]\d{7}$/], [s.orders, 'source_customer_id', /^[WSC]\d{7}$/],
      [s.customers, 'loyalty_id', /^LOY\d{8}$/],
    ];
    for (const [t, name, form] of widths) {
      const text = reader(t, name);
      const wrong: string[] = [];
      for (let r = 0; r < t.rowCount; r++) if (text(r) !== '' && !t.flagged?.[r] && !form.test(text(r))) wrong.push(text(r));
      expect(wrong, `${t.schema.name}.${name}`).toEqual([]);
    }
  });

  it('prefixes web ids with W, store ids with S and CRM ids with C', () => {
    const sys = reader(s.customers, 'source_system');
    const id = reader(s.customers, 'source_customer_id');
    const wrong: string[] = [];
    for (let r = 0; r < s.customers.rowCount; r++) {
      if (!s.customers.flagged?.[r] && id(r)[0] !== { web: 'W', store: 'S', crm: 'C' }[sys(r)]) wrong.push(`${sys(r)} ${id(r)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes every phone so that it normalises to 8-15 digits', () => {
    const phone = reader(s.customers, 'phone');
    const country = reader(s.customers, 'country');
    let phones = 0;
    const wrong: string[] = [];
    for (let r = 0; r < s.customers.rowCount; r++) {
      if (phone(r) === '') continue;
      phones++;
      if (phoneE164(phone(r), country(r)) === null) wrong.push(phone(r));
    }
    expect(wrong).toEqual([]);
    expect(phones).toBeGreaterThan(s.customers.rowCount / 2);
  });

  it('prices in whole cents and one currency', () => {
    const op = reader(s.orders, 'op');
    const amount = reader(s.orders, 'amount');
    const currency = reader(s.orders, 'currency');
    const wrong: string[] = [];
    for (let r = 0; r < s.orders.rowCount; r++) {
      if (op(r) === 'd' || s.orders.flagged?.[r]) continue;
      if (!/^\d+\.\d{2}$/.test(amount(r)) || currency(r) !== 'USD') wrong.push(`${amount(r)} ${currency(r)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('counts exactly the rows whose text a spreadsheet would run as a formula', () => {
    let rows = 0;
    for (const [, t] of tables) {
      const texts = t.schema.columns.map((c) => reader(t, c.name));
      for (let r = 0; r < t.rowCount; r++) if (texts.some((text) => isFormula(text(r)))) rows++;
    }
    expect(rows).toBe(s.injected.formula_text);
    expect(rows).toBeGreaterThan(0);
  });
});

describe('the validation reading used here', () => {
  const values = (c: string) => ({ op: ['c', 'u', 'd'], source_system: ['web', 'store', 'crm'], status: ['placed', 'shipped', 'delivered', 'cancelled', 'returned'], channel: ['web', 'app', 'store'] })[c] ?? [];
  const base: Record<string, string> = {
    lsn: '100', op: 'u', order_id: 'O00000001', source_system: 'web', source_customer_id: 'W0000001', order_ts: '2026-06-01T10:00:00Z',
    status: 'shipped', channel: 'web', amount: '45.99', currency: 'USD', updated_at: '2026-06-02T10:00:00Z',
  };
  const cases: { name: string; change: Record<string, string>; expected: string | null }[] = [
    { name: 'a valid change', change: {}, expected: null },
    { name: 'a Postgres LSN is not an integer', change: { lsn: '0/1A2B3C' }, expected: 'missing_key' },
    { name: 'an empty order id', change: { order_id: '' }, expected: 'missing_key' },
    { name: 'an upper-case status', change: { status: 'SHIPPED' }, expected: 'unknown_enum' },
    { name: 'an empty enum', change: { channel: '' }, expected: 'unknown_enum' },
    { name: 'a delete validates only its key and time', change: { op: 'd', status: '', channel: '', source_system: '', order_ts: '', amount: '' }, expected: null },
    { name: 'February 30th', change: { order_ts: '2026-02-30T10:00:00Z' }, expected: 'unparseable_timestamp' },
    { name: 'a space instead of T', change: { updated_at: '2026-06-02 10:00:00' }, expected: 'unparseable_timestamp' },
    { name: 'a decimal comma', change: { amount: '45,99' }, expected: 'unparseable_amount' },
    { name: 'a dollar sign', change: { amount: '$45.99' }, expected: 'unparseable_amount' },
    { name: 'a time after now', change: { updated_at: '2026-07-02T10:00:00Z' }, expected: 'future_timestamp' },
    { name: 'the first reason wins', change: { order_id: '', status: 'x', amount: 'N/A' }, expected: 'missing_key' },
  ];
  it.each(cases)('$name → $expected', ({ change, expected }) => {
    const row = { ...base, ...change };
    expect(quarantineReason('orders', (c) => row[c], values, NOW_MS)).toBe(expected);
  });
});
