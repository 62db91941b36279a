/**
 * Answers to questions over the whole guide, in the three languages: for every organization x
 * region x sector x has-video x video language, the projects a reply presents are those of the
 * plain filter over kb.projects, and its text names the right numbers, countries, years, leads and
 * projects; each organization's figures are said with their bound ("more than"), or said not to
 * be given; nothing fitting gets an honest sentence.
 */
import { AnswerComposer } from '../src/answers/compose';
import { MAX_LIST_ITEMS } from '../src/answers/projectAnswers';
import { flattenCard } from '../src/cards/flatten';
import { createLocalizer } from '../src/i18n';
import { ORGANIZATION_FIGURES, type OrganizationFigure } from '../src/knowledge/figures';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { NO_QUERY_FILTERS, type ProjectQuery, type QueryOperation } from '../src/knowledge/query';
import { LANGUAGES, type Language, type Project } from '../src/knowledge/schema';
import { NO_FILTERS, type Intent, type Understanding } from '../src/understanding/types';
import { filterGrid, filtersOf, plainFilter } from './support/plainFilter';

const kb = loadKnowledgeBase();
const composer = new AnswerComposer(kb, createLocalizer());

function query(operation: QueryOperation, fields: Partial<ProjectQuery> = {}): ProjectQuery {
  return { operation, filters: NO_QUERY_FILTERS, exclude: NO_QUERY_FILTERS, excludeProjects: [], ...fields };
}

function ask(language: Language, q: ProjectQuery, intent: Intent = q.operation === 'figure' ? 'organization' : 'list') {
  const u: Understanding = { language, languageSource: 'message', intent, projects: [], organizations: [], facets: [], filters: NO_FILTERS, usedContext: false, query: q };
  return composer.compose(u);
}

/** How a sentence names a project in a language: its title with its article, and its acronym. */
const named = (project: Project, language: Language) => project.titleInSentence?.[language] ?? project.title[language];
const countryIn = (id: string, language: Language) => kb.country(id)!.name[language];

const GRID = filterGrid(kb, LANGUAGES);

describe('answers over the whole guide: the projects presented', () => {
  it.each(LANGUAGES)('lists, counts and groups by lead exactly the plain filter, for every combination of filters, in %s', (language) => {
    let empty = 0;
    for (const filters of GRID) {
      const fitting = plainFilter(kb, query('list', { filters }));
      const expected = fitting.slice(0, MAX_LIST_ITEMS).map((p) => p.id);
      for (const operation of ['list', 'count', 'leads'] as const) {
        const answer = ask(language, query(operation, { filters }));
        expect([operation, filters, answer.record.projects]).toEqual([operation, filters, expected]);
        // The organizations presented: the leads of the projects shown, or, when none fits, those asked about.
        expect(answer.record.organizations).toEqual(fitting.length ? [...new Set(fitting.slice(0, MAX_LIST_ITEMS).map((p) => p.lead))] : [...filters.organizations]);
        if (!fitting.length) {
          empty += 1;
          expect(answer.card).toBeUndefined();
          continue;
        }
        // The card shows each project presented; the text, the numbers and names asked for.
        const card = flattenCard(answer.card!);
        for (const project of fitting) expect(card).toContain(project.title[language]);
        if (operation === 'count' && fitting.length > 1) {
          expect(answer.text).toContain(String(fitting.length));
          for (const country of new Set(fitting.map((p) => p.country))) expect(answer.text).toContain(countryIn(country, language));
        }
        if (operation === 'count' && fitting.length === 1) expect(answer.text).toContain(named(fitting[0]!, language));
        if (operation === 'list' && fitting.length > 1) expect(answer.text).toContain(String(fitting.length));
        if (operation === 'leads') for (const project of fitting) expect(answer.text).toContain(named(project, language));
      }
    }
    expect(empty).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)('orders by start year with the years, and names the projects without one, for every combination of filters, in %s', (language) => {
    for (const filters of GRID) {
      const fitting = plainFilter(kb, query('earliest', { filters }));
      if (!fitting.length) continue;
      for (const operation of ['earliest', 'latest'] as const) {
        const dated = fitting.filter((p) => p.period.start !== undefined);
        const years = dated.map((p) => p.period.start!);
        const answer = ask(language, query(operation, { filters }));
        const firstYear = operation === 'earliest' ? Math.min(...years) : Math.max(...years);
        if (dated.length) {
          const first = dated.filter((p) => p.period.start === firstYear);
          const firstLine = answer.text.split('\n\n')[0]!;
          expect(firstLine).toContain(String(firstYear));
          for (const project of first) expect(firstLine).toContain(named(project, language));
          // The others with their years, in the order asked.
          const inOrder = [...dated].sort((a, b) => (operation === 'earliest' ? 1 : -1) * (a.period.start! - b.period.start!));
          const positions = inOrder.map((p) => answer.text.indexOf(named(p, language)));
          expect(positions.every((position) => position >= 0)).toBe(true);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
          for (const project of dated) expect(answer.text).toContain(String(project.period.start));
        }
        const undated = fitting.filter((p) => p.period.start === undefined);
        for (const project of undated) expect(answer.text.split('\n\n').at(-1)).toContain(named(project, language));
        // The answer presents the first (those tied with it); the text gives the others' order.
        const answered = dated.length ? dated.filter((p) => p.period.start === firstYear) : undated;
        expect(answer.record.projects).toEqual(fitting.filter((p) => answered.includes(p)).slice(0, MAX_LIST_ITEMS).map((p) => p.id));
      }
    }
  });

  it('leaves out what is excluded, and says what it left out', () => {
    const didOutsideHaiti = query('list', { filters: filtersOf({ organization: 'did' }), exclude: filtersOf({ country: 'ht' }) });
    const expected: Record<Language, string> = {
      en: '2 projects of DID other than those in Haiti:',
      fr: '2 projets de DID, hormis ceux en Haïti :',
      es: '2 proyectos de DID, aparte de los proyectos en Haití:',
    };
    for (const language of LANGUAGES) {
      const answer = ask(language, didOutsideHaiti);
      expect(answer.text).toBe(expected[language]);
      expect(answer.record.projects).toEqual(['pasac', 'panama-financial-centre']);
    }
    const apartFromProsol = ask('es', query('count', { filters: filtersOf({ sector: 'agriculture' }), excludeProjects: ['prosol'] }));
    expect(apartFromProsol.text).toContain('aparte del proyecto de desarrollo económico rural del departamento de Sololá (PROSOL)');
    expect(apartFromProsol.record.projects).not.toContain('prosol');
  });

  it.each([
    ['en', 'The guide presents 2 projects in the Caribbean, in 2 countries (Haiti and Barbados).'],
    ['fr', 'Le guide présente 2 projets aux Caraïbes, dans 2 pays (Haïti et Barbade).'],
    ['es', 'La guía presenta 2 proyectos en el Caribe, en 2 países (Haití y Barbados).'],
  ] as const)('counts the projects and their countries in %s', (language, expected) => {
    expect(ask(language, query('count', { filters: filtersOf({ region: 'caribbean' }) })).text).toBe(expected);
  });

  it.each([
    ['en', 'in 3 countries: Bolivia, Colombia, and Peru', '4 projects in all'],
    ['fr', 'dans 3 pays : Bolivie, Colombie et Pérou', '4 projets en tout'],
    ['es', 'en 3 países: Bolivia, Colombia y Perú', '4 proyectos en total'],
  ] as const)('counts the countries first when asked in how many countries, in %s', (language, countries, projects) => {
    const answer = ask(language, query('count', { filters: filtersOf({ region: 'south-america' }), countCountries: true }));
    expect(answer.text.split('\n\n')).toEqual([expect.stringContaining(countries), projects + '.']);
  });

  it.each([
    ['en', 'the first to start was the project Development of an Agro-Industrial Value Chain in the Spice Sector, in 1998', 'The guide gives no start year for'],
    ['fr', "le premier à démarrer a été le projet de développement d'une filière agro-industrielle dans le secteur des épices, en 1998", "Le guide ne donne pas d'année de début pour"],
    ['es', 'el primero en comenzar fue el proyecto de desarrollo de una cadena de valor agroindustrial en el sector de las especias, en 1998', 'La guía no indica el año de inicio'],
  ] as const)('says which started first, and which have no start year, in %s', (language, first, noStart) => {
    const lines = ask(language, query('earliest')).text.split('\n\n');
    expect(lines[0]).toContain(first);
    expect(lines.at(-1)).toMatch(new RegExp(`^${noStart}`));
  });

  it.each([
    ['en', 'Of the projects you named, the first to start was the Colombian Agricultural Finance System Support Project (PASAC), in 2014.', 'The guide gives no start year for the Rural Economic Development Project of the Department of Sololá (PROSOL).'],
    ['fr', "Parmi les projets que vous avez nommés, le premier à démarrer a été le projet d'appui au système de financement agricole colombien (PASAC), en 2014.", "Le guide ne donne pas d'année de début pour le projet de développement économique rural du département de Sololá (PROSOL)."],
    ['es', 'De los proyectos que mencionó, el primero en comenzar fue el proyecto de apoyo al sistema de financiamiento agrícola de Colombia (PASAC), en 2014.', 'La guía no indica el año de inicio del proyecto de desarrollo económico rural del departamento de Sololá (PROSOL).'],
  ] as const)('orders only the projects the question named, in %s', (language, first, noStart) => {
    const answer = ask(language, { ...query('earliest'), projects: ['prosol', 'pasac'] });
    expect(answer.text.split('\n\n')).toEqual([first, noStart]);
    // PASAC started in 2014; the guide gives PROSOL no start, which the text says.
    expect(answer.record.projects).toEqual(['pasac']);
  });

  it.each(LANGUAGES)('says honestly, in %s, that nothing fits, and presents nothing', (language) => {
    const expected: Record<Language, string> = { en: 'The guide presents no project of the CCA in Haiti.', fr: "Le guide ne présente aucun projet de l'ACC en Haïti.", es: 'La guía no presenta ningún proyecto de la CCA en Haití.' };
    for (const operation of ['list', 'count', 'earliest', 'latest', 'leads'] as const) {
      const answer = ask(language, query(operation, { filters: filtersOf({ organization: 'cca', country: 'ht' }) }));
      expect(answer.text.startsWith(expected[language])).toBe(true);
      expect(answer.record).toMatchObject({ projects: [], organizations: ['cca'] });
    }
  });

  it('shows the videos of the projects when the question is about videos', () => {
    const answer = ask('fr', query('list', { filters: filtersOf({ videoLanguage: 'es' }) }));
    expect(answer.text).toBe('Un projet avec une vidéo en espagnol :');
    expect(answer.record).toMatchObject({ projects: ['panama-financial-centre'], videos: ['https://youtu.be/hxRwdlre_i0'] });
    expect(ask('en', query('list', { filters: filtersOf({ organization: 'did' }) })).record.videos).toEqual([]);
  });

  it('answers the query whatever intent the understanding gave, and keeps that intent in the record', () => {
    const answer = ask('en', query('count', { filters: filtersOf({ organization: 'socodevi' }) }), 'overview');
    expect(answer.record).toMatchObject({ intent: 'overview', projects: kb.projectsBy('lead', 'socodevi').map((p) => p.id) });
    expect(answer.text).toMatch(/^The guide presents 4 projects of SOCODEVI, in 3 countries/);
  });
});

/** How each language words a lower bound and a figure the guide does not give. */
const MORE_THAN: Readonly<Record<Language, string>> = { en: 'more than', fr: 'plus de', es: 'más de' };
const NOT_GIVEN: Readonly<Record<Language, RegExp>> = { en: /^The guide (does not|gives no)/, fr: /^Le guide ne/, es: /^La guía no/ };

/** The number of each figure the guide states, as the organization's fields hold it (absent: not given). */
function statedNumber(organization: string, figure: OrganizationFigure): { value: number; moreThan: boolean } | undefined {
  const o = kb.organization(organization)!;
  const quantity = (q: { value: number; bound: string } | undefined) => (q ? { value: q.value, moreThan: q.bound === 'more-than' } : undefined);
  const year = (value: number | undefined) => (value === undefined ? undefined : { value, moreThan: false });
  switch (figure) {
    case 'years-of-experience':
      return quantity(o.yearsWithDevelopingCountries ?? o.internationalProgramYears);
    case 'active-in-latin-america-since':
      return year(o.activeInLatinAmericaSince);
    case 'countries-in-latin-america':
      return year(o.countriesInLatinAmerica);
    case 'countries-worldwide':
      return quantity(o.developingCountries);
    case 'organizations-supported':
      return quantity(o.organizationsSupported);
    case 'people-reached':
      return quantity(o.peopleReached);
    case 'founded':
      return year(o.founded);
    case 'active-in-country-since':
      return year(o.activeInCountriesSince[0]?.since);
  }
}

describe('answers over the whole guide: the organizations\' figures', () => {
  const cases = LANGUAGES.flatMap((language) => kb.organizations.flatMap((o) => ORGANIZATION_FIGURES.map((figure) => [language, o.id, figure] as const)));

  it.each(cases)('%s: %s, %s: the number with its bound, or "not given"', (language, organization, figure) => {
    const answer = ask(language, query('figure', { figure, organizations: [organization] }));
    expect(answer.record).toMatchObject({ intent: 'organization', projects: [], organizations: [organization], videos: [] });
    expect(answer.card).toBeDefined();
    const stated = statedNumber(organization, figure);
    if (!stated) {
      expect(answer.text).toMatch(NOT_GIVEN[language]);
      return;
    }
    expect(answer.text).not.toMatch(NOT_GIVEN[language]);
    // Millions are written in words ("12 million"); every other number as it is.
    const number = stated.value % 1_000_000 === 0 ? String(stated.value / 1_000_000) : String(stated.value);
    expect(answer.text).toContain(stated.moreThan ? `${MORE_THAN[language]} ${number}` : number);
    if (!stated.moreThan) expect(answer.text).not.toContain(MORE_THAN[language]);
  });

  it.each([
    ['en', 'SOCODEVI has supported more than 680 cooperative and mutual organizations in 40 developing countries.'],
    ['fr', 'La SOCODEVI a accompagné plus de 680 organisations coopératives et mutualistes dans 40 pays en développement.'],
    ['es', 'SOCODEVI ha apoyado a más de 680 organizaciones cooperativas y mutuales en 40 países en desarrollo.'],
  ] as const)('says the organizations supported with their countries, in %s', (language, expected) => {
    expect(ask(language, query('figure', { figure: 'organizations-supported', organizations: ['socodevi'] })).text).toBe(expected);
  });

  it.each([
    ['en', '12 million people'],
    ['fr', '12 millions de personnes'],
    ['es', '12 millones de personas'],
  ] as const)('writes millions in words, in %s', (language, expected) => {
    expect(ask(language, query('figure', { figure: 'people-reached', organizations: ['socodevi'] })).text).toContain(expected);
  });

  it.each([
    ['en', 'Together, DID, SOCODEVI, and the CCA count 100 years of experience in Latin America.', 'SOCODEVI was founded in 1985.'],
    ['fr', "Ensemble, DID, la SOCODEVI et l'ACC cumulent 100 ans d'expérience en Amérique latine.", 'La SOCODEVI a vu le jour en 1985.'],
    ['es', 'En conjunto, DID, SOCODEVI y la CCA suman 100 años de experiencia en América Latina.', 'SOCODEVI se fundó en 1985.'],
  ] as const)('gives the partnership\'s figure first when all three are asked about, and what the guide gives in place of a missing one, in %s', (language, combined, instead) => {
    const answer = ask(language, query('figure', { figure: 'years-of-experience' }), 'overview');
    const paragraphs = answer.text.split('\n\n');
    expect(paragraphs[0]).toBe(combined);
    expect(paragraphs[2]).toMatch(NOT_GIVEN[language]);
    expect(paragraphs[2]).toContain(instead);
    expect(answer.record).toMatchObject({ intent: 'overview', organizations: ['did', 'socodevi', 'cca'] });
  });

  it.each([
    ['en', 'about 30 countries'],
    ['fr', 'environ 30 pays'],
    ['es', 'alrededor de 30 países'],
  ] as const)('keeps "about" for the partnership\'s countries, in %s', (language, expected) => {
    expect(ask(language, query('figure', { figure: 'countries-in-latin-america' })).text.split('\n\n')[0]).toContain(expected);
  });

  it.each([
    ['en', 'DID has been active in Haiti since 1987.', 'The guide does not say since when DID has been active in Colombia.'],
    ['fr', 'DID œuvre en Haïti depuis 1987.', 'Le guide ne précise pas depuis quand DID œuvre en Colombie.'],
    ['es', 'DID trabaja en Haití desde 1987.', 'La guía no precisa desde cuándo DID trabaja en Colombia.'],
  ] as const)('dates a presence in the countries asked about, and says which it cannot, in %s', (language, haiti, colombia) => {
    const answer = ask(language, query('figure', { figure: 'active-in-country-since', organizations: ['did'], filters: filtersOf({ country: 'ht' }) }));
    expect(answer.text).toBe(haiti);
    const both = ask(language, query('figure', { figure: 'active-in-country-since', organizations: ['did'], filters: { ...NO_QUERY_FILTERS, countries: ['ht', 'co'] } }));
    expect(both.text).toBe(`${haiti} ${colombia}`);
  });
});

describe('a dated presence in a country beside other answers', () => {
  const understood = (language: Language, fields: Partial<Understanding>): Understanding => ({
    language, languageSource: 'message', intent: 'project', projects: [], organizations: [], facets: [], filters: NO_FILTERS, usedContext: false, ...fields,
  });
  const SINCE_1987: Readonly<Record<Language, string>> = { en: 'DID has been active in Haiti since 1987.', fr: 'DID œuvre en Haïti depuis 1987.', es: 'DID trabaja en Haití desde 1987.' };

  it.each(LANGUAGES)('gives the lead\'s start in the country with the period of a project that has none, in %s', (language) => {
    const panseh = composer.compose(understood(language, { projects: ['panseh'], facets: ['period'] })).text.split('\n\n');
    expect(panseh[1]).toBe(SINCE_1987[language]);
    // A project whose lead the guide does not date in its country gets its period alone.
    expect(composer.compose(understood(language, { projects: ['pasac'], facets: ['period'] })).text.split('\n\n')).toHaveLength(1);
  });

  it.each(LANGUAGES)('gives an organization\'s start in the countries asked about, or says the guide does not date it, in %s', (language) => {
    const did = (countries: string[]) =>
      composer.compose(understood(language, { intent: 'organization', organizations: ['did'], facets: ['period'], filters: { ...NO_FILTERS, organizations: ['did'], countries } })).text.split('\n\n');
    expect(did(['ht'])).toEqual([expect.stringContaining('1974'), SINCE_1987[language]]);
    // Without a country, every presence the guide dates; in a country it does not date, it says so.
    expect(did([])).toEqual([expect.stringContaining('1974'), SINCE_1987[language]]);
    expect(did(['co'])[1]).toMatch(NOT_GIVEN[language]);
  });
});
