/**
 * Questions over the whole guide read as queries: generated grids of templates in the three
 * languages x every organization, country and region of the knowledge base, typed in lower case
 * and without accents too.
 */
import { LANGUAGES, type Language } from '../src/knowledge/schema';
import { fold } from '../src/understanding/normalize';
import { readQuery } from '../src/understanding/queryReading';
import { shippedUnderstander } from './support/understander';

const { kb, understander } = shippedUnderstander();
const query = (text: string) => readQuery(understander.analyze(text), kb);

/** A message as typed carefully, and as typed in a hurry (lower case, no accents). */
const typings = (text: string) => [text, fold(text)];

const COUNT: Record<Language, (place: string) => string> = {
  en: (place) => `how many projects are there in ${place}?`,
  fr: (place) => `combien de projets y a-t-il en ${place} ?`,
  es: (place) => `¿cuántos proyectos hay en ${place}?`,
};
const OUTSIDE: Record<Language, (organization: string, place: string) => string> = {
  en: (organization, place) => `list ${organization}'s projects outside ${place}`,
  fr: (organization, place) => `les projets de ${organization} sauf ceux en ${place}`,
  es: (organization, place) => `proyectos de ${organization} aparte de los de ${place}`,
};
const NOT_LED_BY: Record<Language, (organization: string) => string> = {
  en: (organization) => `which projects aren't run by ${organization}?`,
  fr: (organization) => `quels projets ne sont pas menés par ${organization} ?`,
  es: (organization) => `¿qué proyectos no son de ${organization}?`,
};
const VIDEO_IN: Record<Language, Record<Language, string>> = {
  en: { en: 'which projects have a video in English?', fr: 'which projects have a video in French?', es: 'which projects have a video in Spanish?' },
  fr: { en: 'quels projets ont une vidéo en anglais ?', fr: 'quels projets ont une vidéo en français ?', es: 'quels projets ont une vidéo en espagnol ?' },
  es: { en: '¿qué proyectos tienen video en inglés?', fr: '¿qué proyectos tienen video en francés?', es: '¿qué proyectos tienen video en español?' },
};

const regionsWithProjects = kb.regions.filter((region) => region.id !== 'latin-america' && kb.projectsBy('region', region.id).length > 0);
const projectCountries = kb.countries.filter((country) => kb.projectsBy('country', country.id).length > 0);

describe('questions over the whole guide read as queries', () => {
  it.each(LANGUAGES)('counts the projects of every region, in %s', (language) => {
    for (const region of regionsWithProjects) {
      for (const text of typings(COUNT[language](region.name[language]))) {
        expect({ text, query: query(text) }).toMatchObject({ query: { operation: 'count', filters: { regions: [region.id] } } });
      }
    }
  });

  it.each(LANGUAGES)('counts the projects of every sector named by one of its looser words, in %s', (language) => {
    const missed: string[] = [];
    for (const sector of kb.sectors) {
      for (const keyword of sector.keywords[language]) {
        // A keyword that is also another sector's word, or a name of the guide, reads as more than this sector.
        if (kb.sectors.some((other) => other.id !== sector.id && other.keywords[language].includes(keyword))) continue;
        for (const text of typings(COUNT[language](keyword))) {
          const read = query(text);
          if (read?.operation !== 'count' || read.filters.sectors.join() !== sector.id) missed.push(`${text} -> ${read?.operation} [${read?.filters.sectors.join() ?? ''}]`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(LANGUAGES)('asks every organization\'s countries figure, with the word for countries in any language, in %s', (language) => {
    const template: Record<Language, (countries: string, organization: string) => string> = {
      en: (countries, organization) => `in how many ${countries} has ${organization} worked?`,
      fr: (countries, organization) => `dans combien de ${countries} ${organization} a-t-elle travaillé ?`,
      es: (countries, organization) => `¿en cuántos ${countries} ha trabajado ${organization}?`,
    };
    const countryWords = ['countries', 'Latin American countries', 'pays', "pays d'Amérique latine", 'países', 'países de América Latina'];
    const missed: string[] = [];
    for (const organization of kb.organizations) {
      for (const countries of countryWords) {
        // As written: in lower case, "did" is the English verb before it is the organization.
        for (const text of [template[language](countries, organization.acronym)]) {
          const read = query(text);
          if (read?.operation !== 'figure' || read.figure !== 'countries-in-latin-america' || read.filters.organizations.join() !== organization.id) missed.push(`${text} -> ${read?.operation} ${read?.figure ?? ''}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(LANGUAGES)('leaves out a country from every organization\'s projects, in %s', (language) => {
    for (const organization of kb.organizations) {
      for (const country of projectCountries) {
        for (const text of typings(OUTSIDE[language](organization.acronym, country.name[language]))) {
          expect({ text, query: query(text) }).toMatchObject({
            query: { operation: 'list', filters: { organizations: [organization.id] }, exclude: { countries: [country.id] } },
          });
        }
      }
    }
  });

  it.each(LANGUAGES)('leaves out the projects an organization leads when asked "not run by", in %s', (language) => {
    for (const organization of kb.organizations) {
      for (const text of typings(NOT_LED_BY[language](organization.acronym))) {
        expect({ text, query: query(text) }).toMatchObject({ query: { operation: 'list', exclude: { organizations: [organization.id] }, filters: { organizations: [] } } });
      }
    }
  });

  it.each(LANGUAGES)('asks for projects with a video in each language, in %s', (language) => {
    for (const videoLanguage of LANGUAGES) {
      const text = VIDEO_IN[language][videoLanguage];
      expect({ text, query: query(text) }).toMatchObject({ query: { operation: 'list', filters: { hasVideo: true, videoLanguage } } });
    }
  });

  it('orders the projects that the names of a question propose', () => {
    const result = query('which started first, the Honduras forestry project or the Bolivia spice one?');
    expect(result?.operation).toBe('earliest');
    expect(new Set(result?.projects)).toEqual(new Set(['honduras-forestry', ...kb.projectsBy('country', 'bo').map((project) => project.id)]));
  });

  it('reads an organization\'s figures, and counts the countries of projects', () => {
    expect(query('how many countries has SOCODEVI worked in?')).toMatchObject({ operation: 'figure', figure: 'countries-in-latin-america', organizations: ['socodevi'] });
    expect(query("combien d'entreprises coopératives la SOCODEVI a-t-elle accompagnées ?")).toMatchObject({ operation: 'figure', figure: 'organizations-supported' });
    expect(query('¿en cuántos países están los proyectos?')).toMatchObject({ operation: 'count', countCountries: true });
  });

  it('leaves ordinary questions to the other readings', () => {
    for (const text of ['what does SOCODEVI do in Honduras', 'Que fait DID en Haïti ?', '¿Qué proyectos hay en Bolivia?', 'video of the Panama project']) {
      expect({ text, query: query(text) }).toEqual({ text, query: undefined });
    }
  });
});
