/**
 * The dates, periods and numbers of the guide as structured fields of data/: what the shipped
 * knowledge base holds, and a broken edit of each field stopping the load with the file, the
 * item and the field named. Fields are broken through the parsed YAML, so each edit hits exactly
 * the field it names.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { KnowledgeBaseError } from '../src/knowledge/knowledgeBase';
import { DEFAULT_DATA_DIR, loadKnowledgeBase } from '../src/knowledge/load';

const kb = loadKnowledgeBase();

describe('the figures of the guide in data/', () => {
  it('holds every figure the guide gives of an organization, "more than" as a bound', () => {
    expect(kb.organization('did')).toMatchObject({
      activeInLatinAmericaSince: 1974,
      countriesInLatinAmerica: 26,
      yearsWithDevelopingCountries: { value: 45, bound: 'more-than' },
      activeInCountriesSince: [{ country: 'ht', since: 1987 }],
    });
    expect(kb.organization('socodevi')).toMatchObject({
      founded: 1985,
      activeInLatinAmericaSince: 1985,
      countriesInLatinAmerica: 19,
      developingCountries: { value: 40, bound: 'exact' },
      organizationsSupported: { value: 680, bound: 'more-than' },
      peopleReached: { value: 12_000_000, bound: 'exact' },
    });
    expect(kb.organization('cca')).toMatchObject({ internationalProgramYears: { value: 40, bound: 'more-than' }, activeInCountriesSince: [] });
    // What the guide does not give stays absent, for answers to say so.
    const cca = kb.organization('cca')!;
    expect([cca.activeInLatinAmericaSince, cca.countriesInLatinAmerica, cca.founded, cca.organizationsSupported]).toEqual([undefined, undefined, undefined, undefined]);
    expect(kb.overview).toMatchObject({ combinedExperienceYears: 100, approximateCountries: 30 });
  });

  it('holds every start, end and duration the guide gives of a project', () => {
    const periods = Object.fromEntries(kb.projects.map(({ id, period: { start, end, durationYears } }) => [id, { start, end, durationYears }]));
    expect(periods).toEqual({
      pasac: { start: 2014, end: undefined, durationYears: 5 },
      prosol: { start: undefined, end: undefined, durationYears: 7 },
      'peru-crop-diversification': { start: undefined, end: undefined, durationYears: 4 },
      'bolivia-spice-value-chain': { start: 1998, end: 2018, durationYears: undefined },
      'panama-financial-centre': { start: undefined, end: undefined, durationYears: undefined },
      panseh: { start: undefined, end: undefined, durationYears: 5.5 },
      'honduras-forestry': { start: 2003, end: undefined, durationYears: undefined },
      'barbados-cooperatives-department': { start: undefined, end: undefined, durationYears: undefined },
      'bolivia-partnership-program': { start: 2012, end: 2017, durationYears: undefined },
    });
  });

  it('knows that Latin America holds every country', () => {
    expect(kb.regions.filter((region) => region.coversEveryCountry).map((region) => region.id)).toEqual(['latin-america']);
  });
});

/** Where a field sits: the file in data/, the item (by id, or the file itself), the path inside it. */
interface FieldPlace {
  readonly file: string;
  readonly item?: string;
  readonly list?: string;
  readonly path: readonly (string | number)[];
}

/** Sets a field of a copy of data/ to a value, through the parsed YAML. */
function withField(dir: string, place: FieldPlace, value: unknown): void {
  const path = join(dir, place.file);
  const data = load(readFileSync(path, 'utf8')) as Record<string, unknown> | Record<string, unknown>[];
  const items = (place.list ? (data as Record<string, unknown>)[place.list] : data) as Record<string, unknown>[] | Record<string, unknown>;
  let target = (Array.isArray(items) ? items.find((item) => item.id === place.item) : items) as Record<string | number, unknown>;
  for (const key of place.path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[place.path.at(-1)!] = value;
  writeFileSync(path, dump(data));
}

function loadError(dir: string): string {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.message;
    throw error;
  }
  throw new Error('the knowledge base loaded although it is broken');
}

const organization = (item: string, ...path: (string | number)[]): FieldPlace => ({ file: 'organizations.yaml', item, path });
const project = (item: string, ...path: (string | number)[]): FieldPlace => ({ file: `projects/${item}.yaml`, path });

/** Each new field, a value it must refuse, the item and field the message must name, and why. */
const BROKEN: ReadonlyArray<readonly [FieldPlace, unknown, string, string, RegExp]> = [
  [organization('did', 'yearsWithDevelopingCountries'), 'more than 45', 'did', 'yearsWithDevelopingCountries', /moreThan: N/],
  [organization('did', 'yearsWithDevelopingCountries'), { moreThan: 'forty-five' }, 'did', 'yearsWithDevelopingCountries', /moreThan: N/],
  [organization('did', 'yearsWithDevelopingCountries'), { over: 45 }, 'did', 'yearsWithDevelopingCountries', /moreThan: N/],
  [organization('cca', 'internationalProgramYears'), -40, 'cca', 'internationalProgramYears', /moreThan: N/],
  [organization('socodevi', 'organizationsSupported'), { moreThan: 680, about: 700 }, 'socodevi', 'organizationsSupported', /moreThan: N/],
  [organization('socodevi', 'developingCountries'), '40', 'socodevi', 'developingCountries', /moreThan: N/],
  [organization('socodevi', 'peopleReached'), '12 million', 'socodevi', 'peopleReached', /moreThan: N/],
  [organization('socodevi', 'founded'), 85, 'socodevi', 'founded', /greater than or equal to 1900/],
  [organization('socodevi', 'founded'), 1985.5, 'socodevi', 'founded', /integer/],
  [organization('did', 'activeInCountriesSince', 0, 'since'), 'since 1987', 'did', 'activeInCountriesSince[0].since', /Expected number/],
  [organization('did', 'activeInCountriesSince', 0, 'country'), 'Haiti', 'did', 'activeInCountriesSince[0].country', /two-letter/],
  [organization('did', 'activeInCountriesSince', 0, 'country'), 'zz', 'did', 'activeInCountriesSince[0].country', /"zz" is not a known country id/],
  [project('panseh', 'period', 'durationYears'), 5.4, 'panseh', 'period.durationYears', /whole or half number of years/],
  [project('prosol', 'period', 'durationYears'), 'seven', 'prosol', 'period.durationYears', /Expected number/],
  [project('bolivia-partnership-program', 'period', 'end'), 2010, 'bolivia-partnership-program', 'period.end', /must not end before it starts/],
  [{ file: 'countries.yaml', list: 'regions', item: 'latin-america', path: ['coversEveryCountry'] }, 'yes', 'regions/latin-america', 'coversEveryCountry', /Expected boolean/],
];

describe('a broken figure stops the load with the file, the item and the field named', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-figures-'));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the copy before it is broken', () => {
    expect(loadKnowledgeBase(dir).projects).toHaveLength(kb.projects.length);
  });

  it.each(BROKEN.map(([place, value, item, field, why]) => [`${place.file} ${item} ${field} = ${JSON.stringify(value)}`, place, value, item, field, why] as const))(
    '%s',
    (_name, place, value, item, field, why) => {
      withField(dir, place, value);
      const message = loadError(dir);
      const shownFile = place.file.replace(/[.[\]/\\]/g, (c) => (c === '/' ? '[/\\\\]' : `\\${c}`));
      expect(message).toMatch(new RegExp(`${shownFile}: item "${item.replace(/[/]/g, '\\/')}", field "${field.replace(/[.[\]]/g, '\\$&')}": .*`));
      expect(message).toMatch(why);
    },
  );
});
