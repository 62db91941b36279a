/**
 * Conversation and user state that are written with the eTag they were read with. Bot Framework's
 * BotState writes with eTag "*" (the last writer wins), so two instances answering one
 * conversation at once could silently lose an update; here the second write fails with an eTag
 * conflict, and the turn is run again on the fresh state (see transactionalTurn.ts).
 */
import { calculateChangeHash, ConversationState, UserState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';

/** True for the error storages raise when an item changed since it was read. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict|precondition/i.test(error.message);
}

/** What saving needs from a BotState (whose storage and key function are protected). */
interface SaveTarget {
  readonly snapshot: symbol;
  readonly storage: Storage;
  readonly key: string | Promise<string>;
  readonly state: StoreItem | undefined;
  reload(): Promise<unknown>;
}

function rememberSnapshot(snapshot: symbol, context: TurnContext, state: StoreItem, force: boolean): void {
  if (force || !context.turnState.has(snapshot)) context.turnState.set(snapshot, calculateChangeHash(state));
}

async function saveWithETag(target: SaveTarget, context: TurnContext, force: boolean): Promise<void> {
  const { state } = target;
  if (!state) return;
  if (!force && calculateChangeHash(state) === context.turnState.get(target.snapshot)) return;
  const eTag = typeof state.eTag === 'string' && state.eTag ? state.eTag : '*';
  await target.storage.write({ [await target.key]: { ...state, eTag } });
  // The storage gave the item a new eTag: read it back so that a second save in this turn matches.
  await target.reload();
}

// The two classes below are alike on purpose: TypeScript mixins need an `any[]` constructor, and
// the shared work is in rememberSnapshot and saveWithETag.
export class OptimisticConversationState extends ConversationState {
  readonly snapshot = Symbol('conversation state as read');

  constructor(storage: Storage) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const state = (await super.load(context, force)) as Record<string, unknown>;
    rememberSnapshot(this.snapshot, context, state, force);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const target: SaveTarget = {
      snapshot: this.snapshot,
      storage: this.storage,
      key: this.storageKey(context),
      state: this.get(context),
      reload: () => this.load(context, true),
    };
    await saveWithETag(target, context, force);
  }
}

export class OptimisticUserState extends UserState {
  readonly snapshot = Symbol('user state as read');

  constructor(storage: Storage) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const state = (await super.load(context, force)) as Record<string, unknown>;
    rememberSnapshot(this.snapshot, context, state, force);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const target: SaveTarget = {
      snapshot: this.snapshot,
      storage: this.storage,
      key: this.storageKey(context),
      state: this.get(context),
      reload: () => this.load(context, true),
    };
    await saveWithETag(target, context, force);
  }
}
