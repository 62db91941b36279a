/**
 * Structured logs (pino, JSON lines on stderr so that standard output stays free for the terminal
 * chat's answers). LOG_LEVEL sets the level; tests and the terminal chat default to warnings.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'coop-partners-bot' } }, pino.destination(2));
}
