import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../cli/args';
import { resolveParams } from '../../src/pipeline/params';

const parse = (argv: string[]) => resolveParams(parseCliArgs(argv).params);

describe('CLI arguments', () => {
  it('takes every documented flag', () => {
    const a = parseCliArgs(['--seed', '7', '--customers', '1000', '--now', '2026-01-01T00:00:00Z', '--no-issues', '--link', 'phone,email', '--placeholder-threshold', '3', '--out', 'runs/x']);
    expect(a.out).toBe('runs/x');
    expect(resolveParams(a.params)).toEqual({ seed: 7, customers: 1000, now: '2026-01-01T00:00:00Z', issues: false, link: ['email', 'phone'], placeholderThreshold: 3 });
  });
  it('takes --export as a list, in a fixed order, or all', () => {
    expect(parseCliArgs([]).exports).toEqual([]);
    expect(parseCliArgs(['--export', 'parquet,kafka']).exports).toEqual(['kafka', 'parquet']);
    expect(parseCliArgs(['--export=SQL']).exports).toEqual(['sql']);
    expect(parseCliArgs(['--export', 'all']).exports).toEqual(['kafka', 'sql', 'parquet']);
  });
  it('accepts --flag=value', () => expect(parse(['--seed=4294967295']).seed).toBe(4294967295));

  const bad: { argv: string[]; message: RegExp }[] = [
    { argv: ['--seed', '-1'], message: /seed must be a whole number from 0 to 4294967295/ },
    { argv: ['--seed', '4294967296'], message: /seed must be/ },
    { argv: ['--seed', '1.5'], message: /seed must be/ },
    { argv: ['--seed', 'abc'], message: /seed must be/ },
    { argv: ['--customers', '99'], message: /customers must be a whole number from 100 to 1,000,000/ },
    { argv: ['--customers', '1000001'], message: /customers must be/ },
    { argv: ['--customers', '5e3'], message: /customers must be/ },
    { argv: ['--now', '2026-06-30 12:00:00'], message: /now must be an ISO 8601 UTC instant/ },
    { argv: ['--now', '2026-02-30T12:00:00Z'], message: /now must be/ },
    { argv: ['--now', '2026-06-30T12:00:00+03:00'], message: /now must be/ },
    { argv: ['--link', 'email,fax'], message: /link takes any of email, phone, loyalty/ },
    { argv: ['--placeholder-threshold', '0'], message: /placeholder threshold must be/ },
    { argv: ['--verbose'], message: /unknown argument "--verbose"/ },
    { argv: ['--seed'], message: /--seed needs a value/ },
    { argv: ['--export', 'kafka,avro'], message: /export takes any of kafka, sql, parquet \(comma-separated\) or all; got "avro"/ },
    { argv: ['--export', ','], message: /export takes any of .* got nothing/ },
    { argv: ['--export'], message: /--export needs a value/ },
  ];
  it.each(bad)('refuses $argv', ({ argv, message }) => expect(() => parse(argv)).toThrow(message));
});
