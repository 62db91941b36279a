/**
 * Clarifying questions: when several projects fit about equally, the bot asks which one, and the
 * reply (a button, a typed title, an ordinal, a description, or another question) is understood.
 */
import type { Activity } from 'botbuilder';
import { chosenProject } from '../dialogs/clarifyDialog';
import { createBotApp, type BotApp } from '../src/app';
import { answerRecordOf } from '../src/bots/replies';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../src/cards/adaptiveCard';
import { createLogger } from '../src/logger';

const BOLIVIA = ['bolivia-spice-value-chain', 'bolivia-partnership-program'];

let app: BotApp;
beforeAll(() => {
  app = createBotApp({ logger: createLogger('silent') });
});

async function send(conversation: string, message: Partial<Activity>): Promise<Partial<Activity>[]> {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1/test',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: 'test' },
    from: { id: `user-${conversation}`, name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    deliveryMode: 'expectReplies',
    ...message,
  };
  const response = await app.adapter.processInProcess(activity, app.logic);
  return ((response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []).filter((a) => a.type === 'message');
}

const recordOf = (replies: Partial<Activity>[]) => replies.map(answerRecordOf).find((record) => record !== undefined);
const cardOf = (replies: Partial<Activity>[]) =>
  replies.flatMap((reply) => reply.attachments ?? []).find((attachment) => attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE)?.content as AdaptiveCard | undefined;

describe('clarifying questions', () => {
  it('asks which project, with one button per project and the record of the projects offered', async () => {
    const replies = await send('ask', { text: 'the SOCODEVI project in Bolivia' });
    expect(recordOf(replies)).toMatchObject({ intent: 'clarify', language: 'en', projects: BOLIVIA });
    const buttons = cardOf(replies)?.actions ?? [];
    expect(buttons).toHaveLength(2);
    expect(buttons.every((button) => button.type === 'Action.Submit')).toBe(true);
  });

  it('answers the project whose button is clicked', async () => {
    const asked = await send('click', { text: 'el proyecto de SOCODEVI en Bolivia' });
    const second = cardOf(asked)!.actions![1]!;
    expect(second.type).toBe('Action.Submit');
    const data = second.type === 'Action.Submit' ? second.data : undefined;
    const replies = await send('click', { text: '', value: data });
    expect(recordOf(replies)).toMatchObject({ intent: 'project', language: 'es', projects: [BOLIVIA[1]] });
  });

  it.each([
    ['an ordinal', 'fr', 'le projet de SOCODEVI en Bolivie', 'le deuxième', BOLIVIA[1]],
    ['a word of the title', 'en', 'the SOCODEVI project in Bolivia', 'the spice one', BOLIVIA[0]],
    ['a misspelt title', 'en', 'the SOCODEVI project in Bolivia', 'cooperative and mutualist partnersip program', BOLIVIA[1]],
  ])('understands a reply naming the project by %s (%s)', async (_kind, language, question, reply, expected) => {
    const conversation = `reply-${reply}`;
    await send(conversation, { text: question });
    const replies = await send(conversation, { text: reply });
    expect(recordOf(replies)).toMatchObject({ intent: 'project', language, projects: [expected] });
  });

  it('answers another question asked instead of choosing, and leaves the choice behind', async () => {
    await send('other', { text: 'the SOCODEVI project in Bolivia' });
    const replies = await send('other', { text: 'what does DID do in Haiti?' });
    expect(recordOf(replies)).toMatchObject({ intent: 'project', projects: ['panseh'] });
    const next = await send('other', { text: 'what does SOCODEVI do in Honduras' });
    expect(recordOf(next)).toMatchObject({ intent: 'project', projects: ['honduras-forestry'] });
  });
});

describe('chosenProject', () => {
  const choices = [
    { id: 'a', title: 'Développement des Épices' },
    { id: 'b', title: 'Programme de partenariat' },
  ];

  it('matches a title whatever its case, accents and spacing, or an id', () => {
    expect(chosenProject('  developpement des epices ', choices)).toBe('a');
    expect(chosenProject('PROGRAMME DE PARTENARIAT.', choices)).toBe('b');
    expect(chosenProject('b', choices)).toBe('b');
  });

  it('leaves everything else to the understanding', () => {
    expect(chosenProject('le deuxième', choices)).toBeUndefined();
    expect(chosenProject('', choices)).toBeUndefined();
  });
});
