/** Lists of one item or none are joined without a list formatter, and read exactly as one would write them. */
import { joinWith } from '../src/answers/grammar/grammar';
import { LANGUAGES } from '../src/knowledge/schema';

describe('joinWith', () => {
  const lists = [[], ['Haïti'], [''], ['Honduras', 'Haïti'], ['la Bolivie', 'le Pérou', 'Haïti'], ['Colombia', 'Ecuador', 'Iquitos', 'Haití']];
  it.each(LANGUAGES)('joins every list in %s as Intl.ListFormat does', (language) => {
    const format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    for (const items of lists) expect(joinWith(language, items)).toBe(format.format(items));
  });
});
