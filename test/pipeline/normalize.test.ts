import { describe, expect, it } from 'vitest';
import { normalizeEmail, phoneE164 } from '../../src/pipeline/silver/normalize';

describe('email_normalized: trimmed, lower-cased, null unless local@domain.tld', () => {
  const cases: { name: string; input: string | null; expected: string | null }[] = [
    { name: 'plain', input: 'ayse@example.com', expected: 'ayse@example.com' },
    { name: 'upper case and spaces', input: '  Ayse.Yilmaz@Gmail.COM ', expected: 'ayse.yilmaz@gmail.com' },
    { name: 'subdomain', input: 'a@mail.example.co.uk', expected: 'a@mail.example.co.uk' },
    { name: 'no tld', input: 'ayse@gmail', expected: null },
    { name: 'no local part', input: '@gmail.com', expected: null },
    { name: 'two @', input: 'a@b@c.com', expected: null },
    { name: 'inner space', input: 'ay se@gmail.com', expected: null },
    { name: 'empty label', input: 'a@gmail..com', expected: null },
    { name: 'empty', input: '', expected: null },
    { name: 'spaces only', input: '   ', expected: null },
    { name: 'null', input: null, expected: null },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(normalizeEmail(input)).toBe(expected));
});

describe('phone_e164: international as typed, national with trunk 0 dropped and calling code added', () => {
  const cases: { name: string; raw: string | null; country: string | null; expected: string | null }[] = [
    { name: 'TR national with trunk 0 and spaces', raw: '0532 111 22 33', country: 'TR', expected: '+905321112233' },
    { name: 'TR international with +', raw: '+90 532 111 22 33', country: 'TR', expected: '+905321112233' },
    { name: 'TR international with 00', raw: '0090 532 111 22 33', country: 'TR', expected: '+905321112233' },
    { name: 'TR national without trunk 0', raw: '532-111-22-33', country: 'TR', expected: '+905321112233' },
    { name: 'international ignores the country', raw: '+49 30 1234567', country: 'TR', expected: '+49301234567' },
    { name: 'US national, no trunk', raw: '(212) 555-0147', country: 'US', expected: '+12125550147' },
    { name: 'GB national', raw: '020 7946 0018', country: 'GB', expected: '+442079460018' },
    { name: 'DE national', raw: '030 1234567', country: 'DE', expected: '+49301234567' },
    { name: 'KZ national', raw: '0701 234 5678', country: 'KZ', expected: '+77012345678' },
    { name: 'AZ national', raw: '050 123 45 67', country: 'AZ', expected: '+994501234567' },
    { name: 'UZ national', raw: '090 123 45 67', country: 'UZ', expected: '+998901234567' },
    { name: 'only one trunk 0 dropped', raw: '00532', country: 'TR', expected: null },
    { name: 'unknown country gives null', raw: '0532 111 22 33', country: 'FR', expected: null },
    { name: 'missing country gives null', raw: '0532 111 22 33', country: null, expected: null },
    { name: 'too short', raw: '+90 12', country: 'TR', expected: null },
    { name: 'too long', raw: '+90 1234567890123456', country: 'TR', expected: null },
    { name: 'exactly 8 digits', raw: '+12345678', country: 'TR', expected: '+12345678' },
    { name: 'exactly 15 digits', raw: '+123456789012345', country: 'TR', expected: '+123456789012345' },
    { name: 'leading spaces before +', raw: '  +90 532 111 22 33', country: 'TR', expected: '+905321112233' },
    { name: 'empty', raw: '', country: 'TR', expected: null },
  ];
  it.each(cases)('$name', ({ raw, country, expected }) => expect(phoneE164(raw, country)).toBe(expected));
});
