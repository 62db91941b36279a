/**
 * Stops an HTTP server without dropping what it is doing: it stops accepting connections, answers
 * every request that still comes on a connection already open (with `Connection: close`, so that
 * the client goes elsewhere next), lets the work the server started finish, and closes what is
 * left only at the deadline.
 */
import { Server as NetServer } from 'node:net';
import type { Server } from 'restify';
import type { InFlight } from './inFlight';

/** Resolves true when everything finished before the deadline, false when the deadline cut it short. */
export async function drainServer(server: Server, inFlight: InFlight, timeoutMs: number): Promise<boolean> {
  inFlight.closing = true;
  const http = server.server;
  // net.Server's close stops listening and calls back once every connection has ended; http.Server's
  // would also drop the idle keep-alive connections at once, and with them a request already sent
  // on one but not read yet. Node closes idle keep-alive connections itself (keepAliveTimeout).
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(http, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const finished = closed.then(() => inFlight.idle()).then(() => true);
  const drained = await Promise.race([finished, deadline]);
  clearTimeout(timer);
  http.closeAllConnections();
  await closed;
  return drained;
}
