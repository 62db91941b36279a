/**
 * Bot Framework authentication that reuses its connector and user-token clients. CloudAdapter asks
 * for a new ConnectorClient and a new UserTokenClient on every turn, and building one (an Azure
 * HTTP pipeline with its policies) costs more than answering most questions. A client depends only
 * on the bot's app id, the service URL and the audience, and is safe to share between concurrent
 * turns (its credentials fetch and cache their own tokens), so clients are kept per key, a bounded
 * number of them (serviceUrl comes from the request, so an unbounded cache could be grown at will).
 * It is also where the outbound policy applies (outboundPolicy.ts): a client is made only for an
 * allowed serviceUrl, and with a deadline on every call.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { ServiceUrlRefused } from '../failures';
import { DEFAULT_OUTBOUND, serviceUrlAllowed, withDeadline, type OutboundOptions } from './outboundPolicy';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** How many clients of each kind are kept (least recently used ones go first). */
export const MAX_CACHED_CLIENTS = 64;

/** A small least-recently-used map of promises; a rejected promise is forgotten, not kept. */
export class ClientCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number = MAX_CACHED_CLIENTS) {}

  get size(): number {
    return this.entries.size;
  }

  /** The client for `key`, made by `make` when there is none yet. */
  get(key: string, make: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      // Map keeps insertion order: moving the entry to the end marks it as recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }
}

/** The app id the connector factory and user-token client are made for (as botframework-connector reads it). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A connector factory that hands out the clients of a shared cache, making them with an inner factory. */
class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
    private readonly outbound: OutboundOptions & { readonly anyServiceUrl: boolean },
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (!this.outbound.anyServiceUrl && !serviceUrlAllowed(serviceUrl, this.outbound.serviceUrlHosts)) {
      return Promise.reject(new ServiceUrlRefused(String(serviceUrl)));
    }
    return this.cache.get(JSON.stringify([this.appId, serviceUrl, audience ?? '']), async () =>
      withDeadline(await this.inner.create(serviceUrl, audience), this.outbound.timeoutMs),
    );
  }
}

/** ConfigurationBotFrameworkAuthentication whose connector and user-token clients are reused across turns. */
export class ClientCachingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();
  /** With an app id, the channel's token vouches for the serviceUrl; without one, only allowed hosts. */
  private readonly outbound: OutboundOptions & { readonly anyServiceUrl: boolean };

  constructor(config: ConfigurationBotFrameworkAuthenticationOptions, outbound: OutboundOptions = DEFAULT_OUTBOUND) {
    super(config);
    this.outbound = { ...outbound, anyServiceUrl: Boolean(config.MicrosoftAppId) };
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.caching(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.caching(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private caching(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(inner, appIdOf(identity), this.connectorClients, this.outbound);
  }
}
