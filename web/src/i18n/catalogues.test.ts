import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergeCatalogues } from './index';
import enBase from './en.json';
import ruBase from './ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
type Catalogue = Record<string, unknown>;
const enParts = import.meta.glob<Catalogue>('./en/*.json', { eager: true, import: 'default' });
const ruParts = import.meta.glob<Catalogue>('./ru/*.json', { eager: true, import: 'default' });
const enKeys = flatten(mergeCatalogues(enBase, Object.values(enParts)) as Tree);
const ruKeys = flatten(mergeCatalogues(ruBase, Object.values(ruParts)) as Tree);
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('translation catalogues', () => {
  it('Russian has every English string (and every Russian plural form), none empty', () => {
    const missing = [...enKeys.keys()].filter((k) => !PLURAL.test(k) && !ruKeys.has(k));
    expect(missing).toEqual([]);
    const plurals = new Set([...enKeys.keys()].filter((k) => PLURAL.test(k)).map(base));
    for (const p of plurals)
      for (const form of ['one', 'few', 'many', 'other']) expect(ruKeys.has(`${p}_${form}`), `${p}_${form}`).toBe(true);
    expect([...ruKeys].filter(([, v]) => !v.trim())).toEqual([]);
    expect([...ruKeys.keys()].filter((k) => !enKeys.has(k) && !enKeys.has(`${base(k)}_other`))).toEqual([]);
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of ruKeys) {
      // A plural form may leave {{count}} out ("one field"), so plurals compare with English "other".
      const english = PLURAL.test(k) ? enKeys.get(`${base(k)}_other`) : enKeys.get(k);
      if (english === undefined) continue;
      const allowed = vars(english);
      if (PLURAL.test(k))
        expect(
          vars(v).filter((x) => !allowed.includes(x)),
          k,
        ).toEqual([]);
      else expect(vars(v), k).toEqual(allowed);
    }
  });

  it('has an English string for every literal key the code passes to t()', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const known = new Set([...enKeys.keys()].map(base));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });
});
