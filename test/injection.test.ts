/** User text never reaches the reply's markdown or cards, so it cannot inject markup or links. */
import { AnswerComposer } from '../src/answers/compose';
import { createLocalizer } from '../src/i18n';
import { shippedUnderstander } from './support/understander';

const { kb, understander } = shippedUnderstander();
const composer = new AnswerComposer(kb, createLocalizer());

const HOSTILE = [
  '[click me](javascript:alert(1)) what does DID do in Haiti',
  '<script>alert(1)</script> PASAC',
  '![x](https://evil.example/x.png) projects in Bolivia',
  'What does <b>Evil Corp</b> do in Haiti?',
  '**bold** _it_ `code` <at>x</at> [a](https://evil.example) hola',
  'https://evil.example/phish qui est DID ?',
  '{{welcome.text}} ${process.env} %s',
];

describe('replies do not echo user text', () => {
  it.each(HOSTILE)('keeps %p out of the reply', (question) => {
    const answer = composer.compose(understander.understand(question));
    const reply = `${answer.text}\n${JSON.stringify(answer.card ?? {})}`;
    for (const fragment of ['javascript:', '<script', 'evil.example', '<b>', 'Evil Corp', '${process', '%s', '`code`']) {
      expect(reply).not.toContain(fragment);
    }
  });
});
