// Run parameters: the only inputs of a run besides code. Validated once, here, for the CLI,
// the worker and the UI alike, with messages that say what was wrong and what is allowed.
import { parseIsoUtc } from './time';

export const IDENTIFIER_KINDS = ['email', 'phone', 'loyalty'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface RunParams {
  readonly seed: number;
  readonly customers: number;
  /** ISO 8601 UTC, `2026-06-30T12:00:00Z` form. */
  readonly now: string;
  readonly issues: boolean;
  /** In the order email, phone, loyalty. */
  readonly link: readonly IdentifierKind[];
  readonly placeholderThreshold: number;
}

export const DEFAULT_NOW = '2026-06-30T12:00:00Z';
export const MIN_CUSTOMERS = 100;
export const MAX_CUSTOMERS = 1_000_000;

export const DEFAULT_PARAMS: RunParams = {
  seed: 21,
  customers: 5000,
  now: DEFAULT_NOW,
  issues: true,
  link: IDENTIFIER_KINDS,
  placeholderThreshold: 5,
};

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

export type RunParamsInput = Partial<{
  seed: number | string;
  customers: number | string;
  now: string;
  issues: boolean | string;
  link: readonly string[] | string;
  placeholderThreshold: number | string;
}>;

function wholeNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  return /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
}

export function parseSeed(v: number | string): number {
  const n = wholeNumber(v);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new ParamError('seed', `seed must be a whole number from 0 to 4294967295 (an unsigned 32-bit integer), got "${v}"`);
  }
  return n;
}

export function parseCustomers(v: number | string): number {
  const n = wholeNumber(v);
  if (!Number.isInteger(n) || n < MIN_CUSTOMERS || n > MAX_CUSTOMERS) {
    throw new ParamError('customers', `customers must be a whole number from 100 to 1,000,000, got "${v}"`);
  }
  return n;
}

export function parseNow(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v) || Number.isNaN(parseIsoUtc(v))) {
    throw new ParamError('now', `now must be an ISO 8601 UTC instant like 2026-06-30T12:00:00Z, got "${v}"`);
  }
  return v;
}

export function parseLink(v: readonly string[] | string): IdentifierKind[] {
  const parts = typeof v === 'string' ? (v.trim() === '' ? [] : v.split(',').map((s) => s.trim())) : [...v];
  for (const p of parts) {
    if (!(IDENTIFIER_KINDS as readonly string[]).includes(p)) {
      throw new ParamError('link', `link takes any of email, phone, loyalty (comma-separated), got "${p}"`);
    }
  }
  return IDENTIFIER_KINDS.filter((k) => parts.includes(k));
}

export function parsePlaceholderThreshold(v: number | string): number {
  const n = wholeNumber(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new ParamError('placeholderThreshold', `placeholder threshold must be a whole number from 1 to 1,000,000, got "${v}"`);
  }
  return n;
}

function parseBool(v: boolean | string, name: string): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1' || v === 'on') return true;
  if (v === 'false' || v === '0' || v === 'off') return false;
  throw new ParamError(name, `${name} must be true or false, got "${v}"`);
}

/** Fills defaults and validates; throws ParamError naming the first bad parameter. */
export function resolveParams(input: RunParamsInput = {}): RunParams {
  return {
    seed: input.seed === undefined ? DEFAULT_PARAMS.seed : parseSeed(input.seed),
    customers: input.customers === undefined ? DEFAULT_PARAMS.customers : parseCustomers(input.customers),
    now: input.now === undefined ? DEFAULT_PARAMS.now : parseNow(input.now),
    issues: input.issues === undefined ? DEFAULT_PARAMS.issues : parseBool(input.issues, 'issues'),
    link: input.link === undefined ? DEFAULT_PARAMS.link : parseLink(input.link),
    placeholderThreshold:
      input.placeholderThreshold === undefined
        ? DEFAULT_PARAMS.placeholderThreshold
        : parsePlaceholderThreshold(input.placeholderThreshold),
  };
}
