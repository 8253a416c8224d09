// Summary of a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and
// the most inclusive time, and self time per source file.
//   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]
// (with tsx, `node --cpu-prof` also writes a small profile for the loader thread: take the `.0.` one)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const i = url.indexOf('/src/');
  if (i >= 0) return url.slice(i + 1);
  const b = url.indexOf('/bench/');
  if (b >= 0) return url.slice(b + 1);
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}

// Line numbers are left out: under tsx they point into the transformed module, not the source.
const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}`;

export function summarizeCpuProfile(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) byId.set(n.id, n);
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });

  const selfByFn = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclByFn = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const key = keyOf(node);
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
    const file = shortUrl(node.callFrame.url);
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclByFn.set(k, (inclByFn.get(k) ?? 0) + us);
    }
  }

  const fmt = (m: Map<string, number>, n: number, skip: (k: string) => boolean = () => false) =>
    [...m]
      .filter(([k]) => !skip(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  const wrapper = (k: string) =>
    /^\((root|program|idle)\)|^evaluate\s|node:internal|tsx\/dist|bench\//.test(k) || (k.startsWith('(anonymous)') && !k.includes('src/'));
  return [
    `CPU profile ${path}: ${(totalUs / 1000).toFixed(0)} ms sampled`,
    `Self time by function (top ${top}):`,
    fmt(selfByFn, top),
    `Self time by file (top ${Math.min(top, 15)}):`,
    fmt(selfByFile, Math.min(top, 15)),
    `Inclusive time by function (top ${top}, runtime wrappers left out):`,
    fmt(inclByFn, top, wrapper),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top] = process.argv.slice(2);
  if (!file || (top !== undefined && !/^\d+$/.test(top))) {
    console.error('usage: npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]');
    process.exitCode = 2;
  } else {
    console.log(summarizeCpuProfile(file, top ? Number(top) : 25));
  }
}
