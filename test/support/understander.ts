/** One understander over the shipped knowledge base, shared by the tests of a file. */
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { Understander } from '../../src/understanding/understander';
import { contextAfter, EMPTY_CONTEXT, type ConversationContext, type Understanding } from '../../src/understanding/types';

let shared: { kb: KnowledgeBase; understander: Understander } | undefined;

export function shippedUnderstander(): { kb: KnowledgeBase; understander: Understander } {
  shared ??= (() => {
    const kb = loadKnowledgeBase();
    return { kb, understander: new Understander(kb) };
  })();
  return shared;
}

/** Understands a sequence of messages as the turns of one conversation. */
export function converse(messages: readonly string[], locale?: string): Understanding[] {
  const { understander } = shippedUnderstander();
  let context: ConversationContext = EMPTY_CONTEXT;
  return messages.map((message) => {
    const understanding = understander.understand(message, context, locale);
    context = contextAfter(understanding, context);
    return understanding;
  });
}
