import { converse, shippedUnderstander } from './support/understander';

const understand = (text: string, locale?: string) => shippedUnderstander().understander.understand(text, undefined, locale);

describe('understanding: what a question is about', () => {
  it('finds a project from an organization and a country, in any language', () => {
    expect(understand('what does SOCODEVI do in Honduras')).toMatchObject({ intent: 'project', projects: ['honduras-forestry'] });
    expect(understand('Que fait DID en Haïti ?')).toMatchObject({ intent: 'project', projects: ['panseh'], language: 'fr' });
    expect(understand('¿Qué proyectos hay en Bolivia?')).toMatchObject({
      intent: 'list',
      projects: ['bolivia-spice-value-chain', 'bolivia-partnership-program'],
    });
  });

  it('tolerates typos, missing accents and local names', () => {
    expect(understand('socodevi honduas forrestry').projects).toEqual(['honduras-forestry']);
    expect(understand('projet de l’acc a la barbad').projects).toEqual(['barbados-cooperatives-department']);
    expect(understand('asociacion cooperativa canadiense peru').projects).toEqual(['peru-crop-diversification']);
    expect(understand('proyectos en haiti de desjardins').projects).toEqual(['panseh']);
  });

  it('answers detail questions from the facts of each project, in three languages', () => {
    expect(understand('which project started in 1998').projects).toEqual(['bolivia-spice-value-chain']);
    expect(understand('who works with Norandino').projects).toEqual(['peru-crop-diversification']);
    expect(understand('which project trains staff with webinars').projects).toEqual(['barbados-cooperatives-department']);
    expect(understand('Quel projet améliore le cadre juridique des coopératives ?').projects).toEqual(['bolivia-partnership-program']);
    expect(understand('¿Qué proyecto desarrolla tres redes agrícolas?').projects).toEqual(['bolivia-partnership-program']);
  });

  it('names acronyms and titles directly', () => {
    expect(understand('Explain the PANSEH program')).toMatchObject({ intent: 'project', projects: ['panseh'] });
    expect(understand('PANESH')).toMatchObject({ intent: 'project', projects: ['panseh'] });
    expect(understand('Centro Financiero para Empresas').projects).toEqual(['panama-financial-centre']);
  });

  it('lists a sector', () => {
    expect(understand('¿Qué hay para pymes?')).toMatchObject({ intent: 'list', projects: ['panama-financial-centre', 'panseh'] });
    expect(new Set(understand('Montre-moi tout ce qui touche au développement agricole').projects)).toEqual(
      new Set(['pasac', 'prosol', 'peru-crop-diversification', 'bolivia-spice-value-chain']),
    );
  });

  it('profiles an organization, and lists its projects when asked', () => {
    expect(understand('Donne-moi un portrait de SOCODEVI')).toMatchObject({ intent: 'organization', organizations: ['socodevi'] });
    expect(understand("What's the web address for the CCA?")).toMatchObject({ intent: 'organization', organizations: ['cca'], facets: ['website'] });
    expect(understand('Parle-moi des projets de DID')).toMatchObject({ intent: 'list', projects: ['pasac', 'panama-financial-centre', 'panseh'] });
  });

  it('answers questions about the whole partnership with the overview', () => {
    expect(understand('Who provides the money for these partnerships?').intent).toBe('overview');
    expect(understand('Dame un panorama general de estas alianzas').intent).toBe('overview');
  });

  it('greets, thanks and helps', () => {
    expect(understand('Good morning!')).toMatchObject({ intent: 'greeting', smallTalk: 'hello' });
    expect(understand('merci beaucoup')).toMatchObject({ intent: 'greeting', smallTalk: 'thanks' });
    expect(understand('¿Cómo funciona este chat?').intent).toBe('help');
    expect(understand('')).toMatchObject({ intent: 'help', gap: { kind: 'empty' } });
  });
});

describe('understanding: honest fallbacks', () => {
  it.each([
    'Can you recommend a good hotel in Lima?',
    "What's the score of the Canadiens game?",
    '¿Me recomiendas un restaurante en Ciudad de Guatemala?',
    'Tradúceme al inglés la frase "buenos días"',
    'Que fait Médecins sans frontières au Venezuela ?',
    'What does Oxfam do in Haiti?',
    '¿Qué hace UNICEF en Bolivia?',
    'What is the capital of Bolivia?',
    'asdfgh qwerty',
  ])('says it does not know instead of guessing a project: %p', (text) => {
    const result = understand(text);
    expect(result.intent).toBe('fallback');
    expect(result.projects).toEqual([]);
  });

  it('says there is no project for an organization in a country, and shows what there is', () => {
    const result = understand("L'ACC a-t-elle quelque chose en Haïti ?");
    expect(result.gap).toMatchObject({ kind: 'no-project-for-filters' });
    expect(result.projects).toEqual(['panseh']);
  });

  it('knows countries without a project', () => {
    expect(understand('What does DID do in Mexico?')).toMatchObject({
      intent: 'fallback',
      organizations: ['did'],
      gap: { kind: 'country-without-projects', countries: ['mx'] },
    });
  });
});

describe('understanding: follow-ups', () => {
  it('refers "is there a video?" to the last answer', () => {
    const [, second] = converse(['Which organization runs the forestry cooperative project?', 'Do they have a video of it?']);
    expect(second).toMatchObject({ intent: 'project', projects: ['honduras-forestry'], usedContext: true });
  });

  it('keeps the organization for "and in Peru?"', () => {
    const [, second] = converse(['what does SOCODEVI do in Bolivia', 'and in Honduras?']);
    expect(second).toMatchObject({ projects: ['honduras-forestry'], usedContext: true });
    const [, none] = converse(['what does SOCODEVI do in Honduras', 'and in Peru?']);
    expect(none.gap).toMatchObject({ kind: 'no-project-for-filters', filters: { organizations: ['socodevi'], countries: ['pe'] } });
  });

  it('picks one project of the last list by its country or its rank', () => {
    expect(converse(['¿Qué proyectos tiene la CCA?', '¿Y el de Barbados? Cuéntame más'])[1]!.projects).toEqual(['barbados-cooperatives-department']);
    expect(converse(['Parle-moi des projets de DID', 'Et celui du Panama, il a une vidéo ?'])[1]!.projects).toEqual(['panama-financial-centre']);
    expect(converse(['Parle-moi des projets de DID', 'le deuxième'])[1]!.projects).toEqual(['panama-financial-centre']);
    // "the last one" is a rank, not a question about how long a project lasts.
    expect(converse(['CCA projects', 'the last one'])[1]).toMatchObject({ projects: ['barbados-cooperatives-department'], facets: [] });
  });

  it('answers the partners of the last project', () => {
    const [, second] = converse(['PASAC', 'qui sont les partenaires ?']);
    expect(second).toMatchObject({ projects: ['pasac'], facets: ['partners'], language: 'fr' });
  });

  it('answers a profile question after a project, instead of narrowing the project', () => {
    const [, second] = converse(['what does SOCODEVI do in Honduras', 'Who is SOCODEVI?']);
    expect(second).toMatchObject({ intent: 'organization', organizations: ['socodevi'] });
  });

  it('does not carry context into a new, complete question', () => {
    const [, second] = converse(['what does SOCODEVI do in Honduras', 'Which Canadian cooperative projects operate in Guatemala?']);
    expect(second.projects).toEqual(['prosol']);
  });
});
