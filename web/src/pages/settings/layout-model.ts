import type { LayoutSection } from '../../api/types';

/**
 * The layout editor's moves, apart from React: every move returns new sections and never loses
 * or duplicates a field. Drag and drop and the keyboard buttons both end up here.
 */
export type Sections = LayoutSection[];

/** Where a field sits: section index and position, or undefined when it is not placed. */
export function locate(sections: Sections, field: string): { section: number; index: number } | undefined {
  for (let s = 0; s < sections.length; s++) {
    const index = sections[s]!.fields.indexOf(field);
    if (index >= 0) return { section: s, index };
  }
  return undefined;
}

function without(sections: Sections, field: string): Sections {
  return sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== field) }));
}

/** Puts a field (placed or not) into a section before position `index` (the end when omitted). */
export function placeField(sections: Sections, field: string, section: number, index?: number): Sections {
  if (section < 0 || section >= sections.length) return sections;
  const from = locate(sections, field);
  const out = without(sections, field);
  const target = out[section]!.fields;
  let at = index ?? target.length;
  // Moving down within one section: removing the field first shifted the positions after it.
  if (from && from.section === section && index !== undefined && from.index < index) at -= 1;
  target.splice(Math.max(0, Math.min(at, target.length)), 0, field);
  return out;
}

/**
 * One step up or down for the keyboard: within a section, and across the section border into the
 * neighbour (the end of the one above, the start of the one below).
 */
export function stepField(sections: Sections, field: string, dir: -1 | 1): Sections {
  const at = locate(sections, field);
  if (!at) return sections;
  const fields = sections[at.section]!.fields;
  const next = at.index + dir;
  if (next >= 0 && next < fields.length) {
    const out = sections.map((s) => ({ ...s, fields: [...s.fields] }));
    const f = out[at.section]!.fields;
    [f[at.index], f[next]] = [f[next]!, f[at.index]!];
    return out;
  }
  const neighbour = at.section + dir;
  if (neighbour < 0 || neighbour >= sections.length) return sections;
  return placeField(sections, field, neighbour, dir === -1 ? undefined : 0);
}

export function removeField(sections: Sections, field: string): Sections {
  return without(sections, field);
}

export function moveSection(sections: Sections, from: number, to: number): Sections {
  if (from === to || from < 0 || to < 0 || from >= sections.length || to >= sections.length) return sections;
  const out = [...sections];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}

export function addSection(sections: Sections, title: string): Sections {
  return [...sections, { title, fields: [] }];
}

export function renameSection(sections: Sections, index: number, title: string): Sections {
  return sections.map((s, i) => (i === index ? { ...s, title } : s));
}

/** Removing a section returns its fields to the unplaced ones; the last section stays. */
export function removeSection(sections: Sections, index: number): Sections {
  if (sections.length <= 1) return sections;
  return sections.filter((_, i) => i !== index);
}

/** Fields of the module that no section shows (forms list them at the end). */
export function unplaced(sections: Sections, fields: string[]): string[] {
  const placed = new Set(sections.flatMap((s) => s.fields));
  return fields.filter((f) => !placed.has(f));
}
