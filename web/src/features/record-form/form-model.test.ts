import { describe, expect, it } from 'vitest';
import { errorFieldFor, formSections, initialValues, isFormField, toPayload, validateValues } from './form-model';
import { THING_FIELDS, THING_LAYOUTS } from './test-module';

const byName = (n: string) => THING_FIELDS.find((f) => f.apiName === n)!;

describe('the create form model', () => {
  it('shows the editable fields in layout order and leaves out read-only, formula and system fields', () => {
    const sections = formSections(THING_FIELDS, THING_LAYOUTS);
    expect(sections.map((s) => s.title)).toEqual(['Thing Information', 'Description Information']);
    const names = sections.flatMap((s) => s.fields.map((f) => f.apiName));
    expect(names).toContain('name');
    expect(names).toContain('about');
    expect(names).not.toContain('score');
    expect(names).not.toContain('total');
    expect(names).not.toContain('owner');
    expect(names.at(-1)).toBe('notes');
  });

  it('puts fields no layout section names into a last, untitled section', () => {
    const sections = formSections(THING_FIELDS, [{ id: 'x', name: 'x', isDefault: true, sections: [{ title: 'Main', fields: ['name'] }] }]);
    expect(sections[0].fields.map((f) => f.apiName)).toEqual(['name']);
    expect(sections[1].title).toBe('');
    expect(sections[1].fields.length).toBe(THING_FIELDS.filter(isFormField).length - 1);
  });

  it('starts from defaults and empty values by type', () => {
    const v = initialValues(THING_FIELDS);
    expect(v.status).toBe('Open');
    expect(v.active).toBe(false);
    expect(v.tags).toEqual([]);
    expect(v.account).toBeNull();
    expect(v.name).toBe('');
    expect('score' in v).toBe(false);
  });

  it('reports required fields left empty and numbers that are not numbers', () => {
    const v = { ...initialValues(THING_FIELDS), quantity: 'abc' };
    expect(validateValues(THING_FIELDS, v)).toEqual({ name: 'form.errors.required', quantity: 'form.errors.number' });
    expect(validateValues(THING_FIELDS, { ...v, name: '  x ', quantity: 3 })).toEqual({});
  });

  it('sends each type in the shape of the API and leaves empty fields out', () => {
    const values = {
      ...initialValues(THING_FIELDS),
      name: 'Widget',
      budget: 1250.5,
      share: '12,5',
      startsAt: '2026-03-01T09:30',
      account: { id: 'acc1', name: 'Acme' },
      reviewer: 'u2',
      place: { city: 'Oslo', street: '' },
      about: { module: 'deals', id: 'd9', name: 'Big deal' },
      tags: ['B'],
    };
    const payload = toPayload(THING_FIELDS, values);
    expect(payload).toEqual({
      name: 'Widget',
      status: 'Open',
      tags: ['B'],
      budget: 1250.5,
      share: 12.5,
      startsAt: new Date('2026-03-01T09:30').toISOString(),
      active: false,
      account: 'acc1',
      reviewer: 'u2',
      place: { city: 'Oslo' },
      about: { module: 'deals', id: 'd9' },
    });
  });

  it('maps a server error to the form field it names, also for a part of an address', () => {
    expect(errorFieldFor(THING_FIELDS, 'email')).toBe('email');
    expect(errorFieldFor(THING_FIELDS, 'place.city')).toBe('place');
    expect(errorFieldFor(THING_FIELDS, 'score')).toBeUndefined();
    expect(errorFieldFor(THING_FIELDS, undefined)).toBeUndefined();
    expect(byName('total').readOnly).toBe(true);
  });
});
