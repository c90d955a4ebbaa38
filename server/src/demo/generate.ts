import { type City, compact, fillPattern, LOCALES, type Locale, slug } from './locales.js';
import { Random } from './random.js';

/**
 * The demo data set, generated deterministically from a seed and "now": the same install gets
 * the same companies, people and pipeline every time, with dates spread around the day it is
 * loaded. Records refer to each other by their index in the plan; the loader turns indexes into
 * ids as it creates them.
 */
export type DemoModule = 'accounts' | 'contacts' | 'leads' | 'deals' | 'tasks' | 'notes';

/** Creation order: a record only refers to records of modules before it (or earlier in its own). */
export const DEMO_MODULES: readonly DemoModule[] = ['accounts', 'contacts', 'leads', 'deals', 'tasks', 'notes'];

export type Counts = Record<DemoModule, number>;

export interface PlanRef {
  module: DemoModule;
  index: number;
}

export interface PlannedRecord {
  /** Field values, API shape, without the links below. */
  values: Record<string, unknown>;
  /** Lookup fields that point at other planned records. */
  lookups?: Record<string, PlanRef>;
  /** `relatedTo` pointing at another planned record. */
  relatedTo?: PlanRef;
}

export type DemoPlan = Record<DemoModule, PlannedRecord[]>;

export const DEMO_SIZES: Counts = { accounts: 100, contacts: 300, leads: 300, deals: 150, tasks: 250, notes: 200 };
export const DEMO_SEED = 20240611;

export interface StageInfo {
  name: string;
  kind: 'open' | 'won' | 'lost' | 'unqualified';
}

const DAY = 86_400_000;

const INDUSTRY_NOUNS: Record<string, string[]> = {
  Agriculture: ['Farms', 'Agro', 'Harvest', 'Growers'],
  Automotive: ['Motors', 'Automotive', 'Mobility', 'Auto Parts'],
  Banking: ['Bank', 'Capital', 'Financial', 'Savings'],
  Construction: ['Construction', 'Builders', 'Structures', 'Civil Works'],
  Consulting: ['Consulting', 'Partners', 'Advisory', 'Group'],
  Education: ['Academy', 'Learning', 'Institute', 'School of Business'],
  Energy: ['Energy', 'Power', 'Solar', 'Renewables'],
  Healthcare: ['Health', 'Medical', 'Clinics', 'Diagnostics'],
  Hospitality: ['Hotels', 'Hospitality', 'Resorts', 'Dining Group'],
  Insurance: ['Insurance', 'Assurance', 'Mutual'],
  Manufacturing: ['Industries', 'Manufacturing', 'Precision', 'Components'],
  Media: ['Media', 'Studios', 'Publishing', 'Broadcasting'],
  'Real Estate': ['Properties', 'Realty', 'Estates', 'Living'],
  Retail: ['Retail', 'Stores', 'Market', 'Outfitters'],
  Software: ['Software', 'Systems', 'Labs', 'Analytics', 'Cloud'],
  Telecommunications: ['Telecom', 'Networks', 'Communications', 'Connect'],
  Transportation: ['Logistics', 'Freight', 'Transport', 'Shipping'],
  Other: ['Trading', 'Holdings', 'Services'],
};
const INDUSTRY_WEIGHTS: [string, number][] = [
  ['Software', 14],
  ['Manufacturing', 12],
  ['Retail', 8],
  ['Healthcare', 8],
  ['Consulting', 7],
  ['Transportation', 7],
  ['Banking', 5],
  ['Energy', 5],
  ['Telecommunications', 5],
  ['Media', 5],
  ['Hospitality', 4],
  ['Real Estate', 4],
  ['Construction', 4],
  ['Insurance', 4],
  ['Education', 3],
  ['Automotive', 4],
  ['Agriculture', 2],
  ['Government', 2],
  ['Other', 2],
];
const GLOBAL_ROOTS = [
  'Northwind',
  'Bluepeak',
  'Kestrel',
  'Meridian',
  'Aurora',
  'Halcyon',
  'Ironbridge',
  'Silverline',
  'Evergreen',
  'Brightwater',
  'Granite',
  'Lumen',
  'Nimbus',
  'Orchard',
  'Pinecrest',
  'Quantum',
  'Summit',
  'Tidewater',
  'Vantage',
  'Westbrook',
  'Zephyr',
  'Atlas',
  'Beacon',
  'Cobalt',
  'Driftwood',
  'Ember',
  'Falcon',
  'Harbor',
  'Keystone',
  'Larkspur',
  'Nova',
  'Oakridge',
  'Polaris',
  'Riverside',
  'Sterling',
  'Trident',
  'Verde',
  'Willow',
  'Corvid',
  'Helix',
  'Solstice',
];
const TITLES = [
  'CEO',
  'CFO',
  'CTO',
  'COO',
  'Managing Director',
  'VP of Sales',
  'Head of Procurement',
  'Operations Manager',
  'IT Director',
  'Marketing Manager',
  'Purchasing Manager',
  'Office Manager',
  'Product Manager',
  'Finance Director',
  'Head of IT',
  'Sales Director',
  'Founder',
  'Project Manager',
  'Customer Success Lead',
  'Head of Operations',
];
const PRODUCTS = [
  'Annual subscription',
  'Enterprise licence',
  'Renewal',
  'Seat expansion',
  'Onboarding services',
  'Pilot project',
  'Premium support upgrade',
  'Multi-year agreement',
  'Data migration',
  'Training package',
  'Hardware refresh',
  'Consulting retainer',
  'API add-on',
  'Regional rollout',
];
const NEXT_STEPS = [
  'Send revised proposal',
  'Schedule technical demo',
  'Call with procurement',
  'Security review',
  'Sign-off by CFO',
  'Reference call',
  'Draft statement of work',
  'Pricing workshop',
  'Legal review of contract',
];
const LEAD_SOURCE_WEIGHTS: [string, number][] = [
  ['Web Form', 25],
  ['Referral', 15],
  ['Trade Show', 10],
  ['Cold Call', 10],
  ['Social', 10],
  ['Advertisement', 8],
  ['Email', 8],
  ['Partner', 6],
  ['Import', 5],
  ['Other', 3],
];
const COMPETITORS = ['Salesflow', 'PipeMaster', 'an in-house spreadsheet', 'CloudCRM Pro', 'a legacy on-premise system', 'HubCore'];
const PAINS = [
  'duplicate data across teams',
  'no visibility of the pipeline',
  'manual reporting every Monday',
  'slow quote approvals',
  'leads falling through the cracks',
  'no mobile access for field sales',
];
const EVENTS = [
  'Web Summit in Lisbon',
  'the Nordic Business Forum',
  'a partner roadshow in Kraków',
  'SaaS Connect in Berlin',
  'a customer meetup in Austin',
  'the Retail Innovation Expo in London',
];
const WHITEPAPERS = ['“Forecasting without spreadsheets”', '“The 2025 sales benchmark”', '“Pipeline hygiene checklist”'];

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A time during business hours (UTC), on the half hour. */
function atBusinessHour(r: Random, dayMs: number): string {
  const d = new Date(dayMs);
  d.setUTCHours(r.int(8, 16), r.pick([0, 30]), 0, 0);
  return d.toISOString();
}

interface AccountInfo {
  locale: Locale;
  shortName: string;
  domain: string;
  emailPattern: (first: string, last: string) => string;
  phone: string;
  address: Record<string, string>;
  accountType: string;
  employees: number;
}

interface Person {
  first: string;
  last: string;
  /** The surname used in email addresses (the first of two Spanish surnames). */
  mailLast: string;
}

export function generateDemoData(opts: { now: Date; stages: StageInfo[]; seed?: number; sizes?: Partial<Counts> }): DemoPlan {
  const r = new Random(opts.seed ?? DEMO_SEED);
  const sizes: Counts = { ...DEMO_SIZES, ...opts.sizes };
  const now = opts.now.getTime();
  const localeWeights = LOCALES.map((l) => [l, l.weight] as const);
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();

  const person = (locale: Locale): Person => {
    const first = r.pick(locale.firstNames);
    let last = r.pick(locale.lastNames);
    const mailLast = last;
    if (locale.doubleSurname && r.chance(locale.doubleSurname)) {
      let second = r.pick(locale.lastNames);
      if (second === last) second = locale.lastNames[(locale.lastNames.indexOf(last) + 1) % locale.lastNames.length];
      last = `${last} ${second}`;
    }
    return { first, last, mailLast };
  };

  const email = (p: Person, domain: string, pattern: (f: string, l: string) => string): string => {
    const base = pattern(compact(p.first), compact(p.mailLast));
    let candidate = `${base}@${domain}`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${base}${n}@${domain}`;
    usedEmails.add(candidate);
    return candidate;
  };

  const emailPattern = (): ((f: string, l: string) => string) =>
    r.weighted<(f: string, l: string) => string>([
      [(f, l) => `${f}.${l}`, 60],
      [(f, l) => `${f[0]}.${l}`, 15],
      [(f, l) => `${f[0]}${l}`, 10],
      [(f, l) => `${f}${l[0]}`, 5],
      [(f) => f, 10],
    ]);

  const addressIn = (locale: Locale, city: City = r.pick(locale.cities)): Record<string, string> => {
    const a: Record<string, string> = { street: locale.street(r, r.pick(city.streets)), city: city.city };
    if (city.state) a.state = city.state;
    a.postalCode = fillPattern(r, city.postalCode);
    a.country = locale.country;
    return a;
  };

  /** A company name not used yet: "Kestrel Logistics" + "GmbH"; public bodies are named after their city. */
  const company = (locale: Locale, industry: string): { shortName: string; name: string; city: City } => {
    for (let attempt = 0; ; attempt++) {
      let shortName: string;
      let legal = r.pick(locale.legalForms);
      const city = r.pick(locale.cities);
      if (industry === 'Government') {
        shortName = `${city.city} ${r.pick(['City Council', 'Transit Authority', 'Port Authority', 'Water Board'])}`;
        legal = '';
      } else {
        const root = r.chance(0.45) ? r.pick(locale.brandRoots) : r.pick(GLOBAL_ROOTS);
        shortName = `${root} ${r.pick(INDUSTRY_NOUNS[industry] ?? INDUSTRY_NOUNS.Other)}`;
      }
      if (usedNames.has(shortName) && attempt < 50) continue;
      if (usedNames.has(shortName)) shortName = `${shortName} ${attempt}`;
      usedNames.add(shortName);
      return { shortName, name: legal ? `${shortName} ${legal}` : shortName, city };
    }
  };

  // ---- Accounts: most stand alone, a few are subsidiaries abroad of another account.
  const accounts: PlannedRecord[] = [];
  const accountInfo: AccountInfo[] = [];
  const subsidiaries = Math.min(8, Math.floor(sizes.accounts / 10));
  const roots = sizes.accounts - subsidiaries;
  const accountTypes: [string, number][] = [
    ['Customer', 40],
    ['Prospect', 35],
    ['Partner', 8],
    ['Reseller', 6],
    ['Vendor', 5],
    ['Competitor', 3],
    ['Other', 3],
  ];
  const accountValues = (info: AccountInfo, name: string, industry: string): Record<string, unknown> => {
    const revenue = Math.round((info.employees * r.logUniform(60_000, 300_000)) / 1000) * 1000;
    const shipping = r.weighted<'same' | 'other' | 'none'>([
      ['same', 70],
      ['other', 20],
      ['none', 10],
    ]);
    return {
      name,
      website: `https://www.${info.domain}`,
      phone: info.phone,
      industry,
      accountType: info.accountType,
      annualRevenue: revenue,
      numberOfEmployees: info.employees,
      billingAddress: info.address,
      shippingAddress: shipping === 'same' ? info.address : shipping === 'other' ? addressIn(info.locale) : null,
      description: r.chance(0.35)
        ? r.pick([
            `Founded in ${r.int(1952, 2019)}; headquartered in ${info.address.city}.`,
            `Renewal is usually decided in ${r.pick(['January', 'March', 'June', 'September', 'November'])}.`,
            `Expanding into ${r.pick(LOCALES.filter((l) => l !== info.locale)).country} next year.`,
            `Introduced by a partner. Prefers communication by email.`,
            `Runs ${r.int(2, 40)} sites across ${info.locale.country}.`,
          ])
        : null,
    };
  };
  for (let i = 0; i < roots; i++) {
    const locale = r.weighted(localeWeights);
    const industry = r.weighted(INDUSTRY_WEIGHTS);
    const { shortName, name, city } = company(locale, industry);
    const info: AccountInfo = {
      locale,
      shortName,
      domain: `${slug(shortName)}.example`,
      emailPattern: emailPattern(),
      phone: fillPattern(r, locale.phone),
      address: addressIn(locale, city),
      accountType: r.weighted(accountTypes),
      employees: Math.round(r.logUniform(8, 25_000)),
    };
    accountInfo.push(info);
    accounts.push({ values: accountValues(info, name, industry) });
  }
  for (let i = 0; i < subsidiaries; i++) {
    const parentIndex = r.int(0, roots - 1);
    const parent = accountInfo[parentIndex];
    let locale = r.weighted(localeWeights);
    if (locale === parent.locale) locale = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length];
    const shortName = `${parent.shortName} ${locale.localName}`;
    usedNames.add(shortName);
    const info: AccountInfo = {
      ...parent,
      locale,
      shortName,
      phone: fillPattern(r, locale.phone),
      address: addressIn(locale),
      employees: Math.max(5, Math.round(parent.employees * r.next() * 0.3)),
    };
    accountInfo.push(info);
    const industry = String(accounts[parentIndex].values.industry);
    accounts.push({
      values: accountValues(info, `${shortName} ${r.pick(locale.legalForms)}`, industry),
      lookups: { parentAccount: { module: 'accounts', index: parentIndex } },
    });
  }

  // ---- Contacts: everyone works at an account; bigger accounts have more of them.
  const perAccount: number[] = accountInfo.map(() => (sizes.contacts >= accounts.length ? 1 : 0));
  const sizeWeights = accountInfo.map((a, i) => [i, Math.log(a.employees + 10)] as const);
  for (let k = perAccount.reduce((s, n) => s + n, 0); k < sizes.contacts; k++) perAccount[r.weighted(sizeWeights)]++;
  const contacts: PlannedRecord[] = [];
  const contactPeople: Person[] = [];
  const contactsOfAccount: number[][] = accountInfo.map(() => []);
  perAccount.forEach((n, accountIndex) => {
    const acc = accountInfo[accountIndex];
    for (let j = 0; j < n; j++) {
      const locale = r.chance(0.8) ? acc.locale : r.weighted(localeWeights);
      const p = person(locale);
      contactsOfAccount[accountIndex].push(contacts.length);
      contactPeople.push(p);
      contacts.push({
        values: {
          firstName: p.first,
          lastName: p.last,
          title: r.pick(TITLES),
          email: email(p, acc.domain, acc.emailPattern),
          phone: r.chance(0.5) ? `${acc.phone} ext. ${r.int(100, 999)}` : fillPattern(r, locale.phone),
          mobile: r.chance(0.6) ? fillPattern(r, locale.phone) : null,
          contactType: acc.accountType === 'Customer' ? 'Customer' : 'Prospect',
          leadSource: r.chance(0.7) ? r.weighted(LEAD_SOURCE_WEIGHTS) : null,
          mailingAddress: acc.address,
          birthday: r.chance(0.25) ? isoDate(Date.UTC(r.int(1960, 1998), r.int(0, 11), r.int(1, 28))) : null,
          description: r.chance(0.15)
            ? r.pick([
                'Decision maker for the renewal.',
                `Prefers calls in the morning (${acc.locale.country} time).`,
                'Champion of the project internally.',
                'Joined from a competitor last year.',
              ])
            : null,
        },
        lookups: { account: { module: 'accounts', index: accountIndex } },
      });
    }
  });

  // ---- Leads: people at companies that are not accounts yet.
  const leads: PlannedRecord[] = [];
  const leadInfo: { person: Person; company: string | null; status: string }[] = [];
  for (let i = 0; i < sizes.leads; i++) {
    const locale = r.weighted(localeWeights);
    const p = person(locale);
    const industry = r.weighted(INDUSTRY_WEIGHTS.filter(([n]) => n !== 'Government'));
    const c = r.chance(0.9) ? company(locale, industry) : null;
    const domain = c ? `${slug(c.shortName)}.example` : r.pick(['mail.example', 'inbox.example', 'post.example']);
    const status = r.weighted<string>([
      ['New', 30],
      ['Contacted', 25],
      ['Working', 20],
      ['Qualified', 15],
      ['Unqualified', 10],
    ]);
    const employees = Math.round(r.logUniform(3, 5000));
    leadInfo.push({ person: p, company: c?.shortName ?? null, status });
    const full = r.chance(0.6);
    leads.push({
      values: {
        firstName: p.first,
        lastName: p.last,
        company: c?.name ?? null,
        title: c ? r.pick(TITLES) : null,
        email: email(p, domain, (f, l) => `${f}.${l}`),
        phone: fillPattern(r, locale.phone),
        mobile: r.chance(0.4) ? fillPattern(r, locale.phone) : null,
        website: c && r.chance(0.6) ? `https://www.${domain}` : null,
        leadSource: r.weighted(LEAD_SOURCE_WEIGHTS),
        leadStatus: status,
        industry: c ? industry : null,
        rating: r.chance(0.85)
          ? r.weighted<string>([
              ['Hot', 20],
              ['Warm', 45],
              ['Cold', 35],
            ])
          : null,
        annualRevenue: c && full ? Math.round((employees * r.logUniform(50_000, 250_000)) / 1000) * 1000 : null,
        numberOfEmployees: c && full ? employees : null,
        address: r.chance(0.8) ? addressIn(locale, c?.city) : null,
        description: r.chance(0.25)
          ? r.pick([
              `Downloaded the ${r.pick(WHITEPAPERS)} whitepaper.`,
              'Asked for a demo through the website.',
              `Met at ${r.pick(EVENTS)}.`,
              `Currently using ${r.pick(COMPETITORS)}.`,
              'Wants a quote for about 20 users.',
            ])
          : null,
      },
    });
  }

  // ---- Deals: over every stage of the pipeline, at accounts that buy (not vendors/competitors).
  const deals: PlannedRecord[] = [];
  const dealInfo: { name: string; account: number; contact: number | null; kind: StageInfo['kind'] }[] = [];
  const buyers = accountInfo.map((a, i) => [i, a.accountType === 'Vendor' || a.accountType === 'Competitor' ? 0 : 1] as const);
  const stageWeights = opts.stages.map((s) => [s, { open: 16, won: 18, lost: 12, unqualified: 6 }[s.kind]] as const);
  for (let i = 0; i < sizes.deals; i++) {
    const stage = i < opts.stages.length ? opts.stages[i] : r.weighted(stageWeights);
    const accountIndex = r.weighted(buyers);
    const acc = accountInfo[accountIndex];
    const people = contactsOfAccount[accountIndex];
    const contactIndex = people.length && r.chance(0.85) ? r.pick(people) : null;
    const name = `${acc.shortName} – ${r.pick(PRODUCTS)}`;
    const closing = stage.kind === 'open' ? now + r.int(-10, 120) * DAY : now - r.int(1, 270) * DAY;
    dealInfo.push({ name, account: accountIndex, contact: contactIndex, kind: stage.kind });
    const lookups: Record<string, PlanRef> = { account: { module: 'accounts', index: accountIndex } };
    if (contactIndex !== null) lookups.contact = { module: 'contacts', index: contactIndex };
    deals.push({
      values: {
        dealName: name,
        amount: Math.round(r.logUniform(2_500, 350_000) / 100) * 100,
        stage: stage.name,
        closingDate: isoDate(closing),
        leadSource: r.chance(0.7) ? r.weighted(LEAD_SOURCE_WEIGHTS) : null,
        nextStep: stage.kind === 'open' ? r.pick(NEXT_STEPS) : null,
        lossReason:
          stage.kind === 'lost' || stage.kind === 'unqualified'
            ? r.weighted<string>([
                ['Price', 30],
                ['Competitor', 25],
                ['No Budget', 15],
                ['No Decision', 12],
                ['Timing', 10],
                ['Missing Feature', 6],
                ['Other', 2],
              ])
            : null,
        description: r.chance(0.25)
          ? r.pick([
              `Replacing ${r.pick(COMPETITORS)}.`,
              `Main pain: ${r.pick(PAINS)}.`,
              `Budget owner is the ${r.pick(['CFO', 'COO', 'Head of IT', 'Managing Director'])}.`,
              'Part of a group-wide standardisation project.',
            ])
          : null,
      },
      lookups,
    });
  }

  // ---- Tasks: follow-ups on deals, leads, contacts and accounts; some done, some overdue.
  const openDeals = dealInfo.map((d, i) => [i, d.kind === 'open' ? 4 : 1] as const);
  const activeLeads = leadInfo.map((l, i) => [i, l.status === 'Unqualified' || l.status === 'Qualified' ? 1 : 4] as const);
  const firstOf = (contact: number | null) => (contact === null ? 'the buyer' : contactPeople[contact].first);
  const pickTarget = (weights: [DemoModule, number][]): { ref: PlanRef; label: Record<string, string> } => {
    const module = r.weighted(weights);
    if (module === 'deals') {
      const index = r.weighted(openDeals);
      const d = dealInfo[index];
      return { ref: { module, index }, label: { deal: d.name, account: accountInfo[d.account].shortName, first: firstOf(d.contact) } };
    }
    if (module === 'leads') {
      const index = r.weighted(activeLeads);
      const l = leadInfo[index];
      return {
        ref: { module, index },
        label: { first: l.person.first, full: `${l.person.first} ${l.person.last}`, company: l.company ?? `${l.person.first}’s business` },
      };
    }
    if (module === 'contacts') {
      const index = r.int(0, contacts.length - 1);
      const p = contactPeople[index];
      return { ref: { module, index }, label: { first: p.first, full: `${p.first} ${p.last}` } };
    }
    const index = r.int(0, accounts.length - 1);
    return { ref: { module: 'accounts', index }, label: { account: accountInfo[index].shortName } };
  };
  const TASK_SUBJECTS: Record<string, ((l: Record<string, string>) => string)[]> = {
    deals: [
      (l) => `Send proposal to ${l.first}`,
      (l) => `Follow up with ${l.first} on pricing`,
      (l) => `Prepare contract for ${l.account}`,
      (l) => `Schedule demo with ${l.account}`,
      (l) => `Answer security questionnaire from ${l.account}`,
      (l) => `Confirm budget with ${l.first}`,
    ],
    leads: [
      (l) => `Call ${l.full}`,
      (l) => `Send intro email to ${l.first}`,
      (l) => `Qualify ${l.company}`,
      (l) => `Book discovery call with ${l.first}`,
    ],
    contacts: [
      (l) => `Check in with ${l.full}`,
      (l) => `Send case study to ${l.first}`,
      (l) => `Invite ${l.first} to the customer webinar`,
    ],
    accounts: [
      (l) => `Quarterly business review with ${l.account}`,
      (l) => `Renewal check for ${l.account}`,
      (l) => `Update account plan for ${l.account}`,
    ],
  };
  const tasks: PlannedRecord[] = [];
  for (let i = 0; i < sizes.tasks; i++) {
    const { ref, label } = pickTarget([
      ['deals', 45],
      ['leads', 25],
      ['contacts', 15],
      ['accounts', 15],
    ]);
    const due = atBusinessHour(r, now + r.int(-45, 30) * DAY);
    const past = Date.parse(due) < now;
    const status = past
      ? r.weighted<string>([
          ['Completed', 65],
          ['Not Started', 20],
          ['In Progress', 10],
          ['Waiting', 5],
        ])
      : r.weighted<string>([
          ['Not Started', 60],
          ['In Progress', 25],
          ['Waiting', 10],
          ['Deferred', 5],
        ]);
    tasks.push({
      values: {
        subject: r.pick(TASK_SUBJECTS[ref.module])(label),
        dueAt: due,
        status,
        priority: r.weighted<string>([
          ['High', 25],
          ['Normal', 55],
          ['Low', 20],
        ]),
        reminderAt: !past && r.chance(0.3) ? new Date(Date.parse(due) - 30 * 60_000).toISOString() : null,
        description: r.chance(0.2)
          ? r.pick(['Bring the latest price list.', 'Check the notes from the last call first.', 'Loop in the solutions engineer.'])
          : null,
      },
      relatedTo: ref,
    });
  }

  // ---- Notes: what was said, on the same kinds of records.
  const NOTE_TEXTS: Record<string, ((l: Record<string, string>) => [string, string])[]> = {
    deals: [
      (l) => [
        'Discovery call',
        `Discovery call with ${l.first}. Current tool: ${r.pick(COMPETITORS)}. Main pain: ${r.pick(PAINS)}. Budget expected next quarter.`,
      ],
      (l) => [
        'Discount request',
        `${l.first} asked for a revised quote with a ${r.pick([5, 8, 10, 12, 15])}% discount. Needs approval from the sales director.`,
      ],
      (l) => ['Legal', `Legal review done; ${l.account} wants net-60 payment terms and a data processing agreement.`],
      (l) => ['Stakeholders', `Met the wider team at ${l.account}. ${l.first} is the champion; procurement joins the next call.`],
    ],
    leads: [
      (l) => [
        'Event contact',
        `Met ${l.full} at ${r.pick(EVENTS)}. Interested in ${r.pick(PRODUCTS).toLowerCase()}; follow up in two weeks.`,
      ],
      (l) => ['First call', `Spoke with ${l.first}: ${r.int(5, 120)} users, currently on ${r.pick(COMPETITORS)}.`],
      (l) => ['Website enquiry', `${l.full} filled in the contact form asking about pricing for ${l.company}.`],
    ],
    contacts: [
      (l) => ['Check-in', `${l.first} is happy with onboarding. Possible upsell: ${r.pick(PRODUCTS).toLowerCase()}.`],
      (l) => ['Feedback', `${l.full} reported ${r.pick(PAINS)} in another department; worth a follow-up.`],
    ],
    accounts: [
      (l) => [
        'Account plan',
        `${l.account}: focus this year on ${r.pick(['expansion to new sites', 'renewal at a higher tier', 'consolidating licences'])}.`,
      ],
      (l) => ['Org change', `New management at ${l.account}; re-introduce ourselves to the executive team.`],
    ],
  };
  const notes: PlannedRecord[] = [];
  for (let i = 0; i < sizes.notes; i++) {
    const { ref, label } = pickTarget([
      ['deals', 40],
      ['accounts', 25],
      ['contacts', 15],
      ['leads', 20],
    ]);
    const [title, content] = r.pick(NOTE_TEXTS[ref.module])(label);
    notes.push({ values: { title: r.chance(0.7) ? title : null, content }, relatedTo: ref });
  }

  return { accounts, contacts, leads, deals, tasks, notes };
}
