/** A message's TurnContext on a TestAdapter, for tests of state and turns without HTTP. */
import { ActivityTypes, TurnContext, type Activity, type TestAdapter } from 'botbuilder';

export function contextFor(adapter: TestAdapter, text: string, conversationId = 'conversation-1'): TurnContext {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'c' },
    from: { id: 'user', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    text,
  };
  return new TurnContext(adapter, activity);
}
