/**
 * Turns the knowledge base into the documents that fact retrieval searches: one per project, one
 * per organization and one for the overview, each made of weighted fields in the three languages.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { LANGUAGES, type LocalizedText, type LocalizedWords } from '../knowledge/schema';
import type { RetrievalDocument, RetrievalField } from './retrieval';

const WEIGHT = { name: 3, keyword: 2, partner: 2, text: 1 } as const;

function localized(text: LocalizedText, weight: number): RetrievalField[] {
  return LANGUAGES.map((language) => ({ text: text[language], language, weight }));
}

function words(keywords: LocalizedWords, weight: number): RetrievalField[] {
  return LANGUAGES.flatMap((language) => keywords[language].map((text) => ({ text, language, weight })));
}

/** Names (acronyms, aliases) belong to no language. */
function names(list: readonly string[], weight: number): RetrievalField[] {
  return list.map((text) => ({ text, language: undefined, weight }));
}

export function buildDocuments(kb: KnowledgeBase): RetrievalDocument[] {
  const projects = kb.projects.map((project): RetrievalDocument => {
    const partners = project.partners.map((id) => kb.partner(id)).filter((p) => p !== undefined);
    return {
      kind: 'project',
      id: project.id,
      fields: [
        ...localized(project.title, WEIGHT.name),
        ...names([...(project.acronym ? [project.acronym] : []), ...project.aliases], WEIGHT.name),
        ...words(project.keywords, WEIGHT.keyword),
        ...localized(project.summary, WEIGHT.text),
        ...project.facts.flatMap((fact) => localized(fact, WEIGHT.text)),
        ...localized(project.period.text, WEIGHT.text),
        ...partners.flatMap((partner) => [...localized(partner.name, WEIGHT.partner), ...names(partner.aliases, WEIGHT.partner)]),
        ...partners.flatMap((partner) => localized(partner.description, WEIGHT.text)),
      ],
    };
  });
  const organizations = kb.organizations.map(
    (organization): RetrievalDocument => ({
      kind: 'organization',
      id: organization.id,
      fields: [
        ...localized(organization.name, WEIGHT.name),
        ...names([organization.acronym, ...organization.aliases], WEIGHT.name),
        ...words(organization.keywords, WEIGHT.keyword),
        ...localized(organization.profile, WEIGHT.text),
        ...organization.facts.flatMap((fact) => localized(fact, WEIGHT.text)),
      ],
    }),
  );
  const overview: RetrievalDocument = {
    kind: 'overview',
    id: 'overview',
    fields: [
      ...localized(kb.overview.title, WEIGHT.keyword),
      ...words(kb.overview.keywords, WEIGHT.keyword),
      ...localized(kb.overview.summary, WEIGHT.text),
      ...kb.overview.facts.flatMap((fact) => localized(fact, WEIGHT.text)),
      ...kb.overview.funders.flatMap((funder) => localized(funder, WEIGHT.text)),
    ],
  };
  return [...projects, ...organizations, overview];
}
