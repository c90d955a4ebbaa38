import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The budget of the issue: the JavaScript a first visit downloads before anything is lazy-loaded. */
export const INITIAL_JS_BUDGET_KB = 300;

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
}

/** Gzip size of the entry chunks and everything they import statically (not dynamic imports). */
export function initialJsSize(chunks: Map<string, ChunkInfo>): { bytes: number; files: string[] } {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = chunks.get(name);
    if (!chunk) return;
    seen.add(name);
    for (const dep of chunk.imports) visit(dep);
  };
  for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
  let bytes = 0;
  for (const name of seen) bytes += gzipSync(chunks.get(name)!.code, { level: 9 }).length;
  return { bytes, files: [...seen] };
}

/** Prints the initial JavaScript size after a build and fails the build when it is over budget. */
export function initialJsSizePlugin(budgetKb = INITIAL_JS_BUDGET_KB): Plugin {
  return {
    name: 'rapport:initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type === 'chunk') chunks.set(fileName, { code: out.code, imports: out.imports, isEntry: out.isEntry });
      }
      const { bytes, files } = initialJsSize(chunks);
      const kb = bytes / 1024;
      const line = `Initial JavaScript: ${kb.toFixed(1)} KB gzip in ${files.length} file(s) (budget ${budgetKb} KB)`;
      if (kb > budgetKb) this.error(`${line} — over budget: split more code by route (React.lazy).`);
      console.log(line);
    },
  };
}
