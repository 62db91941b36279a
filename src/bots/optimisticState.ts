/**
 * Conversation and user state that are written with the eTag they were read with. Bot Framework's
 * BotState writes with eTag "*" (the last writer wins), so two instances answering one
 * conversation at once could silently lose an update; here the second write fails with an eTag
 * conflict, and the turn is run again on the fresh state (see transactionalTurn.ts).
 */
import { ConversationState, UserState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';

/** True for the error storages raise when an item changed since it was read. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict|precondition/i.test(error.message);
}

/** What saving needs from a BotState (whose storage and key function are protected). */
interface SaveTarget {
  readonly snapshot: symbol;
  readonly written: symbol;
  readonly storage: Storage;
  readonly key: string | Promise<string>;
  readonly state: StoreItem | undefined;
}

/**
 * The state's content as it stands, to tell whether the turn changed it. State is plain JSON (it
 * is stored as JSON), so JSON text compares it exactly, and costs a fraction of BotState's hash.
 */
function fingerprint(state: StoreItem): string {
  const { eTag: _eTag, ...content } = state;
  return JSON.stringify(content);
}

/** Notes the state as read. A forced read brings the storage's latest eTag: a save after it needs no extra read. */
function rememberSnapshot(target: Pick<SaveTarget, 'snapshot' | 'written'>, context: TurnContext, state: StoreItem, force: boolean): void {
  if (force) context.turnState.delete(target.written);
  if (force || !context.turnState.has(target.snapshot)) context.turnState.set(target.snapshot, fingerprint(state));
}

async function saveWithETag(target: SaveTarget, context: TurnContext, force: boolean): Promise<void> {
  const { state } = target;
  if (!state) return;
  const current = fingerprint(state);
  if (!force && current === context.turnState.get(target.snapshot)) return;
  const key = await target.key;
  if (context.turnState.get(target.written)) {
    // Saved once already this turn: the storage gave the item a new eTag, which a second write
    // must carry. Reading it only here keeps the usual turn (one save) at one write; turns save
    // once (transactionalTurn.ts), so this path is for other callers.
    const items = await target.storage.read([key]);
    state.eTag = (items[key] as StoreItem | undefined)?.eTag;
  }
  const eTag = typeof state.eTag === 'string' && state.eTag ? state.eTag : '*';
  await target.storage.write({ [key]: { ...state, eTag } });
  context.turnState.set(target.written, true);
  context.turnState.set(target.snapshot, current);
}

// The two classes below are alike on purpose: TypeScript mixins need an `any[]` constructor, and
// the shared work is in rememberSnapshot and saveWithETag.
export class OptimisticConversationState extends ConversationState {
  readonly snapshot = Symbol('conversation state as read');
  readonly written = Symbol('conversation state written this turn');

  constructor(storage: Storage) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const state = (await super.load(context, force)) as Record<string, unknown>;
    rememberSnapshot(this, context, state, force);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const target: SaveTarget = {
      snapshot: this.snapshot,
      written: this.written,
      storage: this.storage,
      key: this.storageKey(context),
      state: this.get(context),
    };
    await saveWithETag(target, context, force);
  }
}

export class OptimisticUserState extends UserState {
  readonly snapshot = Symbol('user state as read');
  readonly written = Symbol('user state written this turn');

  constructor(storage: Storage) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const state = (await super.load(context, force)) as Record<string, unknown>;
    rememberSnapshot(this, context, state, force);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const target: SaveTarget = {
      snapshot: this.snapshot,
      written: this.written,
      storage: this.storage,
      key: this.storageKey(context),
      state: this.get(context),
    };
    await saveWithETag(target, context, force);
  }
}
