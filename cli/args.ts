// Command-line arguments → run parameters, refusing anything unknown or malformed with one line
// that says what was wrong and what is allowed.
import type { RunParamsInput } from '../src/pipeline/params';
import { ParamError } from '../src/pipeline/params';
import { parseExportKinds, type ExportKind } from '../src/export/run-exports';

export interface CliArgs {
  readonly params: RunParamsInput;
  readonly out: string;
  /** Production exports to write under `export/` beside the run tree. */
  readonly exports: readonly ExportKind[];
}

const VALUE_FLAGS: Record<string, keyof RunParamsInput | 'out' | 'export'> = {
  '--seed': 'seed',
  '--customers': 'customers',
  '--now': 'now',
  '--link': 'link',
  '--placeholder-threshold': 'placeholderThreshold',
  '--out': 'out',
  '--export': 'export',
};

export const USAGE =
  'usage: npm run pipeline -- [--seed N] [--customers N] [--now ISO] [--no-issues] [--link email,phone,loyalty] [--placeholder-threshold N] [--out DIR] [--export kafka,sql,parquet|all]';

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const params: Record<string, unknown> = {};
  let out = 'runs/latest';
  let exports: ExportKind[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--no-issues') {
      params.issues = false;
      continue;
    }
    if (flag === '--issues') {
      params.issues = true;
      continue;
    }
    const target = VALUE_FLAGS[flag];
    if (!target) {
      throw new ParamError('args', `unknown argument "${raw}"; allowed: --seed, --customers, --now, --no-issues, --link, --placeholder-threshold, --out, --export`);
    }
    let value: string | undefined;
    if (eq > 0 && raw.startsWith('--')) value = raw.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && flag !== '--link')) {
        throw new ParamError(target, `${flag} needs a value`);
      }
      i++;
    }
    if (target === 'out') out = value;
    else if (target === 'export') exports = parseExportKinds(value);
    else params[target] = value;
  }
  return { params: params as RunParamsInput, out, exports };
}
