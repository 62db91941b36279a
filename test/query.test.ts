/**
 * runQuery against plain filters over kb.projects (test/support/plainFilter.ts): for every organization x region
 * x sector x has-video x video language (each also unset), with and without exclusions, the
 * projects, their order, counts, countries and leads are the ones a reader of data/ would list.
 * The figures are checked against what the guide states of each organization.
 */
import { loadKnowledgeBase } from '../src/knowledge/load';
import { NO_QUERY_FILTERS, runQuery, type ProjectQuery, type QueryFilters, type QueryOperation } from '../src/knowledge/query';
import { ORGANIZATION_FIGURES, type FigureValue, type OrganizationFigure } from '../src/knowledge/figures';
import { LANGUAGES } from '../src/knowledge/schema';
import { either, filterGrid, filtersOf, plainFilter as plainFilterOf } from './support/plainFilter';

const kb = loadKnowledgeBase();

const organizations = either(kb.organizations.map((o) => o.id));
const projectCountries = [...new Set(kb.projects.map((p) => p.country))];
const plainFilter = (q: ProjectQuery) => plainFilterOf(kb, q);

function query(operation: QueryOperation, f: QueryFilters, exclude: QueryFilters = NO_QUERY_FILTERS, excludeProjects: readonly string[] = []): ProjectQuery {
  return { operation, filters: f, exclude, excludeProjects };
}

/** Every combination of the criteria, each also unset. */
const GRID: QueryFilters[] = filterGrid(kb, LANGUAGES);

/** Exclusions, one at a time or together: each organization, country, sector, video, and projects by id. */
const EXCLUSIONS: ReadonlyArray<{ exclude: QueryFilters; excludeProjects: readonly string[] }> = [
  ...kb.organizations.map((o) => ({ exclude: filtersOf({ organization: o.id }), excludeProjects: [] })),
  ...projectCountries.map((country) => ({ exclude: filtersOf({ country }), excludeProjects: [] })),
  ...kb.regions.map((r) => ({ exclude: filtersOf({ region: r.id }), excludeProjects: [] })),
  ...kb.sectors.map((s) => ({ exclude: filtersOf({ sector: s.id }), excludeProjects: [] })),
  { exclude: filtersOf({ hasVideo: true }), excludeProjects: [] },
  { exclude: filtersOf({ hasVideo: false }), excludeProjects: [] },
  ...LANGUAGES.map((videoLanguage) => ({ exclude: filtersOf({ videoLanguage }), excludeProjects: [] })),
  ...kb.projects.map((p) => ({ exclude: NO_QUERY_FILTERS, excludeProjects: [p.id] })),
  { exclude: { ...filtersOf({ organization: 'did' }), countries: ['bo'] }, excludeProjects: ['prosol'] },
];

describe('runQuery: the projects that fit', () => {
  it('has a grid that reaches every project and empty answers too', () => {
    expect(GRID).toHaveLength(4 * (kb.regions.length + 1) * 5 * 3 * 4);
    const sizes = GRID.map((f) => plainFilter(query('list', f)).length);
    expect(Math.max(...sizes)).toBe(kb.projects.length);
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThan(0);
    expect(sizes.filter((size) => size > 0 && size < kb.projects.length).length).toBeGreaterThan(100);
  });

  it('lists, for every combination of filters, exactly the plain filter over kb.projects, in its order', () => {
    for (const f of GRID) expect([f, runQuery(kb, query('list', f)).projects]).toEqual([f, plainFilter(query('list', f)).map((p) => p.id)]);
  });

  it('leaves out, for every combination of filters and every exclusion, exactly what the plain filter leaves out', () => {
    let differs = 0;
    GRID.forEach((f, index) => {
      // Each filter combination with three exclusions, in turn, so that every exclusion meets many filters.
      for (const { exclude, excludeProjects } of [0, 1, 2].map((k) => EXCLUSIONS[(index * 3 + k) % EXCLUSIONS.length]!)) {
        const q = query('list', f, exclude, excludeProjects);
        const expected = plainFilter(q).map((p) => p.id);
        expect([f, exclude, excludeProjects, runQuery(kb, q).projects]).toEqual([f, exclude, excludeProjects, expected]);
        if (expected.length !== plainFilter(query('list', f)).length) differs += 1;
      }
    });
    // The exclusions did leave projects out, often.
    expect(differs).toBeGreaterThan(100);
  });

  it('keeps only the projects the question names, when it names some, and still applies the filters', () => {
    const ids = kb.projects.map((p) => p.id);
    GRID.forEach((f, index) => {
      const named = [ids[index % ids.length]!, ids[(index * 5 + 2) % ids.length]!];
      for (const operation of ['list', 'earliest'] as const) {
        const q = { ...query(operation, f), projects: named };
        expect([f, named, runQuery(kb, q).projects.slice().sort()]).toEqual([f, named, plainFilter(q).map((p) => p.id).sort()]);
      }
    });
    const pasacOrProsol = runQuery(kb, { ...query('earliest', NO_QUERY_FILTERS), projects: ['prosol', 'pasac'] });
    expect(pasacOrProsol).toMatchObject({ projects: ['pasac', 'prosol'], starts: [{ project: 'pasac', year: 2014 }], withoutStart: ['prosol'] });
    // No project named: every project.
    expect(runQuery(kb, { ...query('list', NO_QUERY_FILTERS), projects: [] }).projects).toEqual(ids);
  });

  it('filters by country and partner as well, alone and with each organization', () => {
    for (const organization of organizations) {
      for (const country of kb.countries.map((c) => c.id)) {
        const q = query('list', filtersOf({ organization, country }));
        expect(runQuery(kb, q).projects).toEqual(plainFilter(q).map((p) => p.id));
      }
      for (const partner of kb.partners.map((p) => p.id)) {
        const q = query('list', filtersOf({ organization, partner }));
        expect(runQuery(kb, q).projects).toEqual(plainFilter(q).map((p) => p.id));
      }
    }
    expect(runQuery(kb, query('list', filtersOf({ partner: 'norandino' }))).projects).toEqual(['peru-crop-diversification']);
  });

  it('counts the projects and their countries, and names the countries in the order of the projects', () => {
    for (const f of GRID) {
      const fitting = plainFilter(query('count', f));
      const countries = [...new Set(fitting.map((p) => p.country))];
      const result = runQuery(kb, query('count', f));
      expect(result.counts).toEqual({ projects: fitting.length, countries: countries.length });
      expect(result.countries).toEqual(countries);
    }
    const caribbean = runQuery(kb, { ...query('count', filtersOf({ region: 'caribbean' })), countCountries: true });
    expect(caribbean.counts).toEqual({ projects: 2, countries: 2 });
    expect([...caribbean.countries].sort()).toEqual(['bb', 'ht']);
  });

  it('groups the projects by who leads them, organizations in the knowledge base order', () => {
    for (const f of GRID) {
      const fitting = plainFilter(query('leads', f));
      const expected = kb.organizations
        .map((o) => ({ organization: o.id, projects: fitting.filter((p) => p.lead === o.id).map((p) => p.id) }))
        .filter((lead) => lead.projects.length > 0);
      expect(runQuery(kb, query('leads', f)).leads).toEqual(expected);
    }
  });

  it.each(['earliest', 'latest'] as const)('orders by start year for %s, the projects without one last, and says which have none', (operation) => {
    for (const f of GRID) {
      const fitting = plainFilter(query(operation, f));
      const dated = fitting.filter((p) => p.period.start !== undefined);
      const byYear = [...dated].sort((a, b) => (operation === 'earliest' ? 1 : -1) * (a.period.start! - b.period.start!) || fitting.indexOf(a) - fitting.indexOf(b));
      const undated = fitting.filter((p) => p.period.start === undefined).map((p) => p.id);
      const result = runQuery(kb, query(operation, f));
      expect(result.projects).toEqual([...byYear.map((p) => p.id), ...undated]);
      expect(result.starts).toEqual(byYear.map((p) => ({ project: p.id, year: p.period.start })));
      expect(result.withoutStart).toEqual(undated);
    }
    const all = runQuery(kb, query(operation, NO_QUERY_FILTERS));
    expect(all.starts[0]).toEqual(operation === 'earliest' ? { project: 'bolivia-spice-value-chain', year: 1998 } : { project: 'pasac', year: 2014 });
  });

  it('knows every region, and finds every project in Latin America', () => {
    expect(runQuery(kb, query('list', filtersOf({ region: 'latin-america' }))).projects).toEqual(kb.projects.map((p) => p.id));
    expect(runQuery(kb, query('list', NO_QUERY_FILTERS, filtersOf({ region: 'latin-america' }))).projects).toEqual([]);
    expect(runQuery(kb, query('list', filtersOf({ region: 'caribbean', organization: 'did' }))).projects).toEqual(['panseh']);
  });
});

/** What the guide states of each organization, figure by figure (absent: the guide does not give it). */
const STATED: Readonly<Record<string, Partial<Record<OrganizationFigure, readonly FigureValue[]>>>> = {
  did: {
    'years-of-experience': [{ field: 'yearsWithDevelopingCountries', quantity: { value: 45, bound: 'more-than' } }],
    'active-in-latin-america-since': [{ field: 'activeInLatinAmericaSince', year: 1974 }],
    'countries-in-latin-america': [{ field: 'countriesInLatinAmerica', quantity: { value: 26, bound: 'exact' } }],
    'active-in-country-since': [{ field: 'activeInCountriesSince', country: 'ht', year: 1987 }],
  },
  socodevi: {
    'active-in-latin-america-since': [{ field: 'activeInLatinAmericaSince', year: 1985 }],
    'countries-in-latin-america': [{ field: 'countriesInLatinAmerica', quantity: { value: 19, bound: 'exact' } }],
    'countries-worldwide': [{ field: 'developingCountries', quantity: { value: 40, bound: 'exact' } }],
    'organizations-supported': [{ field: 'organizationsSupported', quantity: { value: 680, bound: 'more-than' } }],
    'people-reached': [{ field: 'peopleReached', quantity: { value: 12_000_000, bound: 'exact' } }],
    founded: [{ field: 'founded', year: 1985 }],
  },
  cca: {
    'years-of-experience': [{ field: 'internationalProgramYears', quantity: { value: 40, bound: 'more-than' } }],
  },
};

describe('runQuery: the organizations\' figures', () => {
  const figure = (organization: string, name: OrganizationFigure, countries: readonly string[] = []) =>
    runQuery(kb, { operation: 'figure', filters: { ...NO_QUERY_FILTERS, countries }, exclude: NO_QUERY_FILTERS, excludeProjects: [], figure: name, organizations: [organization] });

  it.each(kb.organizations.flatMap((o) => ORGANIZATION_FIGURES.map((name) => [o.id, name] as const)))('%s, %s: what the guide states, or not given', (organization, name) => {
    const result = figure(organization, name);
    expect(result.figures).toHaveLength(1);
    expect(result.figures[0]).toMatchObject({ organization, figure: name, values: STATED[organization]![name] ?? [] });
    // A figure presents no project.
    expect(result.projects).toEqual([]);
  });

  it('offers, in place of a figure not given, the closest ones the guide gives; beside one given, what goes with it', () => {
    expect(figure('socodevi', 'years-of-experience').figures[0]!.related).toEqual([
      { field: 'founded', year: 1985 },
      { field: 'activeInLatinAmericaSince', year: 1985 },
    ]);
    expect(figure('cca', 'active-in-latin-america-since').figures[0]!.related).toEqual([{ field: 'internationalProgramYears', quantity: { value: 40, bound: 'more-than' } }]);
    expect(figure('socodevi', 'organizations-supported').figures[0]!.related).toEqual([{ field: 'developingCountries', quantity: { value: 40, bound: 'exact' } }]);
    expect(figure('cca', 'countries-in-latin-america').figures[0]).toMatchObject({ values: [], related: [] });
  });

  it('dates a presence only in the countries asked about, and names those it cannot date', () => {
    expect(figure('did', 'active-in-country-since', ['ht']).figures[0]).toMatchObject({ values: [{ country: 'ht', year: 1987 }], countriesNotGiven: [] });
    expect(figure('did', 'active-in-country-since', ['co', 'ht']).figures[0]).toMatchObject({ values: [{ country: 'ht', year: 1987 }], countriesNotGiven: ['co'] });
    expect(figure('socodevi', 'active-in-country-since', ['ht']).figures[0]).toMatchObject({ values: [], countriesNotGiven: ['ht'] });
  });

  it('asks every organization when none is named, and adds the partnership\'s own figure', () => {
    const years = runQuery(kb, { operation: 'figure', filters: NO_QUERY_FILTERS, exclude: NO_QUERY_FILTERS, excludeProjects: [], figure: 'years-of-experience' });
    expect(years.figures.map((f) => [f.organization, f.values.length])).toEqual([['did', 1], ['socodevi', 0], ['cca', 1]]);
    expect(years.combined).toEqual([{ field: 'combinedExperienceYears', quantity: { value: 100, bound: 'exact' } }]);
    const countries = runQuery(kb, { operation: 'figure', filters: NO_QUERY_FILTERS, exclude: NO_QUERY_FILTERS, excludeProjects: [], figure: 'countries-in-latin-america' });
    expect(countries.combined).toEqual([{ field: 'approximateCountries', quantity: { value: 30, bound: 'about' } }]);
    // One organization is not the partnership.
    expect(figure('did', 'years-of-experience').combined).toEqual([]);
  });

  it('gives every figure the guide states of an organization when no figure is named, each once', () => {
    for (const organization of kb.organizations) {
      const result = runQuery(kb, { operation: 'figure', filters: NO_QUERY_FILTERS, exclude: NO_QUERY_FILTERS, excludeProjects: [], organizations: [organization.id] });
      const stated = Object.entries(STATED[organization.id]!).map(([name, values]) => ({ figure: name, values }));
      expect(result.figures.map(({ figure: name, values }) => ({ figure: name, values }))).toEqual(
        ORGANIZATION_FIGURES.flatMap((name) => stated.filter((s) => s.figure === name)),
      );
    }
  });
});
