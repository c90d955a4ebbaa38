import type { Field, Layout, ModuleSummary } from '../../api/types';

/** A custom module with one field of each type the create form covers (for tests). */
export const THINGS: ModuleSummary = {
  apiName: 'things',
  label: 'Things',
  singularLabel: 'Thing',
  custom: true,
  hidden: false,
  recordName: { fields: ['name'], mode: 'join' },
};

const f = (apiName: string, label: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  apiName,
  label,
  type,
  required: false,
  unique: false,
  readOnly: false,
  custom: true,
  system: false,
  ...extra,
});

export const THING_FIELDS: Field[] = [
  f('name', 'Name', 'text', { required: true }),
  f('email', 'Email', 'email'),
  f('phone', 'Phone', 'phone'),
  f('website', 'Website', 'url'),
  f('notes', 'Notes', 'textarea'),
  f('status', 'Status', 'picklist', {
    options: [
      { value: 'Open', label: 'Open' },
      { value: 'Closed', label: 'Closed' },
      { value: 'Old', label: 'Old', retired: true },
    ],
    defaultValue: 'Open',
  }),
  f('tags', 'Tags', 'multiselect', {
    options: [
      { value: 'A', label: 'A' },
      { value: 'B', label: 'B' },
    ],
  }),
  f('quantity', 'Quantity', 'integer'),
  f('budget', 'Budget', 'currency'),
  f('share', 'Share', 'percent'),
  f('dueOn', 'Due On', 'date'),
  f('startsAt', 'Starts At', 'datetime'),
  f('active', 'Active', 'boolean'),
  f('account', 'Account', 'lookup', { lookupModule: 'accounts' }),
  f('reviewer', 'Reviewer', 'user'),
  f('place', 'Place', 'address'),
  f('about', 'About', 'relatedTo'),
  f('score', 'Score', 'integer', { readOnly: true }),
  f('total', 'Total', 'formula', { readOnly: true }),
  f('owner', 'Owner', 'user', { custom: false, system: true }),
];

export const THING_LAYOUTS: Layout[] = [
  {
    id: 'l1',
    name: 'Standard',
    isDefault: true,
    sections: [
      { title: 'Thing Information', fields: THING_FIELDS.filter((x) => !x.system && x.apiName !== 'notes').map((x) => x.apiName) },
      { title: 'Description Information', fields: ['notes'] },
    ],
  },
];
