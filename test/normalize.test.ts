import { cleanMessage, fold, matchKey, normalize } from '../src/understanding/normalize';

describe('normalize', () => {
  it('folds case and accents', () => {
    expect(fold('Haïtí Pérou ÉCOLE Ñandú')).toBe('haiti perou ecole nandu');
  });

  it('removes Teams mentions and markup, and unifies apostrophes', () => {
    expect(cleanMessage('<at>Co-op Partners</at> l’ACC   <b>au</b> Pérou')).toBe("l'ACC au Pérou");
  });

  it('drops French elisions with curly and straight apostrophes alike', () => {
    const curly = normalize('l’éducation d’Haïti qu’avez-vous').tokens.map((t) => t.folded);
    const straight = normalize("l'éducation d'Haïti qu'avez-vous").tokens.map((t) => t.folded);
    expect(curly).toEqual(['education', 'haiti', 'avez', 'vous']);
    expect(straight).toEqual(curly);
    expect(normalize("l'ACC").tokens[0]).toMatchObject({ original: 'ACC', elided: true });
  });

  it('keeps co-op as one word and splits other hyphens', () => {
    expect(normalize('co-op projects; Donne-moi').tokens.map((t) => t.folded)).toEqual(['coop', 'projects', 'donne', 'moi']);
  });

  it("turns an English possessive into the name", () => {
    expect(normalize("DID's Panama project").tokens.map((t) => t.original)).toEqual(['DID', 'Panama', 'project']);
  });

  it('keeps digits, which the Spanish tokenizer of natural would drop', () => {
    expect(normalize('programa 2012-2017 hasta 2018').tokens.map((t) => t.folded)).toEqual(['programa', '2012', '2017', 'hasta', '2018']);
  });

  it('marks the first word of each sentence, where a capital says nothing', () => {
    const tokens = normalize('Hello there. What does Oxfam do?').tokens;
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.original)).toEqual(['Hello', 'What']);
  });

  it('handles empty, blank and control-character input', () => {
    expect(normalize('').tokens).toEqual([]);
    expect(normalize('   \u0000\u200B\n').tokens).toEqual([]);
    expect(normalize('<at>Bot</at>').tokens).toEqual([]);
  });

  it('matches plurals and singulars under one key', () => {
    expect(matchKey('cooperativas')).toBe(matchKey('cooperativa'));
    expect(matchKey('reseaux')).toBe('reseau');
    expect(matchKey('pymes')).toBe('pyme');
  });
});
