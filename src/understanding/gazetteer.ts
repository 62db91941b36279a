/**
 * The names the bot recognises in a question, in every language: organizations (with acronyms
 * and local names such as ACC), countries (names, variants, demonyms), regions, sectors, partners
 * and projects (acronyms, titles, other names). Built once from the knowledge base.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type Language, type LocalizedText } from '../knowledge/schema';
import type { OutsideOrganization } from './outsideOrganizations';
import { matchKey, normalize } from './normalize';
import { PhraseIndex, type PhraseMatch } from './phraseIndex';

export type EntityKind = 'organization' | 'country' | 'region' | 'sector' | 'partner' | 'project' | 'outside-organization';

export interface EntityRef {
  readonly kind: EntityKind;
  readonly id: string;
  /** Weak names (a sector's related words) only count in some questions. */
  readonly strength: 'strong' | 'weak';
  /**
   * A name that is also an everyday word ("WHO", "CARE", "UN", "BID") counts only when typed with
   * capitals: "who", "care" and "un" are words, not organizations.
   */
  readonly requiresCapitals?: boolean;
  /** The language whose name this is ("Pérou" is French), for names written differently in each. */
  readonly language?: Language;
}

/** Words that may be left out of a name ("Ministry of Agriculture" = "Ministry Agriculture"). */
const NAME_FILLERS = new Set([
  'the', 'of', 'for', 'and', 'de', 'del', 'des', 'du', 'la', 'le', 'les', 'los', 'las', 'el', 'et', 'y', 'pour', 'para', 'en', 'in', 'a', 'au', 'aux', 'al',
]);

/** The words of a name or a question in the form names are matched on. */
export function nameWords(folded: readonly string[]): string[] {
  return folded.filter((word) => !NAME_FILLERS.has(word)).map(matchKey);
}

function foldedWords(text: string): string[] {
  return normalize(text).tokens.map((token) => token.folded);
}

/** A name in each language, tagged with its language. */
const named = (localized: LocalizedText): Array<{ name: string; language: Language }> => LANGUAGES.map((language) => ({ name: localized[language], language }));

export class Gazetteer {
  private readonly index = new PhraseIndex<EntityRef>();
  /** Every folded word of every name: the vocabulary that spelling correction aims at. */
  readonly vocabulary = new Set<string>();

  /**
   * `outside` are organizations the guide does not cover; `isEverydayWord` tells which of their
   * one-word names must be typed with capitals to count.
   */
  constructor(kb: KnowledgeBase, outside: readonly OutsideOrganization[] = [], isEverydayWord: (folded: string) => boolean = () => false) {
    for (const organization of kb.organizations) {
      for (const name of [organization.acronym, ...organization.aliases]) this.add(name, { kind: 'organization', id: organization.id, strength: 'strong' });
      for (const { name, language } of named(organization.name)) this.add(name, { kind: 'organization', id: organization.id, strength: 'strong', language });
    }
    for (const region of kb.regions) {
      for (const name of region.aliases) this.add(name, { kind: 'region', id: region.id, strength: 'strong' });
      for (const { name, language } of named(region.name)) this.add(name, { kind: 'region', id: region.id, strength: 'strong', language });
    }
    for (const country of kb.countries) {
      for (const name of [...country.aliases, ...country.demonyms]) this.add(name, { kind: 'country', id: country.id, strength: 'strong' });
      for (const { name, language } of named(country.name)) this.add(name, { kind: 'country', id: country.id, strength: 'strong', language });
    }
    for (const sector of kb.sectors) {
      for (const name of sector.aliases) this.add(name, { kind: 'sector', id: sector.id, strength: 'strong' });
      for (const { name, language } of named(sector.name)) this.add(name, { kind: 'sector', id: sector.id, strength: 'strong', language });
      for (const name of [...sector.keywords.en, ...sector.keywords.fr, ...sector.keywords.es]) {
        this.add(name, { kind: 'sector', id: sector.id, strength: 'weak' });
      }
    }
    for (const partner of kb.partners) {
      for (const name of partner.aliases) this.add(name, { kind: 'partner', id: partner.id, strength: 'strong' });
      for (const { name, language } of named(partner.name)) this.add(name, { kind: 'partner', id: partner.id, strength: 'strong', language });
    }
    for (const project of kb.projects) {
      for (const name of [...(project.acronym ? [project.acronym] : []), ...project.aliases]) this.add(name, { kind: 'project', id: project.id, strength: 'strong' });
      for (const { name, language } of named(project.title)) this.add(name, { kind: 'project', id: project.id, strength: 'strong', language });
    }
    for (const organization of outside) {
      for (const name of [organization.name, ...organization.aliases]) {
        const words = foldedWords(name);
        const requiresCapitals = words.length === 1 && isEverydayWord(words[0]!);
        this.add(name, { kind: 'outside-organization', id: organization.name, strength: 'strong', ...(requiresCapitals ? { requiresCapitals } : {}) });
      }
    }
  }

  private add(name: string, entity: EntityRef): void {
    const folded = foldedWords(name);
    for (const word of folded) this.vocabulary.add(word);
    const words = nameWords(folded);
    if (words.length > 0) this.index.add(words, entity);
  }

  /** The names found in a question's words (given in matching form), longest first, without overlaps. */
  find(words: readonly string[]): PhraseMatch<EntityRef>[] {
    return this.index.findLongest(words);
  }
}
