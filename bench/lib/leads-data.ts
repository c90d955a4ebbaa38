/**
 * Realistic, varied and deterministic lead data: the same seed gives the same leads on every
 * run and on both engines, so filters, sorts and searches select comparable fractions.
 */

/** mulberry32: small, fast, seeded. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Picks from a list where earlier entries are more common (weight 1/sqrt(rank)), like real name frequencies. */
class Skewed<T> {
  private cumulative: number[] = [];
  constructor(readonly items: readonly T[]) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += 1 / Math.sqrt(i + 1);
      this.cumulative.push(sum);
    }
  }
  pick(rng: Rng): T {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return entries[entries.length - 1][0];
}

const FIRST = new Skewed(
  `James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah
  Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Paul Ashley Steven Emily Andrew Donna Kenneth Michelle Joshua
  Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Edward Sharon Jeffrey Cynthia Ryan
  Kathleen Jacob Amy Gary Angela Nicholas Anna Eric Emma Jonathan Olivia Sophie Lukas Leon Hannah Mia Noah Lucas Chloé Camille
  Hugo Léa Giulia Marco Francesca Matteo Sofia Jan Anna Piotr Katarzyna Zoë José María João Ana Lars Ingrid Søren Astrid Mateusz
  Małgorzata Hiroshi Yuki Wei Li Priya Arjun Aisha Omar Fatima Kwame Amara Siobhán Seán Björn Élodie François Jürgen Renée`
    .split(/\s+/)
    .filter(Boolean),
);

const LAST = new Skewed(
  `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor
  Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
  Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Schmidt Schneider Fischer
  Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand Lefebvre Moreau Laurent Simon Michel Rossi Russo Ferrari Esposito Bianchi
  Romano Colombo Ricci Marino Greco Kowalski Nowak Wiśniewski Wójcik Kowalczyk Jansen Bakker Visser Smit Meijer Novak Horvat Silva
  Santos Ferreira Pereira Oliveira Costa Rodrigues Almeida Nilsson Johansson Karlsson Andersson Larsson Hansen Nielsen Jensen
  Pedersen Kim Park Choi Tanaka Suzuki Sato Watanabe Takahashi Wang Zhang Liu Chen Yang Huang Zhao Patel Shah Singh Kumar Sharma
  Gupta O'Brien Murphy Kelly Walsh Byrne Ryan Evans Hughes Morgan Cooper Ward Cox Richardson Wood Watson Brooks Bennett Gray James
  Reyes Cruz Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz Jenkins Gutierrez Perry Butler Barnes
  Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Marshall Owens Mendoza Harper Hart Hartmann Hartley
  Marsh Marquez Martens Lindqvist Okafor Mensah Haddad Nakamura Kobayashi Ivanov Petrov Popescu Horváth Papadopoulos Yilmaz Kaya
  Demir Cohen Levi Friedman Schwartz Klein Wolf Neumann Zimmermann Braun Krüger Hofmann Lange Schmitt Werner Krause Meier Lehmann
  Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel
  Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus`
    .split(/\s+/)
    .filter(Boolean),
);

const COMPANY_A = `Blue Red Green Silver Golden North South East West Pacific Atlantic Summit Pioneer Apex Vertex Nova Stellar
  Bright Clear Rapid Prime Core True Bold Swift Iron Stone River Lake Harbor Cedar Maple Oak Pine Falcon Eagle Lion Tiger Alpine
  Coastal Urban Metro Global United Allied Quantum Digital Smart Future Legacy Heritage Crystal Granite Polar Solar Lunar Orbit`
  .split(/\s+/)
  .filter(Boolean);
const COMPANY_B = `Ridge Valley Peak Point Bridge Gate Field Works Labs Systems Solutions Dynamics Logistics Foods Energy Health
  Capital Partners Ventures Networks Media Motors Analytics Software Robotics Textiles Pharma Builders Consulting Logic Data Cloud
  Telecom Freight Farms Brewing Designs Studios Materials Metals Plastics Chemicals Insurance Realty Travel Retail Marine Aviation`
  .split(/\s+/)
  .filter(Boolean);
const COMPANY_SUFFIX = ['Inc', 'LLC', 'Ltd', 'GmbH', 'SA', 'BV', 'AB', 'Group', 'Co', 'Corp', 'plc', 'SAS', 'S.p.A.', 'Oy', 'AG'];

const TITLES = [
  'CEO',
  'CTO',
  'CFO',
  'COO',
  'Founder',
  'Co-founder',
  'VP Sales',
  'VP Marketing',
  'Head of Operations',
  'Procurement Manager',
  'IT Manager',
  'Office Manager',
  'Purchasing Director',
  'Sales Manager',
  'Marketing Manager',
  'Product Manager',
  'Engineering Manager',
  'Operations Director',
  'Account Executive',
  'Business Analyst',
  'Consultant',
  'Owner',
  'Managing Director',
  'Head of IT',
  'Finance Manager',
  'HR Manager',
  'Buyer',
];

const PLACES: [string, string, string, string][] = [
  ['New York', 'NY', '100', 'United States'],
  ['San Francisco', 'CA', '941', 'United States'],
  ['Austin', 'TX', '787', 'United States'],
  ['Chicago', 'IL', '606', 'United States'],
  ['Seattle', 'WA', '981', 'United States'],
  ['Boston', 'MA', '021', 'United States'],
  ['Denver', 'CO', '802', 'United States'],
  ['Atlanta', 'GA', '303', 'United States'],
  ['Toronto', 'ON', 'M5V', 'Canada'],
  ['Vancouver', 'BC', 'V6B', 'Canada'],
  ['London', '', 'EC1', 'United Kingdom'],
  ['Manchester', '', 'M1 ', 'United Kingdom'],
  ['Dublin', '', 'D02', 'Ireland'],
  ['Berlin', '', '101', 'Germany'],
  ['München', 'Bayern', '803', 'Germany'],
  ['Hamburg', '', '203', 'Germany'],
  ['Paris', '', '750', 'France'],
  ['Lyon', '', '690', 'France'],
  ['Madrid', '', '280', 'Spain'],
  ['Barcelona', '', '080', 'Spain'],
  ['Milano', '', '201', 'Italy'],
  ['Roma', '', '001', 'Italy'],
  ['Amsterdam', '', '101', 'Netherlands'],
  ['Stockholm', '', '111', 'Sweden'],
  ['København', '', '120', 'Denmark'],
  ['Warszawa', '', '00-', 'Poland'],
  ['Zürich', 'ZH', '800', 'Switzerland'],
  ['São Paulo', 'SP', '010', 'Brazil'],
  ['Ciudad de México', 'CDMX', '060', 'Mexico'],
  ['Sydney', 'NSW', '200', 'Australia'],
  ['Singapore', '', '018', 'Singapore'],
  ['Tokyo', '', '100', 'Japan'],
  ['Bengaluru', 'KA', '560', 'India'],
  ['Cape Town', 'WC', '800', 'South Africa'],
];
const STREETS = [
  'Main St',
  'High Street',
  'Market Street',
  'Park Avenue',
  'Hauptstraße',
  'Rue de la Paix',
  'Via Roma',
  'Calle Mayor',
  'Station Road',
  'Harbour Way',
];

const SOURCES = [
  ['Web Form', 30],
  ['Import', 15],
  ['Social', 8],
  ['Referral', 12],
  ['Advertisement', 8],
  ['Cold Call', 10],
  ['Partner', 6],
  ['Trade Show', 5],
  ['Email', 4],
  ['Other', 2],
] as const;
export const STATUSES = [
  ['New', 30],
  ['Contacted', 25],
  ['Working', 20],
  ['Qualified', 15],
  ['Unqualified', 10],
] as const;
const INDUSTRIES = [
  'Agriculture',
  'Automotive',
  'Banking',
  'Construction',
  'Consulting',
  'Education',
  'Energy',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Manufacturing',
  'Media',
  'Real Estate',
  'Retail',
  'Software',
  'Telecommunications',
  'Transportation',
  'Other',
];
const NOTES = [
  'Met at the trade show; interested in the enterprise plan.',
  'Asked for a demo next quarter.',
  'Budget approved for the second half of the year.',
  'Currently using a competitor, contract ends in spring.',
  'Wants pricing for 50 seats and an on-premise option.',
  'Referred by an existing customer.',
  'Downloaded the whitepaper on pipeline forecasting.',
  'Follow up after the holidays.',
];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

export type LeadInput = Record<string, unknown>;

/** The i-th lead of the data set `seed`, as the API takes it. */
export function makeLead(seed: number, i: number): LeadInput {
  const rng = new Rng((seed * 1_000_003 + i * 7919) ^ 0x5bd1e995);
  const firstName = FIRST.pick(rng);
  const lastName = LAST.pick(rng);
  const company = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)} ${rng.pick(COMPANY_SUFFIX)}`;
  const domain = `${slug(company.split(' ').slice(0, 2).join(''))}.${rng.pick(['com', 'io', 'de', 'fr', 'co.uk', 'net', 'eu'])}`;
  const [city, state, zip, country] = rng.pick(PLACES);
  const lead: LeadInput = {
    firstName: rng.chance(0.97) ? firstName : null,
    lastName,
    company,
    title: rng.chance(0.8) ? rng.pick(TITLES) : null,
    email: rng.chance(0.9) ? `${slug(firstName)}.${slug(lastName)}${rng.chance(0.2) ? rng.int(1, 99) : ''}@${domain}` : null,
    phone: rng.chance(0.75) ? `+1 ${digits(rng, 3)}-${digits(rng, 3)}-${digits(rng, 4)}` : null,
    mobile: rng.chance(0.4) ? `+44 7${digits(rng, 3)} ${digits(rng, 6)}` : null,
    website: rng.chance(0.6) ? `https://www.${domain}` : null,
    leadSource: rng.chance(0.9) ? weighted(rng, SOURCES) : null,
    leadStatus: weighted(rng, STATUSES),
    industry: rng.chance(0.85) ? rng.pick(INDUSTRIES) : null,
    rating: rng.chance(0.6) ? rng.pick(['Hot', 'Warm', 'Cold']) : null,
    // Log-uniform between 10k and 100M: many small firms, few large ones.
    annualRevenue: rng.chance(0.85) ? Math.round(Math.exp(Math.log(1e4) + rng.next() * (Math.log(1e8) - Math.log(1e4)))) : null,
    numberOfEmployees: rng.chance(0.7) ? Math.round(Math.exp(rng.next() * Math.log(20000))) : null,
    address: rng.chance(0.7)
      ? {
          street: `${rng.int(1, 400)} ${rng.pick(STREETS)}`,
          city,
          ...(state ? { state } : {}),
          postalCode: `${zip}${digits(rng, 2)}`,
          country,
        }
      : null,
    description: rng.chance(0.3) ? rng.pick(NOTES) : null,
  };
  for (const k of Object.keys(lead)) if (lead[k] === null) delete lead[k];
  return lead;
}

/** Leads [from, from + n) of the data set. */
export const makeLeads = (seed: number, from: number, n: number) => Array.from({ length: n }, (_, k) => makeLead(seed, from + k));

/** The column values of the leads table for one lead, as the raw-engine baselines insert them. */
export const LEAD_COLUMNS = [
  'id',
  'owner',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'version',
  '_name',
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'mobile',
  'website',
  'leadSource',
  'leadStatus',
  'industry',
  'rating',
  'annualRevenue',
  'numberOfEmployees',
  'address',
  'description',
  'score',
  'converted',
] as const;

export function leadRow(lead: LeadInput, sys: { id: string; userId: string; now: number }): unknown[] {
  const name = [lead.firstName, lead.lastName].filter((x) => typeof x === 'string' && x).join(' ') || null;
  const v = (k: string) => (lead[k] === undefined ? null : lead[k]);
  return [
    sys.id,
    sys.userId,
    sys.now,
    sys.userId,
    sys.now,
    sys.userId,
    1,
    name,
    v('firstName'),
    v('lastName'),
    v('company'),
    v('title'),
    v('email'),
    v('phone'),
    v('mobile'),
    v('website'),
    v('leadSource'),
    v('leadStatus') ?? 'New',
    v('industry'),
    v('rating'),
    lead.annualRevenue == null ? null : Math.round((lead.annualRevenue as number) * 100),
    v('numberOfEmployees'),
    lead.address == null ? null : JSON.stringify(lead.address),
    v('description'),
    null,
    0,
  ];
}
