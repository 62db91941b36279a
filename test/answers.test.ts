import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../src/answers/answer';
import { AnswerComposer } from '../src/answers/compose';
import type { AdaptiveCard, CardElement } from '../src/cards/adaptiveCard';
import { flattenCard } from '../src/cards/flatten';
import { createLocalizer, elideFrench, LOCALES_DIR } from '../src/i18n';
import { LANGUAGES } from '../src/knowledge/schema';
import { shippedUnderstander } from './support/understander';

const { kb, understander } = shippedUnderstander();
const composer = new AnswerComposer(kb, createLocalizer());

function elements(card: AdaptiveCard): CardElement[] {
  const walk = (element: CardElement): CardElement[] => (element.type === 'Container' ? [element, ...element.items.flatMap(walk)] : [element]);
  return card.body.flatMap(walk);
}

/**
 * Checks what Teams needs of a card: schema 1.5, no empty text block, at most six actions, buttons
 * that carry their question or a rating with the answer's ids.
 */
function expectRenderable(card: AdaptiveCard): void {
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  for (const element of elements(card)) if (element.type === 'TextBlock') expect(element.text.trim()).not.toBe('');
  expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
  for (const action of [...(card.actions ?? []), ...elements(card).flatMap((e) => (e.type === 'ActionSet' ? e.actions : []))]) {
    if (action.type === 'Action.Submit' && 'feedback' in action.data) {
      expect(action.data).toEqual({ feedback: expect.stringMatching(/^(up|down)$/), answer: { intent: expect.any(String), language: expect.any(String), projects: expect.any(Array), organizations: expect.any(Array) } });
    } else if (action.type === 'Action.Submit') expect(action.data).toEqual({ question: expect.any(String) });
    else expect(action.url).toMatch(/^https:\/\//);
  }
}

const questions: Record<string, string> = {
  project: 'what does SOCODEVI do in Honduras',
  list: 'projects in Bolivia',
  organization: 'who is DID?',
  overview: 'overview of the partnerships',
  greeting: 'hello',
  help: 'help',
  fallback: 'weather in Lima',
};

describe('answers', () => {
  it.each(LANGUAGES)('writes every kind of answer in %s, with no untranslated key and a renderable card', (language) => {
    for (const [intent, question] of Object.entries(questions)) {
      const answer: Answer = composer.compose({ ...understander.understand(question), language });
      expect(answer.record).toMatchObject({ intent, language });
      expect(answer.text.trim()).not.toBe('');
      expect(answer.text).not.toMatch(/\b(project|list|card|gap|fallback|organization|overview|help|greeting)\.[a-zA-Z]+\b/);
      if (answer.card) {
        expectRenderable(answer.card);
        expect(flattenCard(answer.card)).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('offers every video of a project as a link button, in the reader language first', () => {
    const understanding = { ...understander.understand('vidéo du programme en Bolivie'), language: 'fr' as const };
    const answer = composer.compose(understanding);
    expect(answer.record.videos).toEqual(['https://vimeo.com/125685176', 'https://vimeo.com/121147662']);
    const links = (answer.card?.actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
    expect(links.map((a) => a.type === 'Action.OpenUrl' && a.url)).toEqual(['https://vimeo.com/125685176', 'https://vimeo.com/121147662']);
    expect(answer.text).toContain('https://vimeo.com/125685176');
  });

  it('puts the fact asked for first', () => {
    const partners = composer.compose(understander.understand('who are the partners of PASAC?'));
    expect(partners.text.split('\n')[0]).toMatch(/Coopcentral/);
    const lead = composer.compose(understander.understand('Which organization runs the forestry cooperative project?'));
    expect(lead.text.split('\n')[0]).toMatch(/Société de coopération pour le développement international/);
  });

  it('says honestly what is missing', () => {
    const answer = composer.compose(understander.understand("L'ACC a-t-elle quelque chose en Haïti ?"));
    expect(answer.text).toMatch(/ACC|CCA/);
    expect(answer.text).toMatch(/aucun projet|no project/i);
  });

  it.each([
    ['projets de la CCA au Honduras', 'aucun projet de CCA au Honduras'],
    ['projets de la CCA en Haïti', 'aucun projet de CCA en Haïti'],
    ['projets au Mexique', 'aucun projet au Mexique'],
    ['projets en Argentine', 'aucun projet en Argentine'],
    ['projets à Cuba', 'aucun projet à Cuba'],
    ['projets de DID à la Barbade', 'aucun projet de DID à la Barbade'],
  ])('places a country with the French preposition it takes: %s', (question, expected) => {
    expect(composer.compose(understander.understand(question)).text).toContain(expected);
  });

  it('has the same keys in the three locale files', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const read = (language: string) => keys(JSON.parse(readFileSync(join(LOCALES_DIR, language, 'translation.json'), 'utf8'))).sort();
    expect(read('fr')).toEqual(read('en'));
    expect(read('es')).toEqual(read('en'));
  });
});

describe('facts the guide does not give', () => {
  it.each([
    ['who funds PANSEH', 'does not say who funds'],
    ['quien financia el proyecto de haiti', 'no precisa quién financia'],
    ["what's the budget of PASAC", 'does not give the budget'],
    ['combien coûte le projet au Honduras', "ne donne pas le budget d'Amélioration"],
    ['¿cuál es el presupuesto de PROSOL?', 'no indica el presupuesto'],
  ])('says so when asked: %s', (question, expected) => {
    const answer = composer.compose(understander.understand(question));
    expect(answer.record.intent).toBe('project');
    expect(answer.text.split('\n\n')[0]).toContain(expected);
  });
});

describe('French elision', () => {
  it.each([
    ['le budget de Amélioration', "le budget d'Amélioration"],
    ['plus que il', "plus qu'il"],
    ['projets de Haïti', "projets d'Haïti"],
    ['projets de Honduras', 'projets de Honduras'],
    ['projets de CCA', 'projets de CCA'],
  ])('%s -> %s', (text, expected) => {
    expect(elideFrench(text)).toBe(expected);
  });
});

describe('lists that are not the whole answer asked for', () => {
  it('says when no project matches the words, before listing them all', () => {
    const answer = composer.compose(understander.understand('proyectos de mujeres'));
    expect(answer.record).toMatchObject({ intent: 'list', language: 'es' });
    expect(answer.record.projects).toHaveLength(kb.projects.length);
    expect(answer.text.split('\n\n')[0]).toContain('Ningún proyecto de la guía corresponde');
  });

  it('does not call a short list of close matches the whole guide', () => {
    const answer = composer.compose({ ...understander.understand('list all projects'), projects: kb.projects.slice(0, 2).map((p) => p.id) });
    expect(answer.text.split('\n\n')[0]).toBe('The 2 projects closest to your question:');
    const all = composer.compose(understander.understand('list all projects'));
    expect(all.text.split('\n\n')[0]).toBe(`The guide presents ${kb.projects.length} projects:`);
  });
});

describe('videos asked of a project that has none', () => {
  it.each([
    ['video bolivia espices', 'bolivia-spice-value-chain', 'aucune vidéo'],
    ['¿hay video del proyecto de especias en Bolivia?', 'bolivia-spice-value-chain', 'no tiene videos'],
    ['video of PASAC', 'pasac', 'no video'],
  ])('answers the project asked about and says it has no video: %s', (question, project, expected) => {
    const answer = composer.compose(understander.understand(question));
    expect(answer.record).toMatchObject({ intent: 'project', projects: [project], videos: [] });
    expect(answer.text.split('\n\n')[0]).toContain(expected);
  });
});

describe('organization names in sentences', () => {
  it.each([
    ['projets au Pérou', "mené par l'Association coopérative canadienne"],
    ['proyecto en Barbados', 'un proyecto de la Asociación Cooperativa Canadiense'],
    ['who runs the Peru project', 'led by the Canadian Co-operative Association'],
    ['what does DID do in Haiti', 'a project of Développement international Desjardins'],
  ])('take the article their language wants: %s', (question, expected) => {
    expect(composer.compose(understander.understand(question)).text).toContain(expected);
  });
});
