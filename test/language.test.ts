import { shippedUnderstander } from './support/understander';

const languageOf = (text: string, locale?: string) => shippedUnderstander().understander.understand(text, undefined, locale).language;

describe('language of a message', () => {
  it.each([
    ['hello', 'en'],
    ['bonjour', 'fr'],
    ['Bonjou', 'fr'],
    ['hola', 'es'],
    ['Bonsoir !', 'fr'],
    ['Good morning!', 'en'],
    ['buenas tardes', 'es'],
    ['What is your name?', 'en'],
    ['merci beaucoup', 'fr'],
    ['muchas gracias', 'es'],
  ])('tells the language of the greeting %p', (text, language) => {
    expect(languageOf(text)).toBe(language);
  });

  it.each([
    ["I need the resumen of DID's Panama project", 'en'],
    ["J'aimerais des infos sur le forestry project de SOCODEVI", 'fr'],
    ['Necesito el summary del proyecto en Perú', 'es'],
    ['site web de DID', 'fr'],
    ['la CCA en Barbados', 'es'],
    ['projet de l acc a la barbad', 'fr'],
    ['asociacion cooperativa canadiense peru', 'es'],
    ['Centro Financiero para Empresas', 'es'],
  ])('follows the grammar of a mixed or accent-less message: %p', (text, language) => {
    expect(languageOf(text)).toBe(language);
  });

  it('falls back to the locale, then English, for language-neutral messages', () => {
    expect(languageOf('Honduras', 'es-MX')).toBe('es');
    expect(languageOf('socodevi guatamala', 'fr-CA')).toBe('fr');
    expect(languageOf('PASAC')).toBe('en');
    expect(languageOf('PASAC', 'de-DE')).toBe('en');
  });

  it("keeps the conversation's language for a neutral follow-up, before the locale", () => {
    const { understander } = shippedUnderstander();
    const first = understander.understand('¿Qué proyectos hay en Bolivia?', undefined, 'en-US');
    expect(first.language).toBe('es');
    const next = understander.understand('Honduras?', { projects: first.projects, organizations: [], filters: first.filters, language: first.language }, 'en-US');
    expect(next).toMatchObject({ language: 'es', languageSource: 'conversation' });
  });

  it('switches language on request, but not for "a video in English"', () => {
    expect(languageOf('in Spanish please')).toBe('es');
    expect(languageOf('Y a-t-il une vidéo en anglais du programme en Bolivie ?')).toBe('fr');
  });
});
