import { describe, expect, it } from 'vitest';
import { addSection, moveSection, placeField, removeField, removeSection, renameSection, stepField, unplaced } from './layout-model';

const base = () => [
  { title: 'Main', fields: ['a', 'b', 'c'] },
  { title: 'More', fields: ['d'] },
];

describe('layout editor moves', () => {
  it('drops a field before another in the same section, moving down or up', () => {
    expect(placeField(base(), 'a', 0, 2)[0]!.fields).toEqual(['b', 'a', 'c']);
    expect(placeField(base(), 'c', 0, 0)[0]!.fields).toEqual(['c', 'a', 'b']);
    expect(placeField(base(), 'a', 0)[0]!.fields).toEqual(['b', 'c', 'a']);
  });

  it('drops a field into another section and places an unplaced field', () => {
    const moved = placeField(base(), 'b', 1, 0);
    expect(moved.map((s) => s.fields)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    expect(placeField(base(), 'z', 1).map((s) => s.fields)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'z'],
    ]);
    expect(placeField(base(), 'a', 5)).toEqual(base());
  });

  it('steps with the keyboard within a section and across its borders', () => {
    expect(stepField(base(), 'b', -1)[0]!.fields).toEqual(['b', 'a', 'c']);
    expect(stepField(base(), 'c', 1).map((s) => s.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(stepField(base(), 'd', -1).map((s) => s.fields)).toEqual([['a', 'b', 'c', 'd'], []]);
    expect(stepField(base(), 'a', -1)).toEqual(base());
    expect(stepField(base(), 'd', 1)).toEqual(base());
  });

  it('adds, renames, reorders and removes sections; removed fields become unplaced', () => {
    let s = addSection(base(), 'Extra');
    expect(s.map((x) => x.title)).toEqual(['Main', 'More', 'Extra']);
    s = renameSection(s, 2, 'Notes');
    s = moveSection(s, 2, 0);
    expect(s.map((x) => x.title)).toEqual(['Notes', 'Main', 'More']);
    s = removeSection(s, 1);
    expect(unplaced(s, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'e']);
    expect(removeSection([{ title: 'Only', fields: [] }], 0)).toHaveLength(1);
    expect(removeField(base(), 'b')[0]!.fields).toEqual(['a', 'c']);
  });
});
