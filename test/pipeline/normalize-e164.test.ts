// phone_e164 returns a phone typed in E.164 form as it is; the bounds still hold on that path.
import { describe, expect, it } from 'vitest';
import { phoneE164 } from '../../src/pipeline/silver/normalize';

describe('phone_e164 of phones already in E.164 form', () => {
  const cases = [
    { name: '8 digits', raw: '+12345678', expected: '+12345678' },
    { name: '15 digits', raw: '+123456789012345', expected: '+123456789012345' },
    { name: '7 digits is too short', raw: '+1234567', expected: null },
    { name: '16 digits is too long', raw: '+1234567890123456', expected: null },
    { name: 'the country does not matter', raw: '+905321112233', expected: '+905321112233' },
    { name: 'a trailing space is trimmed', raw: '+905321112233 ', expected: '+905321112233' },
  ];
  it.each(cases)('$name', ({ raw, expected }) => expect(phoneE164(raw, 'US')).toBe(expected));
});
