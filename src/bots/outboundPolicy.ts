/**
 * What the bot's outgoing calls to a channel (the Bot Connector at the activity's serviceUrl) may
 * do. Without an app id nothing authenticates the caller, so its serviceUrl is taken only when it
 * is a loopback address or a configured host: the bot is no proxy to wherever a request says.
 * Every call has a deadline, retries included, so a serviceUrl that never answers cannot hold a
 * turn; and whatever goes wrong comes out marked as a connector failure.
 */
import type { ConnectorClient } from 'botframework-connector';
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { ServiceFailure } from '../failures';

export interface OutboundOptions {
  /** Hosts a serviceUrl may name when the bot has no app id ("*.example.com" names subdomains). */
  readonly serviceUrlHosts: readonly string[];
  /** The deadline of one connector call, retries included. */
  readonly timeoutMs: number;
}

export const DEFAULT_OUTBOUND: OutboundOptions = { serviceUrlHosts: [], timeoutMs: 10_000 };

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/i;

function hostMatches(host: string, allowed: string): boolean {
  return allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed;
}

/** True when an unauthenticated turn may send to this serviceUrl. */
export function serviceUrlAllowed(serviceUrl: unknown, allowedHosts: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return LOOPBACK.test(host) || allowedHosts.some((allowed) => hostMatches(host, allowed.toLowerCase()));
}

function connectorFailure(error: unknown, timeoutMs: number, deadline: AbortSignal): ServiceFailure {
  if (deadline.aborted) return new ServiceFailure('connector', `the channel did not answer within ${timeoutMs} ms`, { cause: error });
  const status = (error as { statusCode?: unknown }).statusCode;
  return new ServiceFailure('connector', typeof status === 'number' ? `the channel answered ${status}` : 'the channel could not be reached', { cause: error });
}

/** The pipeline policy that gives each call its deadline and marks its failures. */
function deadlinePolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'coopPartnersConnectorDeadline',
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const deadline = AbortSignal.timeout(timeoutMs);
      request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal as AbortSignal, deadline]) : deadline;
      try {
        return await next(request);
      } catch (error) {
        throw connectorFailure(error, timeoutMs, deadline);
      }
    },
  };
}

/** The connector client's HTTP pipeline (private in botbuilder's typings, public at run time). */
interface ConnectorInternals {
  readonly client: { readonly pipeline: { addPolicy(policy: PipelinePolicy): void } };
}

/** Gives every call of a connector client the deadline; added once, when the client is made. */
export function withDeadline(connector: ConnectorClient, timeoutMs: number): ConnectorClient {
  // Without a phase the policy runs outside the retry policy, so the deadline covers the retries.
  (connector as unknown as ConnectorInternals).client.pipeline.addPolicy(deadlinePolicy(timeoutMs));
  return connector;
}
