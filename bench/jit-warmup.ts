// What a first run pays for each distinct hot loop: npx tsx bench/jit-warmup.ts [--chromium]
// The same work (200 passes of one small loop over 20,000 numbers) is done by 1, 10, 50 or 200
// distinct functions, each in a fresh engine (a child process; with --chromium, also a fresh
// worker in headless Chromium). Every distinct function starts in the engine's unoptimised tiers
// and waits for its own optimised code, so the difference between 200 functions and 1 is the
// warm-up the engine charges per distinct hot loop. The pipeline has about 170 of them: this is
// why its first run takes several times longer than the runs after it (see README, Performance).
import { spawnSync } from 'node:child_process';

const PASSES = 200;
const N = 20_000;
const COUNTS = [1, 10, 50, 200];

/** The workload as source text, for a child process and for a worker alike; reports via `report`. */
function workload(k: number): string {
  return `
const K = ${k}, PASSES = ${PASSES}, N = ${N};
const a = new Float64Array(N).map((_, i) => (i * 7919) % 1000);
const b = new Int32Array(N);
const fns = [];
for (let k = 0; k < K; k++) {
  // a distinct source per function: its own bytecode, feedback and optimised code
  fns.push(new Function('a', 'b', 'n', \`
    let s = \${k};
    for (let i = 0; i < n; i++) {
      const v = a[i] * \${1 + (k % 7)} + s;
      if (v > \${500 + k}) { b[i] = (b[i] + \${k}) | 0; s += 1; } else { s = (s + b[i]) % 1000003; }
    }
    return s;\`));
}
const t0 = performance.now();
let x = 0;
for (let p = 0; p < PASSES; p++) x += fns[p % K](a, b, N);
report(performance.now() - t0, x);
`;
}

function inNode(k: number): number {
  const code = `const report = (ms, x) => console.log(JSON.stringify({ ms, x }));\n${workload(k)}`;
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node child failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { ms: number }).ms;
}

async function inChromium(counts: readonly number[]): Promise<number[]> {
  const { chromium } = await import('playwright');
  const { chromiumLaunchOptions } = await import('../e2e/chromium');
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const out: number[] = [];
  try {
    for (const k of counts) {
      const page = await browser.newPage();
      const code = `const report = (ms, x) => postMessage({ ms, x });\n${workload(k)}`;
      const ms = await page.evaluate(
        (src) =>
          new Promise<number>((resolve, reject) => {
            const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
            w.onmessage = (e: MessageEvent<{ ms: number }>) => resolve(e.data.ms);
            w.onerror = (e) => reject(new Error(e.message));
          }),
        code,
      );
      out.push(ms);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function main(): Promise<void> {
  console.log(`${PASSES} passes of one loop over ${N.toLocaleString('en-US')} numbers, split over k distinct functions; fresh engine each time.`);
  const node = COUNTS.map(inNode);
  const chrome = process.argv.includes('--chromium') ? await inChromium(COUNTS) : null;
  console.log(`| distinct functions | Node ${process.version} ms |${chrome ? ' Chromium worker ms |' : ''}`);
  console.log(`|---:|---:|${chrome ? '---:|' : ''}`);
  COUNTS.forEach((k, i) => console.log(`| ${k} | ${node[i].toFixed(0)} |${chrome ? ` ${chrome[i].toFixed(0)} |` : ''}`));
  const last = COUNTS.length - 1;
  const per = (xs: number[]) => ((xs[last] - xs[0]) / (COUNTS[last] - COUNTS[0])).toFixed(2);
  console.log(`\nwarm-up per distinct hot loop: Node ${per(node)} ms${chrome ? `, Chromium ${per(chrome)} ms` : ''}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
