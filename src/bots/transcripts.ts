/**
 * The optional transcript store: every conversation's activities, in and out, as files in a
 * folder (botbuilder's FileTranscriptStore), for reviewing how the bot answers. Off unless a
 * folder is configured, since transcripts hold what users typed.
 */
import { randomUUID } from 'node:crypto';
import { FileTranscriptStore, RoleTypes, type Activity, type TranscriptLogger, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/** A bot whose turns are written to transcripts. */
export interface Transcribed {
  run(context: TurnContext): Promise<void>;
}

/** A copy fit for the store: FileTranscriptStore names files after ids and sorts by timestamps. */
function entry(activity: Partial<Activity>, role: RoleTypes): Activity {
  const copy = JSON.parse(JSON.stringify(activity)) as Activity;
  copy.id ||= randomUUID();
  copy.timestamp = new Date();
  if (copy.from) copy.from.role ??= role;
  return copy;
}

/**
 * Wraps a bot's turns so that the message and the replies are logged to `logger`. This runs
 * inside the turn runner, after it has begun holding replies until state is saved, so that a
 * reply is logged once, when it actually leaves (botbuilder's TranscriptLoggerMiddleware, outside
 * the runner, would log held replies, and flushes before they leave). Writing never holds up or
 * fails a turn: errors are logged.
 */
export function transcribed(bot: { run(context: TurnContext): Promise<void> }, transcripts: TranscriptLogger, logger: Logger): Transcribed {
  const write = (activity: Activity) => {
    Promise.resolve(transcripts.logActivity(activity)).catch((error: unknown) => logger.warn({ err: error }, 'transcript: could not write an activity'));
  };
  return {
    run: async (context) => {
      write(entry(context.activity, RoleTypes.User));
      context.onSendActivities(async (_context, activities, next) => {
        const responses = await next();
        activities.forEach((activity, index) => write(entry({ ...activity, id: responses[index]?.id || activity.id }, RoleTypes.Bot)));
        return responses;
      });
      await bot.run(context);
    },
  };
}

/** The transcript store kept in a folder. */
export function folderTranscripts(folder: string): TranscriptLogger {
  return new FileTranscriptStore(folder);
}
