/**
 * What answering needs, built from one knowledge base: the understanding and the composer of
 * replies. Built at start and again on each knowledge-base reload.
 */
import { AnswerComposer } from './answers/compose';
import type { Localizer } from './i18n';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { loadStemCache, saveStemCache } from './understanding/stemCache';
import { stemMemoEntries } from './understanding/stem';
import { Understander } from './understanding/understander';

export interface Answering {
  readonly kb: KnowledgeBase;
  readonly understander: Understander;
  readonly composer: AnswerComposer;
}

const stemCount = () => Object.values(stemMemoEntries()).reduce((sum, entries) => sum + entries.length, 0);

/** Builds the understanding (with the stems of earlier runs, when a cache file has them) and the composer. */
export function buildAnswering(kb: KnowledgeBase, localizer: Localizer, stemCacheFile?: string): Answering {
  const cached = loadStemCache(stemCacheFile);
  const understander = new Understander(kb);
  if (stemCount() > cached) saveStemCache(stemCacheFile);
  return { kb, understander, composer: new AnswerComposer(kb, localizer) };
}
