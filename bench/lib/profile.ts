import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';
import { readSourceMap, type SourceMap } from './sourcemap.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Where a frame's code lives: a package, a folder of server/src, or the runtime. */
function area(url: string): string {
  if (!url) return '(native/runtime)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const src = /server\/src\/([^/]+)/.exec(url);
  if (src) return `server/src/${src[1].replace(/\.ts$/, '')}`;
  if (url.startsWith('node:')) return url;
  return path.relative(REPO_ROOT, url.replace(/^file:\/\//, ''));
}

/** The hottest functions (self time) and areas of the newest .cpuprofile in `dir`. */
export function summarizeProfile(dir: string, top = 15): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return `(no .cpuprofile in ${dir})`;
  const file = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const total = prof.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const idle = prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const busy = total - idle || 1;
  const maps = new Map<string, SourceMap | undefined>();
  /** Bundled frames (server/dist) point back to their TypeScript file through the bundle's source map. */
  const original = (f: ProfileNode['callFrame']) => {
    if (!/server\/dist\/.*\.mjs$/.test(f.url)) return { url: f.url, line: f.lineNumber + 1 };
    const file = f.url.replace(/^file:\/\//, '');
    if (!maps.has(file)) maps.set(file, readSourceMap(`${file}.map`));
    const hit = maps.get(file)?.lookup(f.lineNumber, f.columnNumber);
    return hit ? { url: hit.source, line: hit.line } : { url: f.url, line: f.lineNumber + 1 };
  };
  const byFn = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const n of prof.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || n.callFrame.functionName === '(idle)') continue;
    const f = n.callFrame;
    const o = original(f);
    const where = /server\/src\//.test(o.url)
      ? o.url.replace(/^.*server\/src\//, 'server/src/')
      : /node_modules\//.test(o.url)
        ? o.url.replace(/^.*node_modules\//, '')
        : area(o.url);
    const key = `${f.functionName || '(anonymous)'}  ${o.url ? `${where}:${o.line}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
    const a = f.functionName === '(garbage collector)' ? '(gc)' : f.functionName === '(program)' ? '(program)' : area(o.url);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
  }
  // Inclusive time of product functions (self + callees, per synchronous stretch: async work after an await counts apart).
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const inclusiveOf = new Map<number, number>();
  const inclusive = (n: ProfileNode): number => {
    const cached = inclusiveOf.get(n.id);
    if (cached !== undefined) return cached;
    let h = n.callFrame.functionName === '(idle)' ? 0 : (n.hitCount ?? 0);
    for (const c of n.children ?? []) h += inclusive(byId.get(c) as ProfileNode);
    inclusiveOf.set(n.id, h);
    return h;
  };
  const byFnTotal = new Map<string, number>();
  const onStack = new Set<string>();
  const walk = (n: ProfileNode) => {
    const o = original(n.callFrame);
    const isProduct = /server\/src\//.test(o.url);
    const key = isProduct
      ? `${n.callFrame.functionName || '(anonymous)'}  ${o.url.replace(/^.*server\/src\//, 'server/src/')}:${o.line}`
      : '';
    // Recursion: count a function once per stack.
    const add = isProduct && !onStack.has(key);
    if (add) {
      byFnTotal.set(key, (byFnTotal.get(key) ?? 0) + inclusive(n));
      onStack.add(key);
    }
    for (const c of n.children ?? []) walk(byId.get(c) as ProfileNode);
    if (add) onStack.delete(key);
  };
  walk(prof.nodes[0]);
  const pct = (h: number) => `${((h / busy) * 100).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `profile ${path.relative(REPO_ROOT, file)}: busy ${((busy / total) * 100).toFixed(0)}% of samples`,
    'self time by area:',
    ...sorted(byArea).map(([k, h]) => `  ${pct(h)}  ${k}`),
    'hottest functions (self):',
    ...sorted(byFn).map(([k, h]) => `  ${pct(h)}  ${k}`),
    'product functions by inclusive time (self + callees):',
    ...sorted(byFnTotal).map(([k, h]) => `  ${pct(h)}  ${k}`),
  ].join('\n');
}
