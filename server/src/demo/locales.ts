import type { Random } from './random.js';

/**
 * The places demo companies and people come from. Names are common ones in each country;
 * phone numbers use the ranges set aside for fiction where a country has one (US 555-01xx,
 * UK 07700 900xxx, AU 0491 570xxx).
 */
export interface City {
  city: string;
  state?: string;
  /** '#' is a digit, '%' a digit 2–9, '@' a capital letter. */
  postalCode: string;
  streets: string[];
}

export interface Locale {
  code: string;
  country: string;
  /** The country's name in its own language, for subsidiaries ("Kestrel Logistics Deutschland GmbH"). */
  localName: string;
  weight: number;
  legalForms: string[];
  firstNames: string[];
  lastNames: string[];
  /** Some countries give people two surnames. */
  doubleSurname?: number;
  brandRoots: string[];
  cities: City[];
  /** Formats a street name of a city with a number: "Friedrichstraße 12", "12 rue de Rivoli". */
  street: (r: Random, streetName: string) => string;
  phone: string;
}

const num = (r: Random, min: number, max: number) => String(r.int(min, max));

export const LOCALES: Locale[] = [
  {
    code: 'US',
    country: 'United States',
    localName: 'USA',
    weight: 20,
    legalForms: ['Inc.', 'Inc.', 'LLC', 'Corp.'],
    firstNames: [
      'James',
      'Emily',
      'Michael',
      'Olivia',
      'David',
      'Sophia',
      'Daniel',
      'Madison',
      'Tyler',
      'Aaliyah',
      'Marcus',
      'Jennifer',
      'Ethan',
      'Grace',
    ],
    lastNames: [
      'Johnson',
      'Smith',
      'Williams',
      'Brown',
      'Garcia',
      'Nguyen',
      'Miller',
      'Davis',
      'Rodriguez',
      'Washington',
      'Kim',
      'Anderson',
      'Patel',
      'Cohen',
    ],
    brandRoots: ['Redwood', 'Blue Ridge', 'Liberty', 'Pioneer', 'Cascade', 'Golden Gate', 'Lone Star', 'Great Lakes'],
    cities: [
      { city: 'San Francisco', state: 'CA', postalCode: '941##', streets: ['Market Street', 'Mission Street', 'Howard Street'] },
      { city: 'Austin', state: 'TX', postalCode: '787##', streets: ['Congress Avenue', 'Lamar Boulevard', '6th Street'] },
      { city: 'Chicago', state: 'IL', postalCode: '606##', streets: ['Michigan Avenue', 'Wacker Drive', 'LaSalle Street'] },
      { city: 'Boston', state: 'MA', postalCode: '021##', streets: ['Boylston Street', 'Atlantic Avenue', 'Summer Street'] },
      { city: 'New York', state: 'NY', postalCode: '100##', streets: ['Broadway', 'Madison Avenue', 'Hudson Street'] },
      { city: 'Seattle', state: 'WA', postalCode: '981##', streets: ['Pine Street', '1st Avenue', 'Westlake Avenue'] },
      { city: 'Denver', state: 'CO', postalCode: '802##', streets: ['Larimer Street', '17th Street', 'Blake Street'] },
      { city: 'Atlanta', state: 'GA', postalCode: '303##', streets: ['Peachtree Street', 'Spring Street', 'Piedmont Avenue'] },
    ],
    street: (r, s) => `${num(r, 10, 4999)} ${s}${r.chance(0.3) ? `, Suite ${num(r, 100, 1200)}` : ''}`,
    phone: '+1 (%##) 555-01##',
  },
  {
    code: 'GB',
    country: 'United Kingdom',
    localName: 'UK',
    weight: 10,
    legalForms: ['Ltd', 'Ltd', 'plc'],
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Zoë', 'Charlotte', 'William', 'Priya', 'Callum', 'Imogen', 'Rhys'],
    lastNames: ['Taylor', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Khan', 'Clarke', 'Fletcher', 'Ashworth'],
    brandRoots: ['Thames', 'Pennine', 'Kingsbridge', 'Hartwell', 'Oakham', 'Whitecliff'],
    cities: [
      { city: 'London', postalCode: 'EC# #@@', streets: ['Old Street', 'Bishopsgate', 'Shoreditch High Street'] },
      { city: 'Manchester', postalCode: 'M# #@@', streets: ['Deansgate', 'King Street', 'Oxford Road'] },
      { city: 'Bristol', postalCode: 'BS# #@@', streets: ['Victoria Street', 'Queen Square', 'Park Street'] },
      { city: 'Leeds', postalCode: 'LS# #@@', streets: ['Wellington Street', 'The Headrow', 'Park Row'] },
      { city: 'Edinburgh', state: 'Scotland', postalCode: 'EH# #@@', streets: ['George Street', 'Queen Street', 'Leith Walk'] },
    ],
    street: (r, s) => `${num(r, 1, 220)} ${s}`,
    phone: '+44 7700 900###',
  },
  {
    code: 'DE',
    country: 'Germany',
    localName: 'Deutschland',
    weight: 10,
    legalForms: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG'],
    firstNames: ['Jürgen', 'Lena', 'Maximilian', 'Anja', 'Lukas', 'Sophie', 'Matthias', 'Jana', 'Björn', 'Katharina', 'Felix', 'Sabine'],
    lastNames: ['Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Köhler', 'Becker', 'Hoffmann', 'Schröder', 'Wagner', 'Krüger', 'Neumann', 'Groß'],
    brandRoots: ['Nordlicht', 'Rheinwerk', 'Alpenblick', 'Elbtal', 'Sonnenfeld', 'Hanse'],
    cities: [
      { city: 'Berlin', postalCode: '10###', streets: ['Friedrichstraße', 'Torstraße', 'Kurfürstendamm'] },
      { city: 'München', postalCode: '80###', streets: ['Leopoldstraße', 'Maximilianstraße', 'Sendlinger Straße'] },
      { city: 'Hamburg', postalCode: '20###', streets: ['Mönckebergstraße', 'Jungfernstieg', 'Große Elbstraße'] },
      { city: 'Köln', postalCode: '50###', streets: ['Hohe Straße', 'Aachener Straße', 'Mediapark'] },
      { city: 'Frankfurt am Main', postalCode: '60###', streets: ['Mainzer Landstraße', 'Zeil', 'Taunusanlage'] },
      { city: 'Stuttgart', postalCode: '70###', streets: ['Königstraße', 'Theodor-Heuss-Straße', 'Heilbronner Straße'] },
    ],
    street: (r, s) => `${s} ${num(r, 1, 180)}`,
    phone: '+49 %# ########',
  },
  {
    code: 'FR',
    country: 'France',
    localName: 'France',
    weight: 8,
    legalForms: ['SAS', 'SA', 'SARL'],
    firstNames: ['Élodie', 'François', 'Chloé', 'Amélie', 'Théo', 'Camille', 'Hélène', 'Mathéo', 'Inès', 'Jérôme', 'Margaux', 'Loïc'],
    lastNames: [
      'Lefèvre',
      'Dubois',
      'Moreau',
      'Martin',
      'Bernard',
      'Durand',
      'Girard',
      'Rousseau',
      'Fontaine',
      'Benoît',
      'Mercier',
      'Lambert',
    ],
    brandRoots: ['Lumière', 'Belle Rive', 'Clairmont', 'Val de Loire', 'Mistral', 'Côte d’Azur'],
    cities: [
      { city: 'Paris', postalCode: '750##', streets: ['rue de Rivoli', 'boulevard Haussmann', 'rue du Faubourg Saint-Honoré'] },
      { city: 'Lyon', postalCode: '6900#', streets: ['rue de la République', 'cours Lafayette', 'quai Perrache'] },
      { city: 'Toulouse', postalCode: '3100#', streets: ['rue d’Alsace-Lorraine', 'allées Jean Jaurès', 'rue de Metz'] },
      { city: 'Bordeaux', postalCode: '3300#', streets: ['quai des Chartrons', 'rue Sainte-Catherine', 'cours de l’Intendance'] },
      { city: 'Nantes', postalCode: '4400#', streets: ['rue Crébillon', 'quai de la Fosse', 'boulevard Guist’hau'] },
    ],
    street: (r, s) => `${num(r, 1, 140)} ${s}`,
    phone: '+33 1 ## ## ## ##',
  },
  {
    code: 'ES',
    country: 'Spain',
    localName: 'España',
    weight: 5,
    legalForms: ['S.L.', 'S.L.', 'S.A.'],
    firstNames: ['Ana María', 'José Luis', 'Lucía', 'Íñigo', 'Carmen', 'Javier', 'María José', 'Álvaro', 'Nuria', 'Sergio'],
    lastNames: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Muñoz', 'Ibáñez', 'Peña', 'Ruiz', 'Jiménez'],
    doubleSurname: 0.6,
    brandRoots: ['Solaria', 'Mar Azul', 'Altamira', 'Sierra Nevada', 'Olivar'],
    cities: [
      { city: 'Madrid', state: 'Madrid', postalCode: '280##', streets: ['Calle de Alcalá', 'Gran Vía', 'Paseo de la Castellana'] },
      {
        city: 'Barcelona',
        state: 'Cataluña',
        postalCode: '080##',
        streets: ['Passeig de Gràcia', 'Carrer de Balmes', 'Avinguda Diagonal'],
      },
      {
        city: 'Valencia',
        state: 'Comunidad Valenciana',
        postalCode: '460##',
        streets: ['Calle de Colón', 'Avenida del Puerto', 'Calle de la Paz'],
      },
      {
        city: 'Sevilla',
        state: 'Andalucía',
        postalCode: '410##',
        streets: ['Avenida de la Constitución', 'Calle Sierpes', 'Calle Torneo'],
      },
      {
        city: 'Bilbao',
        state: 'País Vasco',
        postalCode: '480##',
        streets: ['Gran Vía de Don Diego López de Haro', 'Alameda de Mazarredo', 'Calle Ercilla'],
      },
    ],
    street: (r, s) => `${s}, ${num(r, 1, 200)}`,
    phone: '+34 91# ### ###',
  },
  {
    code: 'MX',
    country: 'Mexico',
    localName: 'México',
    weight: 3,
    legalForms: ['S.A. de C.V.'],
    firstNames: ['Ana María', 'Alejandro', 'Guadalupe', 'Andrés', 'Fernanda', 'Ricardo', 'Valeria', 'Emiliano'],
    lastNames: ['Hernández', 'González', 'Rodríguez', 'Ramírez', 'Flores', 'Vázquez', 'Castañeda', 'Ortiz'],
    doubleSurname: 0.6,
    brandRoots: ['Azteca', 'Sol de Oriente', 'Maguey', 'Nopal'],
    cities: [
      {
        city: 'Ciudad de México',
        state: 'CDMX',
        postalCode: '06###',
        streets: ['Av. Paseo de la Reforma', 'Av. Insurgentes Sur', 'Calle Madero'],
      },
      { city: 'Guadalajara', state: 'Jalisco', postalCode: '44###', streets: ['Av. Chapultepec', 'Av. Vallarta', 'Av. López Mateos'] },
      {
        city: 'Monterrey',
        state: 'Nuevo León',
        postalCode: '64###',
        streets: ['Av. Constitución', 'Calzada del Valle', 'Av. Lázaro Cárdenas'],
      },
    ],
    street: (r, s) => `${s} ${num(r, 1, 900)}`,
    phone: '+52 55 #### ####',
  },
  {
    code: 'PL',
    country: 'Poland',
    localName: 'Polska',
    weight: 5,
    legalForms: ['Sp. z o.o.', 'Sp. z o.o.', 'S.A.'],
    firstNames: ['Łukasz', 'Małgorzata', 'Wojciech', 'Zofia', 'Paweł', 'Agnieszka', 'Michał', 'Katarzyna', 'Grzegorz', 'Aleksandra'],
    lastNames: ['Nowak', 'Wójcik', 'Woźniak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wróbel', 'Pawlak', 'Dudek', 'Sikora'],
    brandRoots: ['Wisła', 'Bursztyn', 'Tatry', 'Mazowsze', 'Orzeł'],
    cities: [
      { city: 'Warszawa', state: 'mazowieckie', postalCode: '00-###', streets: ['Marszałkowska', 'Aleje Jerozolimskie', 'Prosta'] },
      { city: 'Kraków', state: 'małopolskie', postalCode: '31-###', streets: ['Floriańska', 'Kalwaryjska', 'Lubicz'] },
      { city: 'Gdańsk', state: 'pomorskie', postalCode: '80-###', streets: ['Długa', 'Grunwaldzka', 'Aleja Zwycięstwa'] },
      { city: 'Wrocław', state: 'dolnośląskie', postalCode: '50-###', streets: ['Świdnicka', 'Legnicka', 'Strzegomska'] },
      { city: 'Łódź', state: 'łódzkie', postalCode: '90-###', streets: ['Piotrkowska', 'Zielona', 'Łąkowa'] },
    ],
    street: (r, s) => `ul. ${s} ${num(r, 1, 150)}`,
    phone: '+48 22 ### ## ##',
  },
  {
    code: 'DK',
    country: 'Denmark',
    localName: 'Danmark',
    weight: 4,
    legalForms: ['A/S', 'ApS'],
    firstNames: ['Søren', 'Mette', 'Jørgen', 'Astrid', 'Rasmus', 'Signe', 'Mads', 'Freja', 'Anders', 'Ida'],
    lastNames: ['Jørgensen', 'Nielsen', 'Sørensen', 'Hansen', 'Pedersen', 'Christensen', 'Møller', 'Kjær', 'Thomsen', 'Lund'],
    brandRoots: ['Nordhavn', 'Fjordlys', 'Skovbo', 'Havblik'],
    cities: [
      { city: 'København', postalCode: '1###', streets: ['Vesterbrogade', 'Strøget', 'Store Kongensgade'] },
      { city: 'Aarhus', postalCode: '8000', streets: ['Åboulevarden', 'Søndergade', 'Banegårdspladsen'] },
      { city: 'Odense', postalCode: '5000', streets: ['Vestergade', 'Kongensgade', 'Østre Stationsvej'] },
      { city: 'Aalborg', postalCode: '9000', streets: ['Boulevarden', 'Vesterbro', 'Østerågade'] },
    ],
    street: (r, s) => `${s} ${num(r, 1, 120)}`,
    phone: '+45 %# ## ## ##',
  },
  {
    code: 'SE',
    country: 'Sweden',
    localName: 'Sverige',
    weight: 4,
    legalForms: ['AB'],
    firstNames: ['Björn', 'Åsa', 'Linnéa', 'Erik', 'Märta', 'Oskar', 'Ingrid', 'Johan', 'Elin', 'Göran'],
    lastNames: ['Öberg', 'Lindqvist', 'Ångström', 'Johansson', 'Andersson', 'Karlsson', 'Nyström', 'Bergström', 'Håkansson', 'Ek'],
    brandRoots: ['Skärgård', 'Fjällvind', 'Norrsken', 'Björkdal'],
    cities: [
      { city: 'Stockholm', postalCode: '111 ##', streets: ['Drottninggatan', 'Kungsgatan', 'Götgatan'] },
      { city: 'Göteborg', postalCode: '411 ##', streets: ['Kungsportsavenyn', 'Östra Hamngatan', 'Lilla Bommen'] },
      { city: 'Malmö', postalCode: '211 ##', streets: ['Södra Förstadsgatan', 'Stortorget', 'Hans Michelsensgatan'] },
      { city: 'Uppsala', postalCode: '753 ##', streets: ['Kungsgatan', 'Dragarbrunnsgatan', 'Vaksalagatan'] },
    ],
    street: (r, s) => `${s} ${num(r, 1, 110)}`,
    phone: '+46 8 ### ### ##',
  },
  {
    code: 'NL',
    country: 'Netherlands',
    localName: 'Nederland',
    weight: 5,
    legalForms: ['B.V.', 'B.V.', 'N.V.'],
    firstNames: ['Zoë', 'Daan', 'Sanne', 'Joëlle', 'Bram', 'Fleur', 'Thijs', 'Noor', 'Jeroen', 'Maaike'],
    lastNames: ['de Vries', 'van Dijk', 'Jansen', 'Bakker', 'Visser', 'Smit', 'de Jong', 'van den Berg', 'Mulder', 'Dekker'],
    brandRoots: ['Polder', 'Tulpenveld', 'Grachtenhuis', 'Windmolen'],
    cities: [
      { city: 'Amsterdam', postalCode: '10## @@', streets: ['Keizersgracht', 'Damrak', 'Herengracht'] },
      { city: 'Rotterdam', postalCode: '30## @@', streets: ['Coolsingel', 'Wilhelminakade', 'Blaak'] },
      { city: 'Utrecht', postalCode: '35## @@', streets: ['Oudegracht', 'Catharijnesingel', 'Croeselaan'] },
      { city: 'Eindhoven', postalCode: '56## @@', streets: ['Stratumseind', 'Vestdijk', 'Kennedyplein'] },
    ],
    street: (r, s) => `${s} ${num(r, 1, 400)}`,
    phone: '+31 20 ### ####',
  },
  {
    code: 'IT',
    country: 'Italy',
    localName: 'Italia',
    weight: 5,
    legalForms: ['S.p.A.', 'S.r.l.', 'S.r.l.'],
    firstNames: ['Giulia', 'Niccolò', 'Francesca', 'Lorenzo', 'Chiara', 'Matteo', 'Alessia', 'Andrea', 'Federica', 'Giuseppe'],
    lastNames: ['Rossi', 'Bianchi', 'D’Angelo', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conti', 'De Luca'],
    brandRoots: ['Stella', 'Ponte Vecchio', 'Dolomiti', 'Laguna', 'Toscana'],
    cities: [
      { city: 'Milano', state: 'MI', postalCode: '201##', streets: ['Via Montenapoleone', 'Corso Buenos Aires', 'Via Torino'] },
      { city: 'Roma', state: 'RM', postalCode: '001##', streets: ['Via del Corso', 'Via Nazionale', 'Via Veneto'] },
      { city: 'Torino', state: 'TO', postalCode: '101##', streets: ['Via Roma', 'Corso Vittorio Emanuele II', 'Via Garibaldi'] },
      { city: 'Bologna', state: 'BO', postalCode: '401##', streets: ['Via dell’Indipendenza', 'Via Rizzoli', 'Via Emilia Ponente'] },
      { city: 'Firenze', state: 'FI', postalCode: '501##', streets: ['Via de’ Tornabuoni', 'Via dei Calzaiuoli', 'Viale Belfiore'] },
    ],
    street: (r, s) => `${s} ${num(r, 1, 120)}`,
    phone: '+39 02 #### ####',
  },
  {
    code: 'BR',
    country: 'Brazil',
    localName: 'Brasil',
    weight: 4,
    legalForms: ['Ltda.', 'S.A.'],
    firstNames: ['João', 'Luíza', 'Thiago', 'Mariana', 'Gonçalo', 'Letícia', 'Caio', 'Beatriz', 'Rafael', 'Júlia'],
    lastNames: ['Araújo', 'Gonçalves', 'Conceição', 'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Magalhães', 'Assunção'],
    brandRoots: ['Ipê', 'Horizonte', 'Cerrado', 'Serra Azul'],
    cities: [
      {
        city: 'São Paulo',
        state: 'SP',
        postalCode: '01###-###',
        streets: ['Avenida Paulista', 'Rua Oscar Freire', 'Avenida Brigadeiro Faria Lima'],
      },
      {
        city: 'Rio de Janeiro',
        state: 'RJ',
        postalCode: '20###-###',
        streets: ['Avenida Atlântica', 'Rua da Assembleia', 'Avenida Rio Branco'],
      },
      {
        city: 'Belo Horizonte',
        state: 'MG',
        postalCode: '30###-###',
        streets: ['Avenida Afonso Pena', 'Rua da Bahia', 'Avenida do Contorno'],
      },
      {
        city: 'Curitiba',
        state: 'PR',
        postalCode: '80###-###',
        streets: ['Rua XV de Novembro', 'Avenida Sete de Setembro', 'Rua Marechal Deodoro'],
      },
    ],
    street: (r, s) => `${s}, ${num(r, 1, 2500)}`,
    phone: '+55 11 9####-####',
  },
  {
    code: 'JP',
    country: 'Japan',
    localName: 'Japan',
    weight: 4,
    legalForms: ['K.K.', 'Co., Ltd.'],
    firstNames: ['Haruto', 'Yūki', 'Sakura', 'Ren', 'Aoi', 'Sōta', 'Hina', 'Kenji', 'Yui', 'Takumi'],
    lastNames: ['Tanaka', 'Satō', 'Itō', 'Suzuki', 'Takahashi', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Katō'],
    brandRoots: ['Sakura', 'Fujimi', 'Hikari', 'Kaze'],
    cities: [
      {
        city: 'Tokyo',
        state: 'Tokyo',
        postalCode: '100-00##',
        streets: ['Marunouchi, Chiyoda-ku', 'Shibuya, Shibuya-ku', 'Roppongi, Minato-ku'],
      },
      { city: 'Osaka', state: 'Osaka', postalCode: '530-00##', streets: ['Umeda, Kita-ku', 'Namba, Chūō-ku', 'Honmachi, Chūō-ku'] },
      {
        city: 'Yokohama',
        state: 'Kanagawa',
        postalCode: '220-00##',
        streets: ['Minatomirai, Nishi-ku', 'Kitasaiwai, Nishi-ku', 'Yamashitachō, Naka-ku'],
      },
      {
        city: 'Fukuoka',
        state: 'Fukuoka',
        postalCode: '810-00##',
        streets: ['Tenjin, Chūō-ku', 'Hakata Ekimae, Hakata-ku', 'Daimyō, Chūō-ku'],
      },
    ],
    street: (r, s) => `${num(r, 1, 9)}-${num(r, 1, 20)}-${num(r, 1, 30)} ${s}`,
    phone: '+81 3-####-####',
  },
  {
    code: 'IN',
    country: 'India',
    localName: 'India',
    weight: 5,
    legalForms: ['Pvt. Ltd.', 'Pvt. Ltd.', 'Ltd.'],
    firstNames: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Divya', 'Aditya', 'Sneha', 'Rahul'],
    lastNames: ['Sharma', 'Iyer', 'Reddy', 'Patel', 'Gupta', 'Nair', 'Menon', 'Banerjee', 'Singh', 'Desai'],
    brandRoots: ['Sahyadri', 'Ganga', 'Lotus', 'Deccan', 'Himalaya'],
    cities: [
      { city: 'Bengaluru', state: 'Karnataka', postalCode: '5600##', streets: ['MG Road', 'Brigade Road', 'Outer Ring Road'] },
      { city: 'Mumbai', state: 'Maharashtra', postalCode: '4000##', streets: ['Linking Road', 'Nariman Point', 'Bandra Kurla Complex'] },
      { city: 'Pune', state: 'Maharashtra', postalCode: '4110##', streets: ['FC Road', 'Baner Road', 'Koregaon Park Road'] },
      {
        city: 'Hyderabad',
        state: 'Telangana',
        postalCode: '5000##',
        streets: ['HITEC City Road', 'Banjara Hills Road No. 12', 'Jubilee Hills Road'],
      },
      { city: 'Chennai', state: 'Tamil Nadu', postalCode: '6000##', streets: ['Anna Salai', 'Rajiv Gandhi Salai', 'T. Nagar Main Road'] },
    ],
    street: (r, s) => `${num(r, 1, 300)} ${s}`,
    phone: '+91 80 #### ####',
  },
  {
    code: 'CA',
    country: 'Canada',
    localName: 'Canada',
    weight: 5,
    legalForms: ['Inc.', 'Ltd.'],
    firstNames: ['Liam', 'Chloé', 'Noah', 'Émilie', 'Connor', 'Maëlle', 'Jacob', 'Avery', 'Gabriel', 'Léa'],
    lastNames: ['Tremblay', 'Roy', 'Gagnon', 'Côté', 'MacDonald', 'Campbell', 'Bouchard', 'Lévesque', 'Stewart', 'Pelletier'],
    brandRoots: ['Maple', 'Laurentian', 'Northern Lights', 'Rocky Mountain'],
    cities: [
      { city: 'Toronto', state: 'ON', postalCode: 'M#@ #@#', streets: ['King Street West', 'Yonge Street', 'Bay Street'] },
      {
        city: 'Montréal',
        state: 'QC',
        postalCode: 'H#@ #@#',
        streets: ['Rue Sainte-Catherine Ouest', 'Boulevard René-Lévesque', 'Rue Saint-Jacques'],
      },
      { city: 'Vancouver', state: 'BC', postalCode: 'V#@ #@#', streets: ['Granville Street', 'West Hastings Street', 'Burrard Street'] },
      { city: 'Calgary', state: 'AB', postalCode: 'T#@ #@#', streets: ['Stephen Avenue', '4 Avenue SW', 'Macleod Trail'] },
    ],
    street: (r, s) => `${num(r, 10, 2500)} ${s}`,
    phone: '+1 (%##) 555-01##',
  },
  {
    code: 'AU',
    country: 'Australia',
    localName: 'Australia',
    weight: 4,
    legalForms: ['Pty Ltd'],
    firstNames: ['Jack', 'Matilda', 'Lachlan', 'Chloe', 'Mitchell', 'Isabella', 'Kai', 'Ruby', 'Hamish', 'Sienna'],
    lastNames: ['Wilson', 'Nguyen', 'Kelly', 'Murphy', 'Mitchell', 'Ryan', 'Thompson', 'Walsh', 'Tran', 'O’Connor'],
    brandRoots: ['Southern Cross', 'Coral Bay', 'Outback', 'Eucalypt'],
    cities: [
      { city: 'Sydney', state: 'NSW', postalCode: '2000', streets: ['George Street', 'Pitt Street', 'Kent Street'] },
      { city: 'Melbourne', state: 'VIC', postalCode: '3000', streets: ['Collins Street', 'Bourke Street', 'Flinders Lane'] },
      { city: 'Brisbane', state: 'QLD', postalCode: '4000', streets: ['Queen Street', 'Adelaide Street', 'Eagle Street'] },
      { city: 'Perth', state: 'WA', postalCode: '6000', streets: ['St Georges Terrace', 'Hay Street', 'Murray Street'] },
    ],
    street: (r, s) => `${num(r, 1, 400)} ${s}`,
    phone: '+61 491 570 ###',
  },
  {
    code: 'IE',
    country: 'Ireland',
    localName: 'Ireland',
    weight: 3,
    legalForms: ['Ltd', 'DAC'],
    firstNames: ['Siobhán', 'Seán', 'Aoife', 'Ciarán', 'Niamh', 'Pádraig', 'Róisín', 'Darragh'],
    lastNames: ['Ó Súilleabháin', 'Murphy', 'Kelly', 'O’Brien', 'Byrne', 'Ní Bhriain', 'Walsh', 'McCarthy'],
    brandRoots: ['Shamrock', 'Liffey', 'Emerald Isle'],
    cities: [
      {
        city: 'Dublin',
        state: 'Co. Dublin',
        postalCode: 'D0# @###',
        streets: ['Grafton Street', 'Harcourt Street', 'Sir John Rogerson’s Quay'],
      },
      { city: 'Cork', state: 'Co. Cork', postalCode: 'T12 @###', streets: ['Patrick Street', 'South Mall', 'Lapp’s Quay'] },
      { city: 'Galway', state: 'Co. Galway', postalCode: 'H91 @###', streets: ['Shop Street', 'Eyre Square', 'Dock Road'] },
    ],
    street: (r, s) => `${num(r, 1, 90)} ${s}`,
    phone: '+353 1 ### ####',
  },
  {
    code: 'TR',
    country: 'Türkiye',
    localName: 'Türkiye',
    weight: 3,
    legalForms: ['A.Ş.', 'Ltd. Şti.'],
    firstNames: ['Çağla', 'Şükrü', 'Elif', 'Emre', 'Gökhan', 'Ayşe', 'Oğuz', 'Zeynep', 'İlker', 'Büşra'],
    lastNames: ['Öztürk', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Doğan', 'Arslan', 'Güneş'],
    brandRoots: ['Boğaziçi', 'Anadolu', 'Kapadokya', 'Ege'],
    cities: [
      { city: 'İstanbul', postalCode: '34###', streets: ['İstiklal Caddesi', 'Bağdat Caddesi', 'Büyükdere Caddesi'] },
      { city: 'Ankara', postalCode: '06###', streets: ['Atatürk Bulvarı', 'Tunalı Hilmi Caddesi', 'Eskişehir Yolu'] },
      { city: 'İzmir', postalCode: '35###', streets: ['Kordon Boyu', 'Cumhuriyet Bulvarı', 'Kıbrıs Şehitleri Caddesi'] },
    ],
    street: (r, s) => `${s} No: ${num(r, 1, 250)}`,
    phone: '+90 212 ### ## ##',
  },
];

/** Fills a pattern: '#' → digit, '%' → digit 2–9, '@' → capital letter. */
export function fillPattern(r: Random, pattern: string): string {
  return pattern.replace(/[#%@]/g, (c) =>
    c === '#' ? String(r.int(0, 9)) : c === '%' ? String(r.int(2, 9)) : String.fromCharCode(65 + r.int(0, 25)),
  );
}

const SPECIAL: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  œ: 'oe',
  Œ: 'OE',
};

/** "Łukasz Wójcik" → "Lukasz Wojcik": for email addresses and domain names. */
export function toAscii(s: string): string {
  return s
    .replace(/[łŁøØæÆßđĐðÐþÞıœŒ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case letters and digits only ("D’Angelo" → "dangelo", "de Vries" → "devries"). */
export function compact(s: string): string {
  return toAscii(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A domain label: "Côte d’Azur Logistics" → "cote-dazur-logistics". */
export function slug(s: string): string {
  return toAscii(s)
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
