// Run parameters between the URL (text), the form and the worker (RunParams). Validation is the
// pipeline's own (src/pipeline/params.ts), so the UI refuses exactly what the CLI refuses.
import { DEFAULT_PARAMS, ParamError, resolveParams, type RunParams, type RunParamsInput } from '../../pipeline/params';
import type { RunText } from './url-state';

export const CUSTOMER_PRESETS = [1000, 5000, 25000, 100000, 250000] as const;

export function paramsKey(p: RunParams): string {
  return JSON.stringify([p.seed, p.customers, p.now, p.issues, p.link, p.placeholderThreshold]);
}

/** Canonical URL text of a parameter set (every run parameter is written, so links stay exact). */
export function runTextOf(p: RunParams): RunText {
  const t: RunText = { seed: String(p.seed), customers: String(p.customers), now: p.now, issues: String(p.issues) };
  if (paramsKey({ ...DEFAULT_PARAMS, link: p.link }) !== paramsKey(DEFAULT_PARAMS)) t.link = p.link.join(',');
  if (p.placeholderThreshold !== DEFAULT_PARAMS.placeholderThreshold) t.placeholderThreshold = String(p.placeholderThreshold);
  return t;
}

function toInput(t: RunText): RunParamsInput {
  const input: RunParamsInput = {};
  if (t.seed !== undefined) input.seed = t.seed;
  if (t.customers !== undefined) input.customers = t.customers;
  if (t.now !== undefined) input.now = t.now;
  if (t.issues !== undefined) input.issues = t.issues;
  if (t.link !== undefined) input.link = t.link;
  if (t.placeholderThreshold !== undefined) input.placeholderThreshold = t.placeholderThreshold;
  return input;
}

export interface ResolvedRun {
  params: RunParams;
  /** Parameters that were refused (each replaced by its default). */
  errors: ParamError[];
}

/** Validates URL text; a refused parameter falls back to its default and is reported. */
export function resolveRunText(t: RunText): ResolvedRun {
  const input = toInput(t);
  const errors: ParamError[] = [];
  for (let i = 0; i < 8; i++) {
    try {
      return { params: resolveParams(input), errors };
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      errors.push(e);
      delete (input as Record<string, unknown>)[e.param];
    }
  }
  return { params: DEFAULT_PARAMS, errors };
}

/** Validates one form; returns the parameters or the first refusal. */
export function validateRun(t: RunText): { ok: true; params: RunParams } | { ok: false; error: ParamError } {
  try {
    return { ok: true, params: resolveParams(toInput(t)) };
  } catch (e) {
    if (e instanceof ParamError) return { ok: false, error: e };
    throw e;
  }
}

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

export const fmtInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
