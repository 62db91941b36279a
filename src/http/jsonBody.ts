/**
 * Only JSON bodies reach the bot's POST routes: anything else gets 415 before it is read, and a
 * body over the route's size cap gets 413. A form post (application/x-www-form-urlencoded,
 * text/plain) is what any web page can make a visitor's browser send without asking, so it must
 * never be read as an activity.
 */
import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';

export function isJsonRequest(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** A route handler that answers 415 to a body not declared as JSON. */
export function jsonOnly(req: Request, res: Response, next: Next): void {
  if (isJsonRequest(req)) return next();
  res.send(415, { error: 'the body must be JSON (Content-Type: application/json)' });
  return next(false);
}

/** The handlers that take a JSON body of at most `maxBodySize` bytes: the type check, then the parser. */
export function jsonBody(maxBodySize: number): RequestHandler[] {
  // restify's jsonBodyParser hands its options to its body reader, which enforces maxBodySize
  // (413); the typings of restify 8 do not list that option.
  const parserOptions = { maxBodySize, mapParams: false } as restify.plugins.JsonBodyParserOptions;
  return [jsonOnly, ...restify.plugins.jsonBodyParser(parserOptions)];
}
