/**
 * Conversation and user state that are written with the eTag they were read with. Bot Framework's
 * BotState writes with eTag "*" (the last writer wins), so two instances answering one
 * conversation at once could silently lose an update; here the second write fails with an eTag
 * conflict, and the turn is run again on the fresh state (see transactionalTurn.ts). State that
 * did not exist when read is written create-only, so two first turns cannot both create it.
 */
import { ConversationState, UserState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { CREATE_ONLY_ETAG } from '../storage/conditionalWrite';

export { isETagConflict } from '../storage/conditionalWrite';

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

/** What reading needs from a BotState: its storage and key (protected), and its turn cache. */
interface LoadTarget extends Pick<SaveTarget, 'snapshot' | 'written' | 'storage'> {
  key(): string | Promise<string>;
  /** The state cached for the turn, if read already (BotState.get). */
  cached(): StoreItem | undefined;
  /** Replaces the turn's cached state with an empty object, and returns it (BotState.clear, then get). */
  installEmpty(): Promise<StoreItem>;
}

/**
 * Reads the state once a turn (again when forced) and notes it as read. It does what BotState.load
 * does, less the SHA-256 change hash BotState computes at each read: saving compares JSON text
 * instead (saveWithETag), so that hash was a tenth of a turn's work spent for nothing.
 */
async function loadState(target: LoadTarget, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const cached = force ? undefined : target.cached();
  if (cached) return cached;
  const key = await target.key();
  const items = await target.storage.read([key]);
  const state = await target.installEmpty();
  Object.assign(state, items[key] ?? {});
  // A forced read brings the storage's latest eTag: a save after it needs no extra read.
  context.turnState.delete(target.written);
  context.turnState.set(target.snapshot, fingerprint(state));
  return state;
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
  // No eTag: the state did not exist when read, and must still not exist when written.
  const eTag = typeof state.eTag === 'string' && state.eTag ? state.eTag : CREATE_ONLY_ETAG;
  await target.storage.write({ [key]: { ...state, eTag } });
  context.turnState.set(target.written, true);
  context.turnState.set(target.snapshot, current);
}

// The two classes below are alike on purpose: TypeScript mixins need an `any[]` constructor, and
// the shared work is in loadState and saveWithETag.
export class OptimisticConversationState extends ConversationState {
  readonly snapshot = Symbol('conversation state as read');
  readonly written = Symbol('conversation state written this turn');

  constructor(storage: Storage) {
    super(storage);
  }

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const target: LoadTarget = {
      snapshot: this.snapshot,
      written: this.written,
      storage: this.storage,
      key: () => this.storageKey(context),
      cached: () => this.get(context),
      installEmpty: async () => {
        await this.clear(context);
        return this.get(context)!;
      },
    };
    return loadState(target, context, force);
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

  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const target: LoadTarget = {
      snapshot: this.snapshot,
      written: this.written,
      storage: this.storage,
      key: () => this.storageKey(context),
      cached: () => this.get(context),
      installEmpty: async () => {
        await this.clear(context);
        return this.get(context)!;
      },
    };
    return loadState(target, context, force);
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
