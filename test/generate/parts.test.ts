// The generator's small parts, table-driven: sorting, builders, id scrambling, how phones and
// emails are written, malformed values, the formula rule, the campaign calendar and time shapes.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/pipeline/random';
import { parseIsoUtc } from '../../src/pipeline/time';
import { orderByKey } from '../../src/pipeline/generate/sort';
import { RowBuilder, U32Builder } from '../../src/pipeline/generate/builders';
import { Scrambler } from '../../src/pipeline/generate/scramble';
import { emailInvalid, emailVariant, formatPhone, PHONE_STYLES, PhoneNumbers } from '../../src/pipeline/generate/contact';
import { LOCALES } from '../../src/pipeline/generate/locales';
import { badAmount, badTimestamp, futureTimestamp } from '../../src/pipeline/generate/malformed';
import { campaignSchedule } from '../../src/pipeline/generate/campaigns';
import { Clock } from '../../src/pipeline/generate/calendar';
import { isFormula, normalizeEmail, NOW, NOW_MS, phoneE164 } from './helpers';

describe('orderByKey', () => {
  it('orders by key, equal keys by index (stable)', () => {
    expect(Array.from(orderByKey(Uint32Array.from([5, 1, 5, 0, 70000, 1])))).toEqual([3, 1, 5, 0, 2, 4]);
  });
  it('reads keys out of array-of-structs rows', () => {
    const rows = Uint32Array.from([9, 30, 9, 10, 9, 20]); // stride 2, key in field 1
    expect(Array.from(orderByKey(rows, 3, 2, 1))).toEqual([1, 2, 0]);
  });
  it('agrees with a comparator sort on large random keys', () => {
    const rng = createRng(1);
    const keys = Uint32Array.from({ length: 50_000 }, () => rng.int(2 ** 32));
    const expected = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
    expect(Array.from(orderByKey(keys))).toEqual(expected);
  });
});

describe('builders', () => {
  it('grow as rows are added and keep every value', () => {
    const b = new U32Builder(1);
    const rows = new RowBuilder(3, 1);
    for (let i = 0; i < 1000; i++) {
      b.push(i * 7);
      const at = rows.add();
      rows.buf[at] = i;
      rows.buf[at + 2] = i * 2;
    }
    expect(b.toArray().length).toBe(1000);
    expect(b.get(999)).toBe(6993);
    expect(rows.length).toBe(1000);
    expect(rows.column(2)[999]).toBe(1998);
  });
});

describe('Scrambler', () => {
  it('maps 0..m-1 one to one onto 1..m', () => {
    const s = new Scrambler(createRng(3), 1000);
    const seen = new Set(Array.from({ length: 1000 }, (_, k) => s.map(k)));
    expect(seen.size).toBe(1000);
    expect(Math.min(...seen)).toBe(1);
    expect(Math.max(...seen)).toBe(1000);
  });
});

describe('phones as systems write them', () => {
  const cases = [
    { country: 'TR', nsn: '5321112233', e164: '+905321112233' },
    { country: 'KZ', nsn: '7011234567', e164: '+77011234567' },
    { country: 'UZ', nsn: '901234567', e164: '+998901234567' },
    { country: 'AZ', nsn: '501234567', e164: '+994501234567' },
    { country: 'DE', nsn: '15123456789', e164: '+4915123456789' },
    { country: 'GB', nsn: '7700900123', e164: '+447700900123' },
    { country: 'US', nsn: '2125550147', e164: '+12125550147' },
  ];
  it.each(cases)('$country: every style normalises to $e164', ({ country, nsn, e164 }) => {
    const plan = LOCALES.find((l) => l.code === country)!.phone;
    for (const style of PHONE_STYLES) {
      const raw = formatPhone(plan, nsn, style);
      expect(phoneE164(raw, country), `${style}: ${raw}`).toBe(e164);
      expect(isFormula(raw), raw).toBe(false);
    }
  });
  it('writes the familiar national forms', () => {
    const tr = LOCALES.find((l) => l.code === 'TR')!.phone;
    const us = LOCALES.find((l) => l.code === 'US')!.phone;
    expect(formatPhone(tr, '5321112233', 'national_grouped')).toBe('05321112233'.replace(/^(\d{4})(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3 $4'));
    expect(formatPhone(tr, '5321112233', 'national_brackets')).toBe('(0532) 111-22-33');
    expect(formatPhone(us, '2125550147', 'national_grouped')).toBe('(212) 555-0147');
  });
  it('issues distinct numbers per country', () => {
    const rng = createRng(9);
    const phones = new PhoneNumbers(rng);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(phones.next(rng, 0, 0).slice(3)); // subscriber part of Turkish numbers
    expect(seen.size).toBe(20_000);
  });
});

describe('emails as people type them', () => {
  const rng = createRng(11);
  const emails = ['ayse.yilmaz84@gmail.com', 'nursultan@mail.ru', 'j.smith@btinternet.com'];
  it.each(emails)('%s: variants normalise back to it, typos do not normalise', (email) => {
    for (let i = 0; i < 30; i++) {
      const variant = emailVariant(rng, email);
      expect(variant).not.toBe(email);
      expect(normalizeEmail(variant)).toBe(email);
      expect(normalizeEmail(emailInvalid(rng, email))).toBeNull();
    }
  });
});

describe('malformed values', () => {
  const rng = createRng(5);
  const at = parseIsoUtc('2026-03-14T09:26:53Z');
  it('never writes a parseable timestamp as a bad one', () => {
    for (let i = 0; i < 200; i++) expect(parseIsoUtc(badTimestamp(rng, at))).toBeNaN();
  });
  it('writes future timestamps 1-12 days after now, well formed', () => {
    for (let i = 0; i < 200; i++) {
      const ms = parseIsoUtc(futureTimestamp(rng, NOW_MS));
      expect(ms - NOW_MS).toBeGreaterThanOrEqual(86_400_000);
      expect(ms - NOW_MS).toBeLessThanOrEqual(12 * 86_400_000);
    }
  });
  it('never writes a decimal amount as a bad one', () => {
    for (let i = 0; i < 200; i++) expect(badAmount(rng, 4489)).not.toMatch(/^-?\d+(\.\d{1,2})?$/);
  });
  const formulas = [
    { text: '=HYPERLINK("http://evil.example","Click")', formula: true },
    { text: '@SUM(1+1)', formula: true },
    { text: '+Ali', formula: true },
    { text: "-2+3+cmd|' /C calc'!A0", formula: true },
    { text: '\tTab', formula: true },
    { text: '+90 532 111 22 33', formula: false },
    { text: '-12.50', formula: false },
    { text: '(0532) 111-22-33', formula: false },
    { text: 'Ayşe', formula: false },
    { text: '', formula: false },
  ];
  it.each(formulas)('$text → formula $formula', ({ text, formula }) => {
    expect(isFormula(text)).toBe(formula);
  });
});

describe('campaign calendar', () => {
  it('schedules the seasonal campaigns of the last 18 months, oldest first', () => {
    const campaigns = campaignSchedule(new Clock(NOW));
    const names = campaigns.map((c) => c.name);
    expect(names).toContain('Black Friday 2025');
    expect(names).toContain('Ramadan Specials 2026');
    expect(names).toContain('Summer Sale 2026');
    expect(campaigns.length).toBeGreaterThanOrEqual(10);
    expect(campaigns.length).toBeLessThanOrEqual(15);
    for (let i = 1; i < campaigns.length; i++) expect(campaigns[i].sendT).toBeGreaterThan(campaigns[i - 1].sendT);
    expect(new Set(campaigns.map((c) => c.id)).size).toBe(campaigns.length);
  });
  it('puts Black Friday on the Friday after the fourth Thursday of November', () => {
    const clock = new Clock(NOW);
    const bf = campaignSchedule(clock).find((c) => c.name === 'Black Friday 2025')!;
    // Sent on Tuesday 25 November 2025, three days before Black Friday (28 November).
    expect(clock.civil(bf.sendT)).toEqual([2025, 11, 25]);
  });
});

describe('Clock.sample', () => {
  const clock = new Clock(NOW);
  const rng = createRng(17);
  it('stays inside its window', () => {
    for (let i = 0; i < 2000; i++) {
      const lo = rng.int(clock.nowT - 100 * 86400);
      const hi = lo + rng.int(100 * 86400);
      const t = clock.sample(rng, lo, hi, 'online', 3);
      expect(t).toBeGreaterThanOrEqual(lo);
      expect(t).toBeLessThanOrEqual(hi);
    }
  });
  it('puts store visits on weekdays and in opening hours, online shopping on weekends', () => {
    const weekday = (t: number) => new Date(clock.toMs(t)).getUTCDay();
    const share = (rhythm: 'online' | 'store', days: number[]) => {
      let n = 0;
      for (let i = 0; i < 20_000; i++) if (days.includes(weekday(clock.sample(rng, 0, clock.nowT, rhythm, 0)))) n++;
      return n / 20_000;
    };
    expect(share('store', [0])).toBeLessThan(0.1);
    expect(share('online', [0, 6])).toBeGreaterThan(share('store', [0, 6]) + 0.05);
    for (let i = 0; i < 2000; i++) {
      const hour = new Date(clock.toMs(clock.sample(rng, 0, clock.nowT, 'store', 0))).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(21);
    }
  });
});
