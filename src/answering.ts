/**
 * What answering needs, built from one knowledge base: the understanding and the composer of
 * replies. Built at start and again on each knowledge-base reload.
 */
import { AnswerComposer } from './answers/compose';
import type { Localizer } from './i18n';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { loadStemCache } from './understanding/stemCache';
import { Understander } from './understanding/understander';

export interface Answering {
  readonly kb: KnowledgeBase;
  readonly understander: Understander;
  readonly composer: AnswerComposer;
}

/** Builds the understanding (with the knowledge base's stems the build computed) and the composer. */
export function buildAnswering(kb: KnowledgeBase, localizer: Localizer, stemCacheFile?: string): Answering {
  loadStemCache(stemCacheFile);
  const understander = new Understander(kb);
  return { kb, understander, composer: new AnswerComposer(kb, localizer) };
}
