/**
 * The address of the client a request comes from, the key of the per-client limits. A proxy's
 * X-Forwarded-For is believed only when the connection comes from a configured proxy (proxy-addr,
 * as Express does); anyone else could write any address there and dodge the limits.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type ClientAddress = (req: IncomingMessage) => string;

export function clientAddressOf(trustedProxies: readonly string[]): ClientAddress {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (req) => proxyAddr(req, trust);
}
