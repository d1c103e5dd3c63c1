import 'server-only';
import { randomUUID } from 'node:crypto';
import tls from 'node:tls';
import type { ServerEndpoint } from '@/lib/providers/types';

// Extra trust for single servers the app runs itself: practice mode's loopback servers carry
// a certificate from an authority made at start. That authority is trusted for exactly the
// host and port it was registered for, and for nothing else; every other connection keeps
// Node's own roots plus NODE_EXTRA_CA_CERTS. The registry is process-wide (on globalThis)
// because Next.js bundles instrumentation and routes separately, and the practice servers are
// started from the one while the checks run from the other.

const TRUST = Symbol.for('mailbox-onboarding.endpoint-trust');

export interface EndpointTrust {
  /** Differs for every registration, so TLS sessions made under one are never resumed under another. */
  id: string;
  secureContext: tls.SecureContext;
}

type TrustRegistry = Map<string, EndpointTrust>;

function registry(): TrustRegistry {
  const holder = globalThis as { [TRUST]?: TrustRegistry };
  return (holder[TRUST] ??= new Map());
}

const keyOf = (endpoint: Pick<ServerEndpoint, 'host' | 'port'>) => `${endpoint.host.toLowerCase()}:${endpoint.port}`;

/**
 * From now on, connections to `endpoint` verify its certificate against `caCert` (PEM) alone:
 * not against the public roots, so nothing but that authority can vouch for the endpoint.
 */
export function trustForEndpoint(endpoint: Pick<ServerEndpoint, 'host' | 'port'>, caCert: string): void {
  registry().set(keyOf(endpoint), { id: randomUUID(), secureContext: tls.createSecureContext({ ca: caCert }) });
}

export function forgetTrustForEndpoint(endpoint: Pick<ServerEndpoint, 'host' | 'port'>): void {
  registry().delete(keyOf(endpoint));
}

/** The trust registered for `endpoint`, if any; verification stays on either way. */
export function trustRegisteredFor(endpoint: Pick<ServerEndpoint, 'host' | 'port'>): EndpointTrust | undefined {
  return registry().get(keyOf(endpoint));
}
