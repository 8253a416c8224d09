// DuckDB scalar macros for the steps plain SQL has no built-in for: the CSV writer's formula
// neutralising and quoting, JavaScript's notion of whitespace, the contract's timestamp form,
// email and E.164 normalisation, FNV-1a 64 and the lab's rounding. Each mirrors one function of
// the TypeScript pipeline (named in its comment) so the SQL gives the same text.
import type { RunParams } from '../../pipeline/params';
import { CALLING_CODES } from '../../pipeline/schema/enums';
import { lit } from './model';

/** JavaScript's String.prototype.trim() set (WhiteSpace + LineTerminator), as an RE2 class body. */
const JS_SPACE = String.raw`\s\x{000B}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;

const callingCodes = Object.entries(CALLING_CODES).map(([c, code]) => `WHEN ${lit(c)} THEN ${lit(code)}`).join(' ');

/** name → body; created in this order (later macros use earlier ones). */
const MACROS: readonly (readonly [string, string])[] = [
  // src/pipeline/silver/validate.ts isBlank: null, empty or only JS whitespace.
  ['c360_is_blank(v)', String.raw`v IS NULL OR regexp_full_match(v, '[${JS_SPACE}]*')`],
  ['c360_js_trim(v)', String.raw`regexp_replace(v, '^[${JS_SPACE}]+|[${JS_SPACE}]+$', '', 'g')`],
  // src/io/csv-writer.ts neutraliseFormula: a leading ' on text a spreadsheet would run.
  ['c360_neutralise(v)', String.raw`CASE
      WHEN v IS NULL OR v = '' THEN v
      WHEN left(v, 1) IN ('=', '@', chr(9), chr(13), chr(10)) THEN '''' || v
      WHEN left(v, 1) IN ('+', '-') AND NOT regexp_full_match(v, '[+-][0-9 ().\-/]*') THEN '''' || v
      ELSE v END`],
  // src/io/table-from-text.ts unneutralise: strip the one ' the writer added, and only that.
  ['c360_unneutralise(v)', `CASE WHEN starts_with(v, '''') AND c360_neutralise(substr(v, 2)) = v THEN substr(v, 2) ELSE v END`],
  // src/io/csv-writer.ts quoteField: quoted only when it holds , " CR or LF.
  ['c360_csv_field(v)', String.raw`CASE WHEN v IS NULL THEN '' WHEN regexp_matches(v, '[",\r\n]') THEN '"' || replace(v, '"', '""') || '"' ELSE v END`],
  // src/pipeline/time.ts parseIsoUtc: YYYY-MM-DDTHH:MM:SSZ, 1-3 fractional digits, real dates only.
  ['c360_ts_parts(v)', String.raw`regexp_extract(v, '^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$', ['y', 'mo', 'd', 'h', 'mi', 's', 'f'])`],
  ['c360_days_in_month(y, m)', `CASE WHEN m = 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 29 ELSE 28 END
      WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END`],
  ['c360_ts_parts_valid(p)', `coalesce(p.y <> ''
      AND try_cast(p.mo AS INTEGER) BETWEEN 1 AND 12
      AND try_cast(p.d AS INTEGER) BETWEEN 1 AND c360_days_in_month(try_cast(p.y AS INTEGER), try_cast(p.mo AS INTEGER))
      AND try_cast(p.h AS INTEGER) <= 23 AND try_cast(p.mi AS INTEGER) <= 59 AND try_cast(p.s AS INTEGER) <= 59, false)`],
  ['c360_ts_valid(v)', 'c360_ts_parts_valid(c360_ts_parts(v))'],
  ['c360_ts_from_parts(p)', `try_cast(p.y || '-' || p.mo || '-' || p.d || ' ' || p.h || ':' || p.mi || ':' || p.s
      || CASE WHEN p.f = '' THEN '' ELSE '.' || rpad(p.f, 3, '0') END AS TIMESTAMP)`],
  ['c360_parse_ts(v)', 'CASE WHEN c360_ts_valid(v) THEN c360_ts_from_parts(c360_ts_parts(v)) END'],
  // src/pipeline/time.ts formatIsoUtc: milliseconds only when present.
  ['c360_fmt_ts(t)', `strftime(t, '%Y-%m-%dT%H:%M:%S')
      || CASE WHEN (epoch_ms(t) % 1000 + 1000) % 1000 = 0 THEN '' ELSE '.' || lpad(((epoch_ms(t) % 1000 + 1000) % 1000)::VARCHAR, 3, '0') END
      || 'Z'`],
  // src/pipeline/silver/normalize.ts normalizeEmail: trimmed, lower-cased, local@domain.tld.
  ['c360_email_form(e)', String.raw`CASE WHEN e <> '' AND regexp_full_match(e, '[^@${JS_SPACE}]+@[^@.${JS_SPACE}]+(?:\.[^@.${JS_SPACE}]+)+') THEN e END`],
  ['c360_email(raw)', 'c360_email_form(lower(c360_js_trim(raw)))'],
  // src/pipeline/silver/normalize.ts phoneE164: + or 00 is international, else trunk 0 off and the calling code on.
  ['c360_calling_code(country)', `CASE country ${callingCodes} END`],
  ['c360_e164_digits(d)', `CASE WHEN length(d) BETWEEN 8 AND 15 THEN '+' || d END`],
  ['c360_phone_trimmed(t, country)', `CASE
      WHEN t = '' THEN NULL
      WHEN starts_with(t, '+') THEN c360_e164_digits(regexp_replace(t, '[^0-9]+', '', 'g'))
      WHEN starts_with(t, '00') THEN c360_e164_digits(substr(regexp_replace(t, '[^0-9]+', '', 'g'), 3))
      ELSE c360_e164_digits(c360_calling_code(c360_js_trim(country)) || regexp_replace(regexp_replace(t, '[^0-9]+', '', 'g'), '^0', ''))
      END`],
  ['c360_phone_e164(raw, country)', String.raw`CASE WHEN raw IS NULL THEN NULL WHEN regexp_full_match(raw, '\+\d{8,15}') THEN raw
      ELSE c360_phone_trimmed(c360_js_trim(raw), country) END`],
  // src/pipeline/hash.ts fnv1a64: over the UTF-8 bytes, 64-bit wrap-around done in HUGEINT mod 2^64.
  ['c360_fnv1a64(s)', `printf('%016x', list_reduce(
      list_transform(regexp_extract_all(hex(encode(s)), '..'), lambda x: ('0x' || x)::INTEGER),
      lambda h, b: (xor(h, b::HUGEINT) * 1099511628211::HUGEINT) % 18446744073709551616::HUGEINT,
      14695981039346656037::HUGEINT)::UBIGINT)`],
  // src/pipeline/rounding.ts roundScaled: half away from zero, a float within 1e-9 of a tie is the tie.
  ['c360_round_abs(y)', `CASE WHEN y - floor(y) > 0.5::DOUBLE OR abs(y - floor(y) - 0.5::DOUBLE) < greatest(1e-9::DOUBLE, y * 1e-15::DOUBLE)
      THEN floor(y) + 1 ELSE floor(y) END`],
  ['c360_round_scaled(x, d)', `CASE WHEN x IS NULL OR isnan(x::DOUBLE) THEN NULL
      ELSE (sign(x::DOUBLE) * c360_round_abs(abs(x::DOUBLE) * pow(10, d)::DOUBLE))::HUGEINT END`],
  // src/pipeline/rounding.ts fixedText: 12345, 2 → 123.45. (DuckDB's lpad cuts longer text, so pad only short digits.)
  ['c360_digits_padded(t, n)', 'CASE WHEN length(t) < n THEN lpad(t, n, \'0\') ELSE t END'],
  ['c360_fixed_digits(p, d, neg)', `CASE WHEN neg THEN '-' ELSE '' END || left(p, length(p) - d) || CASE WHEN d > 0 THEN '.' || right(p, d) ELSE '' END`],
  ['c360_fixed_text(s, d)', 'CASE WHEN s IS NOT NULL THEN c360_fixed_digits(c360_digits_padded(abs(s)::VARCHAR, d + 1), d, s < 0) END'],
  ['c360_fmt_decimal(x, d)', 'c360_fixed_text(c360_round_scaled(x, d), d)'],
  /** Integer cents as money: exact DECIMAL arithmetic, never a float. */
  ['c360_cents_to_money(c)', 'CAST(CAST(c AS DECIMAL(38, 0)) * 0.01 AS DECIMAL(18, 2))'],
  ['c360_money_cents(m)', 'CAST(m * 100 AS HUGEINT)'],
  ['c360_fmt_bool(b)', `CASE WHEN b THEN 'true' WHEN NOT b THEN 'false' END`],
];

/** The run parameters, as macros so every connection (dbt's threads too) sees them. */
export function paramMacros(params: RunParams): [string, string][] {
  return [
    ['c360_now()', `TIMESTAMP ${lit(params.now.replace('T', ' ').replace('Z', ''))}`],
    ['c360_link_email()', String(params.link.includes('email'))],
    ['c360_link_phone()', String(params.link.includes('phone'))],
    ['c360_link_loyalty()', String(params.link.includes('loyalty'))],
    ['c360_placeholder_threshold()', String(params.placeholderThreshold)],
  ];
}

/** Jinja forms of the parameter macros for dbt: the values come from the project's vars. */
export const DBT_PARAM_MACROS: readonly [string, string][] = [
  ['c360_now()', `TIMESTAMP '{{ var("now") | replace("T", " ") | replace("Z", "") }}'`],
  ['c360_link_email()', `{{ 'true' if 'email' in var('link') else 'false' }}`],
  ['c360_link_phone()', `{{ 'true' if 'phone' in var('link') else 'false' }}`],
  ['c360_link_loyalty()', `{{ 'true' if 'loyalty' in var('link') else 'false' }}`],
  ['c360_placeholder_threshold()', `{{ var('placeholder_threshold') }}`],
];

export function macroStatements(macros: readonly (readonly [string, string])[] = MACROS): string[] {
  return macros.map(([name, body]) => `CREATE OR REPLACE MACRO ${name} AS ${body}`);
}
