/** Posts a user's message to a bot's /api/messages with expectReplies, and returns the replies. */
import type { Activity } from 'botbuilder';

export interface HttpReplies {
  readonly status: number;
  readonly activities: Partial<Activity>[];
}

/** Posts a message activity of `conversation` with the given fields (text, value, locale...). */
export async function postMessage(baseUrl: string, conversation: string, fields: Record<string, unknown>): Promise<HttpReplies> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: conversation },
      from: { id: `user-${conversation}` },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      ...fields,
    }),
  });
  const body = response.ok ? ((await response.json()) as { activities?: Partial<Activity>[] }) : {};
  return { status: response.status, activities: body.activities ?? [] };
}

export function askOverHttp(baseUrl: string, conversation: string, text: string, locale?: string): Promise<HttpReplies> {
  return postMessage(baseUrl, conversation, { text, ...(locale ? { locale } : {}) });
}
