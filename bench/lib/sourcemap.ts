import fs from 'node:fs';
import path from 'node:path';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Generated line → sorted [column, source index, source line] segments. */
type Lines = [number, number, number][][];

export interface SourceMap {
  /** The original file and 1-based line of a generated position (0-based line and column). */
  lookup(line: number, column: number): { source: string; line: number } | undefined;
}

/** A minimal reader of a version-3 source map (enough to name the TypeScript file of a profile frame). */
export function readSourceMap(mapFile: string): SourceMap | undefined {
  let raw: { sources: string[]; mappings: string; sourceRoot?: string };
  try {
    raw = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  } catch {
    return undefined;
  }
  const dir = path.dirname(mapFile);
  const sources = raw.sources.map((s) => path.resolve(dir, raw.sourceRoot ?? '', s));
  const lines: Lines = [];
  let src = 0;
  let srcLine = 0;
  for (const lineText of raw.mappings.split(';')) {
    const segs: [number, number, number][] = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const vals: number[] = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const digit = B64_INDEX.get(ch) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length >= 4) {
        src += vals[1];
        srcLine += vals[2];
        segs.push([col, src, srcLine]);
      }
    }
    lines.push(segs);
  }
  return {
    lookup(line, column) {
      const segs = lines[line];
      if (!segs?.length) return undefined;
      let best = segs[0];
      for (const s of segs) {
        if (s[0] > column) break;
        best = s;
      }
      return { source: sources[best[1]], line: best[2] + 1 };
    },
  };
}
