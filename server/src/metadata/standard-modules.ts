import type { FieldTypeName, RecordNameRule } from './types.js';

/**
 * The standard modules of a new install, as seed metadata (API.md "Standard modules").
 * They are rows in the metadata tables like any custom module; nothing else is special.
 */
export interface FieldSeed {
  apiName: string;
  label: string;
  type: FieldTypeName;
  required?: boolean;
  readOnly?: boolean;
  options?: string[];
  lookupModule?: string;
  defaultValue?: unknown;
}

export interface ModuleSeed {
  apiName: string;
  label: string;
  singularLabel: string;
  recordName: RecordNameRule;
  fields: FieldSeed[];
}

const LEAD_SOURCES = ['Web Form', 'Import', 'Social', 'Referral', 'Advertisement', 'Cold Call', 'Partner', 'Trade Show', 'Email', 'Other'];
const INDUSTRIES = [
  'Agriculture', 'Automotive', 'Banking', 'Construction', 'Consulting', 'Education', 'Energy', 'Government',
  'Healthcare', 'Hospitality', 'Insurance', 'Manufacturing', 'Media', 'Real Estate', 'Retail', 'Software',
  'Telecommunications', 'Transportation', 'Other',
];

const text = (apiName: string, label: string, extra: Partial<FieldSeed> = {}): FieldSeed => ({ apiName, label, type: 'text', ...extra });

export const STANDARD_MODULES: ModuleSeed[] = [
  {
    apiName: 'leads',
    label: 'Leads',
    singularLabel: 'Lead',
    recordName: { fields: ['firstName', 'lastName'], mode: 'join' },
    fields: [
      text('firstName', 'First Name'),
      text('lastName', 'Last Name', { required: true }),
      text('company', 'Company'),
      text('title', 'Title'),
      { apiName: 'email', label: 'Email', type: 'email' },
      { apiName: 'phone', label: 'Phone', type: 'phone' },
      { apiName: 'mobile', label: 'Mobile', type: 'phone' },
      { apiName: 'website', label: 'Website', type: 'url' },
      { apiName: 'leadSource', label: 'Lead Source', type: 'picklist', options: LEAD_SOURCES },
      {
        apiName: 'leadStatus',
        label: 'Lead Status',
        type: 'picklist',
        options: ['New', 'Contacted', 'Working', 'Qualified', 'Unqualified'],
        defaultValue: 'New',
      },
      { apiName: 'industry', label: 'Industry', type: 'picklist', options: INDUSTRIES },
      { apiName: 'rating', label: 'Rating', type: 'picklist', options: ['Hot', 'Warm', 'Cold'] },
      { apiName: 'annualRevenue', label: 'Annual Revenue', type: 'currency' },
      { apiName: 'numberOfEmployees', label: 'Number of Employees', type: 'integer' },
      { apiName: 'address', label: 'Address', type: 'address' },
      { apiName: 'tags', label: 'Tags', type: 'tags' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
      { apiName: 'score', label: 'Score', type: 'integer', readOnly: true, defaultValue: 0 },
      { apiName: 'converted', label: 'Converted', type: 'boolean', readOnly: true },
    ],
  },
  {
    apiName: 'contacts',
    label: 'Contacts',
    singularLabel: 'Contact',
    recordName: { fields: ['firstName', 'lastName'], mode: 'join' },
    fields: [
      text('firstName', 'First Name'),
      text('lastName', 'Last Name', { required: true }),
      { apiName: 'account', label: 'Account', type: 'lookup', lookupModule: 'accounts' },
      text('title', 'Title'),
      { apiName: 'email', label: 'Email', type: 'email' },
      { apiName: 'phone', label: 'Phone', type: 'phone' },
      { apiName: 'mobile', label: 'Mobile', type: 'phone' },
      { apiName: 'contactType', label: 'Contact Type', type: 'picklist', options: ['Prospect', 'Customer'], defaultValue: 'Prospect' },
      { apiName: 'leadSource', label: 'Lead Source', type: 'picklist', options: LEAD_SOURCES },
      { apiName: 'mailingAddress', label: 'Mailing Address', type: 'address' },
      { apiName: 'birthday', label: 'Birthday', type: 'date' },
      { apiName: 'tags', label: 'Tags', type: 'tags' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
      { apiName: 'lastActivityAt', label: 'Last Activity', type: 'datetime', readOnly: true },
    ],
  },
  {
    apiName: 'accounts',
    label: 'Accounts',
    singularLabel: 'Account',
    recordName: { fields: ['name'], mode: 'join' },
    fields: [
      text('name', 'Account Name', { required: true }),
      { apiName: 'website', label: 'Website', type: 'url' },
      { apiName: 'phone', label: 'Phone', type: 'phone' },
      { apiName: 'industry', label: 'Industry', type: 'picklist', options: INDUSTRIES },
      {
        apiName: 'accountType',
        label: 'Account Type',
        type: 'picklist',
        options: ['Prospect', 'Customer', 'Partner', 'Reseller', 'Vendor', 'Competitor', 'Other'],
      },
      { apiName: 'annualRevenue', label: 'Annual Revenue', type: 'currency' },
      { apiName: 'numberOfEmployees', label: 'Number of Employees', type: 'integer' },
      { apiName: 'billingAddress', label: 'Billing Address', type: 'address' },
      { apiName: 'shippingAddress', label: 'Shipping Address', type: 'address' },
      { apiName: 'parentAccount', label: 'Parent Account', type: 'lookup', lookupModule: 'accounts' },
      { apiName: 'tags', label: 'Tags', type: 'tags' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
    ],
  },
  {
    apiName: 'deals',
    label: 'Deals',
    singularLabel: 'Deal',
    recordName: { fields: ['dealName'], mode: 'join' },
    fields: [
      text('dealName', 'Deal Name', { required: true }),
      { apiName: 'account', label: 'Account', type: 'lookup', lookupModule: 'accounts' },
      { apiName: 'contact', label: 'Contact', type: 'lookup', lookupModule: 'contacts' },
      { apiName: 'amount', label: 'Amount', type: 'currency' },
      // Options of pipeline and stage come from the pipelines table (see metadata/snapshot.ts).
      { apiName: 'pipeline', label: 'Pipeline', type: 'picklist' },
      { apiName: 'stage', label: 'Stage', type: 'picklist', required: true },
      { apiName: 'probability', label: 'Probability (%)', type: 'percent' },
      { apiName: 'expectedRevenue', label: 'Expected Revenue', type: 'currency', readOnly: true },
      { apiName: 'closingDate', label: 'Closing Date', type: 'date', required: true },
      { apiName: 'leadSource', label: 'Lead Source', type: 'picklist', options: LEAD_SOURCES },
      text('nextStep', 'Next Step'),
      {
        apiName: 'lossReason',
        label: 'Loss Reason',
        type: 'picklist',
        options: ['Price', 'Competitor', 'No Budget', 'No Decision', 'Timing', 'Missing Feature', 'Other'],
      },
      { apiName: 'tags', label: 'Tags', type: 'tags' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
    ],
  },
  {
    apiName: 'tasks',
    label: 'Tasks',
    singularLabel: 'Task',
    recordName: { fields: ['subject'], mode: 'join' },
    fields: [
      text('subject', 'Subject', { required: true }),
      { apiName: 'dueAt', label: 'Due', type: 'datetime' },
      {
        apiName: 'status',
        label: 'Status',
        type: 'picklist',
        options: ['Not Started', 'In Progress', 'Waiting', 'Completed', 'Deferred'],
        defaultValue: 'Not Started',
      },
      { apiName: 'priority', label: 'Priority', type: 'picklist', options: ['High', 'Normal', 'Low'], defaultValue: 'Normal' },
      { apiName: 'relatedTo', label: 'Related To', type: 'relatedTo' },
      { apiName: 'reminderAt', label: 'Reminder', type: 'datetime' },
      { apiName: 'completedAt', label: 'Completed At', type: 'datetime', readOnly: true },
      { apiName: 'description', label: 'Description', type: 'textarea' },
    ],
  },
  {
    apiName: 'events',
    label: 'Meetings',
    singularLabel: 'Meeting',
    recordName: { fields: ['title'], mode: 'join' },
    fields: [
      text('title', 'Title', { required: true }),
      { apiName: 'startAt', label: 'Start', type: 'datetime', required: true },
      { apiName: 'endAt', label: 'End', type: 'datetime', required: true },
      { apiName: 'allDay', label: 'All Day', type: 'boolean' },
      text('location', 'Location'),
      { apiName: 'relatedTo', label: 'Related To', type: 'relatedTo' },
      { apiName: 'participants', label: 'Participants', type: 'participants' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
    ],
  },
  {
    apiName: 'calls',
    label: 'Calls',
    singularLabel: 'Call',
    recordName: { fields: ['subject'], mode: 'join' },
    fields: [
      text('subject', 'Subject', { required: true }),
      { apiName: 'callType', label: 'Call Type', type: 'picklist', options: ['Inbound', 'Outbound'] },
      { apiName: 'callStartAt', label: 'Call Start', type: 'datetime' },
      { apiName: 'durationMinutes', label: 'Duration (minutes)', type: 'integer' },
      text('result', 'Result'),
      { apiName: 'relatedTo', label: 'Related To', type: 'relatedTo' },
      { apiName: 'description', label: 'Description', type: 'textarea' },
    ],
  },
  {
    apiName: 'notes',
    label: 'Notes',
    singularLabel: 'Note',
    recordName: { fields: ['title', 'content'], mode: 'first' },
    fields: [
      text('title', 'Title'),
      { apiName: 'content', label: 'Content', type: 'textarea', required: true },
      { apiName: 'relatedTo', label: 'Related To', type: 'relatedTo', required: true },
    ],
  },
];

/** The default pipeline of a new install (API.md "Sales"). */
export const DEFAULT_PIPELINE = {
  name: 'Sales',
  stages: [
    { name: 'Qualification', probability: 10, kind: 'open' },
    { name: 'Needs Analysis', probability: 20, kind: 'open' },
    { name: 'Proposal', probability: 50, kind: 'open' },
    { name: 'Negotiation', probability: 75, kind: 'open' },
    { name: 'Won', probability: 100, kind: 'won' },
    { name: 'Lost', probability: 0, kind: 'lost' },
    { name: 'Unqualified', probability: 0, kind: 'unqualified' },
  ] as const,
};
