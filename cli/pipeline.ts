// npm run pipeline -- --seed 21 --customers 5000 --out runs/demo [--export kafka,sql,parquet]
// Runs the same pipeline as the browser worker and writes the contract's run tree, the data-product
// review and the asked-for production exports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveParams } from '../src/pipeline/params';
import { runPipeline } from '../src/pipeline/run';
import { forEachRunFile } from '../src/io/run-files';
import { extraRunFiles } from '../src/export/run-exports';
import { parseCliArgs, USAGE } from './args';

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args, params;
  try {
    args = parseCliArgs(argv);
    params = resolveParams(args.params);
  } catch (e) {
    console.error(`pipeline: ${(e as Error).message}`);
    return 2;
  }
  const outDir = resolve(args.out);
  const started = performance.now();
  const run = runPipeline(params, { clock: () => performance.now() });
  const computed = performance.now();
  const lines: string[] = [];
  const write = (path: string, bytes: Uint8Array) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    const table = run.tables.get(path);
    lines.push(`  ${path.padEnd(44)} ${table ? String(table.rowCount).padStart(9) + ' rows' : ''}`);
  };
  forEachRunFile(run, write);
  // Beside the contract's tree, outside the manifest: the review, then any asked-for exports.
  const extras = extraRunFiles(run, args.exports);
  for (const f of extras) write(f.path, f.bytes());
  const written = performance.now();
  console.log(`Wrote ${lines.length} files to ${outDir}`);
  console.log(lines.filter((l) => !l.startsWith('  export/')).join('\n'));
  const exported = extras.filter((f) => f.path.startsWith('export/')).length;
  if (exported > 0) console.log(`  export/ (${args.exports.join(', ')}): ${exported} files`);
  console.log(
    `seed ${params.seed}, ${params.customers} customers, now ${params.now}, issues ${params.issues ? 'on' : 'off'}, ` +
      `link ${params.link.join(',') || 'none'}, placeholder threshold ${params.placeholderThreshold}`,
  );
  console.log(
    `pipeline ${Math.round(computed - started)} ms (${run.timings.map((t) => `${t.stage} ${Math.round(t.ms)}`).join(', ')}), ` +
      `files ${Math.round(written - computed)} ms`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
