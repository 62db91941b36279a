/**
 * What the build precomputes for a fast start (dist/precomputed/: the validated knowledge base, the
 * Understander's indexes, the trained classifier) changes nothing the bot understands: an
 * Understander started from those files and one built from scratch (data/ parsed and checked,
 * indexes built, classifier trained) read the evaluation sets identically. A knowledge base or
 * data/ other than the build's falls back to building. (The language model's stored form has its
 * own test, languageModelStorage.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readQuestionSet, type QuestionItem } from '../src/eval/questionSet';
import { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { DEFAULT_DATA_DIR, knowledgeBaseFingerprint, loadKnowledgeBase, readKnowledgeBaseParts } from '../src/knowledge/load';
import { PRECOMPUTED_DIR } from '../src/understanding/dictionary';
import { buildIndexes, indexesKey, INDEXES_FILE, readIndexes, writeIndexes } from '../src/understanding/indexes';
import { loadUnderstandingResources, type UnderstandingResources } from '../src/understanding/resources';
import { contextAfter, EMPTY_CONTEXT, type ConversationContext } from '../src/understanding/types';
import { Understander } from '../src/understanding/understander';

/** The shipped resources without anything precomputed from data/ (the word filters and the language model stay: they come from the dictionaries and their own tests). */
function fromScratch(resources: UnderstandingResources): UnderstandingResources {
  return {
    lexicons: resources.lexicons,
    intentExamples: resources.intentExamples,
    placeNames: resources.placeNames,
    outsideOrganizations: resources.outsideOrganizations,
    dictionaries: resources.dictionaries,
    languageModel: resources.languageModel,
    dataFingerprint: resources.dataFingerprint,
  };
}

/** The items of a set in conversations (items without one are each their own), in order. */
function conversations(items: readonly QuestionItem[]): QuestionItem[][] {
  const byId = new Map<string, QuestionItem[]>();
  items.forEach((item, index) => {
    const key = item.conversation ?? `single-${index}`;
    byId.set(key, [...(byId.get(key) ?? []), item]);
  });
  return [...byId.values()];
}

/** Every reading of a set's messages: the candidate interpretations and the decision, turn after turn. */
function readings(understander: Understander, items: readonly QuestionItem[]): unknown[] {
  return conversations(items).flatMap((turns) => {
    let context: ConversationContext = EMPTY_CONTEXT;
    return turns.map((item) => {
      const recognition = understander.recognize(item.q, context, item.locale);
      const understanding = understander.understand(item.q, context, item.locale);
      context = contextAfter(understanding, context);
      return { id: item.id, recognition, understanding };
    });
  });
}

describe('a start from the precomputed files', () => {
  let scratchKb: KnowledgeBase;
  let shipped: UnderstandingResources;
  let scratch: Understander;
  let kb: KnowledgeBase;
  let precomputed: Understander;
  beforeAll(() => {
    scratchKb = new KnowledgeBase(readKnowledgeBaseParts());
    shipped = loadUnderstandingResources();
    scratch = new Understander(scratchKb, fromScratch(shipped));
    kb = loadKnowledgeBase();
    precomputed = new Understander(kb, shipped);
  }, 120_000);

  it('really starts from them: the knowledge base, the indexes and the classifier are read, not built', () => {
    expect(knowledgeBaseFingerprint(kb)).toMatch(/^[0-9a-f]{16}$/);
    expect(knowledgeBaseFingerprint(scratchKb)).toBeUndefined();
    expect(precomputed.restoredIndexes).toBe(true);
    expect(precomputed.trainedClassifier).toBe(false);
    expect(scratch.restoredIndexes).toBe(false);
    expect(scratch.trainedClassifier).toBe(true);
  });

  it('holds the knowledge base exactly as data/ reads', () => {
    const fromYaml = readKnowledgeBaseParts();
    expect({ ...kb }).toEqual({ ...scratchKb });
    expect(kb.projects).toStrictEqual(scratchKb.projects);
    expect(kb.organizations).toStrictEqual(fromYaml.organizations);
    expect(kb.overview).toStrictEqual(fromYaml.overview);
  });

  it('holds the indexes exactly as they are built, byte for byte', () => {
    const saved = readFileSync(join(PRECOMPUTED_DIR, INDEXES_FILE));
    const key = indexesKey(kb, shipped)!;
    expect(key).toBeDefined();
    const restored = readIndexes(saved, key);
    expect(restored).toBeDefined();
    expect(writeIndexes(restored!, key).equals(writeIndexes(buildIndexes(scratchKb, shipped), key))).toBe(true);
    expect(readIndexes(saved, 'another key')).toBeUndefined();
    expect(readIndexes(saved, indexesKey(scratchKb, shipped))).toBeUndefined();
    expect(readIndexes(Buffer.from('damaged'), key)).toBeUndefined();
  });

  it.each(['dev.jsonl', 'team-e-offtopic.jsonl'])('reads %s exactly as a build from scratch does', (file) => {
    const items = readQuestionSet(join(__dirname, 'eval', file));
    expect(readings(precomputed, items)).toEqual(readings(scratch, items));
  });
});

describe('a knowledge base other than the build\'s', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-edited-'));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from its files and indexed in-process, with the edit understood', () => {
    const file = join(dir, 'projects', 'prosol.yaml');
    // A fact only: the names stay, so the build's classifier still fits and only the indexes are rebuilt.
    writeFileSync(file, readFileSync(file, 'utf8').replace('fosters economic growth', 'fosters zyxwuvian beekeeping and economic growth'));
    const kb = loadKnowledgeBase(dir);
    expect(knowledgeBaseFingerprint(kb)).toBeUndefined();
    expect(kb.project('prosol')?.summary.en).toMatch(/zyxwuvian beekeeping/);
    const understander = new Understander(kb);
    expect(understander.restoredIndexes).toBe(false);
    expect(understander.trainedClassifier).toBe(false);
    expect(understander.understand('which project does zyxwuvian beekeeping?').projects).toEqual(['prosol']);
  });
});
