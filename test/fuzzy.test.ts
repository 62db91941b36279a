import { editDistance, FuzzyVocabulary } from '../src/understanding/fuzzy';

describe('fuzzy vocabulary', () => {
  const vocabulary = new FuzzyVocabulary(['honduras', 'forestry', 'guatemala', 'barbados', 'socodevi', 'bonjour', 'peru', 'panama', 'united']);

  it('corrects typos in names', () => {
    expect(vocabulary.correct('honduas')?.word).toBe('honduras');
    expect(vocabulary.correct('forrestry')?.word).toBe('forestry');
    expect(vocabulary.correct('guatamala')?.word).toBe('guatemala');
    expect(vocabulary.correct('socodebi')?.word).toBe('socodevi');
    expect(vocabulary.correct('bonjou')?.word).toBe('bonjour');
  });

  it('recognises a name cut short, and a dropped first letter', () => {
    expect(vocabulary.correct('barbad')?.word).toBe('barbados');
    expect(vocabulary.correct('ocodevi')?.word).toBe('socodevi');
  });

  it('leaves short and unrelated words alone', () => {
    expect(vocabulary.correct('per')).toBeUndefined();
    expect(vocabulary.correct('hotel')).toBeUndefined();
    expect(vocabulary.correct('unicef')).toBeUndefined();
    expect(vocabulary.correct('pan')).toBeUndefined();
  });

  it('computes the optimal-string-alignment distance', () => {
    expect(editDistance('forestry', 'forestry')).toBe(0);
    expect(editDistance('peur', 'peru')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });
});
