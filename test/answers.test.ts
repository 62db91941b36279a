import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../src/answers/answer';
import { AnswerComposer } from '../src/answers/compose';
import { VISIBLE_ACTIONS, type AdaptiveCard, type CardAction } from '../src/cards/adaptiveCard';
import { FEEDBACK_BLOCK_ID } from '../src/cards/feedbackBlock';
import { flattenCard } from '../src/cards/flatten';
import { projectCard } from '../src/cards/projectCard';
import { cardActions, elementsOf } from '../src/cards/walk';
import { createLocalizer, elideFrench, LOCALES_DIR } from '../src/i18n';
import { LANGUAGES } from '../src/knowledge/schema';
import { shippedUnderstander } from './support/understander';

const { kb, understander } = shippedUnderstander();
const composer = new AnswerComposer(kb, createLocalizer());

/** The buttons a card shows (its action sets and its foot, not its select actions), feedback aside. */
function buttons(card: AdaptiveCard): CardAction[] {
  const sets = card.body.filter((element) => element.type === 'ActionSet').flatMap((set) => set.actions);
  return [...sets, ...(card.actions ?? [])];
}

/**
 * Checks what Teams and a phone need of a card: schema 1.5, no empty text block, at most six
 * buttons of which three show (the others in the "..." menu), follow-up buttons carrying their
 * question and the card's ids, ratings carrying the answer's ids.
 */
function expectRenderable(answer: Answer): void {
  const card = answer.card!;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  for (const element of card.body.flatMap(elementsOf)) if (element.type === 'TextBlock') expect(element.text.trim()).not.toBe('');
  expect(buttons(card).length).toBeLessThanOrEqual(6);
  expect(buttons(card).filter((action) => action.mode !== 'secondary').length).toBeLessThanOrEqual(VISIBLE_ACTIONS);
  const subject = { projects: [...answer.record.projects], organizations: [...answer.record.organizations] };
  for (const action of cardActions(card)) {
    if (action.type === 'Action.Submit' && 'feedback' in action.data) {
      expect(action.data).toEqual({ feedback: expect.stringMatching(/^(up|down)$/), answer: { intent: expect.any(String), language: expect.any(String), projects: expect.any(Array), organizations: expect.any(Array) } });
    } else if (action.type === 'Action.Submit') expect(action.data).toEqual({ question: expect.any(String), subject });
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
        expectRenderable(answer);
        expect(flattenCard(answer.card)).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('offers every video of a project as a link button, in the reader language first', () => {
    const understanding = { ...understander.understand('vidéo du programme en Bolivie'), language: 'fr' as const };
    const answer = composer.compose(understanding);
    expect(answer.record.videos).toEqual(['https://vimeo.com/125685176', 'https://vimeo.com/121147662']);
    // The videos asked for are the card's first buttons; the text does not repeat their addresses.
    const first = buttons(answer.card!).slice(0, 2);
    expect(first.map((a) => a.type === 'Action.OpenUrl' && a.url)).toEqual(['https://vimeo.com/125685176', 'https://vimeo.com/121147662']);
    expect(answer.text).not.toContain('https://vimeo.com');
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
    ['projets de la CCA au Honduras', "aucun projet de l'ACC au Honduras"],
    ['projets de la CCA en Haïti', "aucun projet de l'ACC en Haïti"],
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
    ['combien coûte le projet au Honduras', "ne donne pas le budget du projet d'amélioration"],
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
    ['¿hay video del proyecto de especias en Bolivia?', 'bolivia-spice-value-chain', 'no tiene ningún video'],
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
    ['proyecto en Barbados', 'está a cargo de la Asociación Cooperativa Canadiense en Barbados'],
    ['who runs the Peru project', 'led by the Canadian Co-operative Association'],
    ['what does DID do in Haiti', 'run by Développement international Desjardins in Haiti'],
  ])('take the article their language wants: %s', (question, expected) => {
    expect(composer.compose(understander.understand(question)).text).toContain(expected);
  });
});

/** A question about one fact of a project, in each language, and what the first sentence of the answer must say. */
const FACET_QUESTIONS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['who are the partners of PASAC?', 'pasac', /works with Coopcentral/],
  ['qui sont les partenaires du PANSEH ?', 'panseh', /travaille avec le ministère du Commerce/],
  ['¿quiénes son los socios del proyecto de Perú?', 'peru-crop-diversification', /trabaja con Norandino y La Siembra/],
  ['when did PROSOL start?', 'prosol', /^Period of the Rural Economic Development Project/],
  ['qui dirige le projet au Panama ?', 'panama-financial-centre', /dirigé par Développement international Desjardins/],
  ['¿hay un video del proyecto de Panamá?', 'panama-financial-centre', /^Este es el video del Centro Financiero para Empresas/],
  ['video of PASAC', 'pasac', /^The guide has no video for the Colombian Agricultural/],
  ['website of PASAC', 'pasac', /^The guide gives no website for/],
  ['where is PASAC?', 'pasac', /takes place in Colombia \(South America\)/],
];

describe('answers to one fact of a project', () => {
  it.each(FACET_QUESTIONS)('put the fact first, with a compact card of the project: %s', (question, project, first) => {
    const answer = composer.compose(understander.understand(question));
    expect(answer.record).toMatchObject({ intent: 'project', projects: [project] });
    expect(answer.text.split('\n\n')[0]).toMatch(first);
    // The compact card names the project and offers it whole; it has no summary or key facts.
    const summary = kb.project(project)!.summary[answer.record.language];
    expect(flattenCard(answer.card!)).not.toContain(summary);
    const whole = cardActions(answer.card!).find((action) => action.type === 'Action.Submit' && 'question' in action.data && action.data.question === kb.project(project)!.title[answer.record.language]);
    expect(whole).toBeDefined();
  });

  it('present the whole project when it is asked about as a whole, with a one-sentence text', () => {
    const answer = composer.compose(understander.understand('tell me about PASAC'));
    expect(flattenCard(answer.card!)).toContain(kb.project('pasac')!.summary.en);
    expect(answer.text.split('\n\n')).toHaveLength(1);
  });

  it('put the video asked for as the first button, before the whole project and the thumbs', () => {
    const answer = composer.compose(understander.understand('is there a video of the Honduras project?'));
    const [first, second] = buttons(answer.card!);
    expect(first).toMatchObject({ type: 'Action.OpenUrl', url: 'https://vimeo.com/62608992' });
    expect(second).toMatchObject({ type: 'Action.Submit', data: { question: kb.project('honduras-forestry')!.title.en } });
    const last = answer.card!.body.at(-1);
    expect(last).toMatchObject({ type: 'Container', id: FEEDBACK_BLOCK_ID });
    expect(answer.card!.actions).toBeUndefined();
  });

  it.each(LANGUAGES)('offer, for a project without a video, buttons that ask for the videos of those that have one (%s)', (language) => {
    const answer = composer.compose({ ...understander.understand('video of PASAC'), language });
    const withVideos = kb.projects.filter((project) => project.videos.length > 0).map((project) => project.id);
    const asked = buttons(answer.card!).flatMap((action) => (action.type === 'Action.Submit' && 'question' in action.data ? [action.data.question] : []));
    const understood = asked.map((question) => understander.understand(question, undefined, language)).filter((u) => u.facets.includes('video'));
    expect(understood.map((u) => u.projects[0])).toEqual(withVideos);
    expect(understood.every((u) => u.language === language)).toBe(true);
  });
});

describe('replies that show a card', () => {
  const QUESTIONS = [
    ...Object.values(questions),
    ...FACET_QUESTIONS.map(([question]) => question),
    'tell me about PASAC', 'who funds these partnerships?', 'projets en Bolivie', 'videos', 'SOCODEVI website', 'the SOCODEVI project in Bolivia',
  ];

  it.each(LANGUAGES)('never repeat the card in their text (%s)', (language) => {
    for (const question of QUESTIONS) {
      const answer = composer.compose({ ...understander.understand(question), language });
      if (!answer.card) continue;
      const card = flattenCard(answer.card);
      const sentences = answer.text.split(/\n+|(?<=[.:!?])\s+/).filter((sentence) => sentence.length > 25);
      expect({ question, repeated: sentences.filter((sentence) => card.includes(sentence)) }).toEqual({ question, repeated: [] });
    }
  });
});

describe('the whole project card outside an answer (the compose box search)', () => {
  it('gives its follow-up buttons the ids of its project', () => {
    const card = projectCard(composer.wording('fr'), kb.project('panseh')!);
    const questions = cardActions(card).filter((action) => action.type === 'Action.Submit');
    expect(questions.length).toBeGreaterThan(0);
    for (const action of questions) expect(action.data).toEqual({ question: expect.any(String), subject: { projects: ['panseh'], organizations: ['did'] } });
  });
});
