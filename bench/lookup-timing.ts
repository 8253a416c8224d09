// Identifier lookup timing: the worker's index built once, then lookups of identifiers typed the
// way people type them (emails in other case with spaces, national phones, loyalty and source ids).
import type { PipelineRun } from '../src/pipeline/run';
import { lookupIndex } from '../src/worker/lookup';

export interface LookupFigures {
  readonly indexMs: number;
  readonly lookups: number;
  readonly found: number;
  readonly perLookupUs: number;
  readonly worstUs: number;
}

function messyInputs(run: PipelineRun, count: number): string[] {
  const { records } = run.silver;
  const out: string[] = [];
  for (let i = 0; out.length < count && i < records.rawRow.length * 4; i++) {
    const r = (i * 7919) % records.rawRow.length;
    switch (i % 4) {
      case 0: if (records.email[r]) out.push(`  ${records.email[r]!.toUpperCase()} `); break;
      case 1: {
        const p = records.phone[r];
        if (p && p.startsWith('+90')) out.push(`0${p.slice(3, 6)} ${p.slice(6, 9)}-${p.slice(9, 11)} ${p.slice(11)}`);
        else if (p) out.push(`00${p.slice(1)}`);
        break;
      }
      case 2: out.push(records.loyalty[r] ? records.loyalty[r]!.toLowerCase() : records.id[r].toLowerCase()); break;
      default: out.push(records.id[r].toLowerCase());
    }
  }
  return out;
}

export function timeLookups(run: PipelineRun, count = 20_000): LookupFigures {
  const t0 = performance.now();
  const index = lookupIndex(run);
  const indexMs = performance.now() - t0;
  const inputs = messyInputs(run, count);
  let found = 0, worst = 0;
  const start = performance.now();
  for (const text of inputs) {
    const a = performance.now();
    if (index.lookup(text).customerKey !== null) found++;
    const d = performance.now() - a;
    if (d > worst) worst = d;
  }
  const total = performance.now() - start;
  return { indexMs, lookups: inputs.length, found, perLookupUs: (total / inputs.length) * 1000, worstUs: worst * 1000 };
}
