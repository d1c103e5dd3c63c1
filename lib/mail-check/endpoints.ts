import 'server-only';
import type { EndpointOverrides } from '@/lib/env';
import { listRuntimeProviders, providerEndpointSets, PROVIDERS } from '@/lib/providers/registry';
import type { MailEndpoints, MailProvider, ServerEndpoint } from '@/lib/providers/types';

// The check may only ever connect to servers named in provider data, or, in tests, to the
// servers MAIL_ENDPOINT_OVERRIDES names. Nothing a user types becomes a host name, so the
// check cannot be pointed at machines inside our network.

/**
 * The endpoints to check for a mail domain: the provider's (its own set, or alternative
 * `alternative` when a user or support agent picks one), with any test override applied.
 */
export function resolveEndpoints(
  domain: string,
  providerEndpoints: MailEndpoints,
  alternatives: readonly MailEndpoints[],
  options: { alternative?: number; overrides?: EndpointOverrides },
): { ok: true; endpoints: MailEndpoints; overridden: boolean } | { ok: false; error: 'no_such_alternative' } {
  let endpoints = providerEndpoints;
  if (options.alternative !== undefined) {
    const picked = alternatives[options.alternative];
    if (!picked) return { ok: false, error: 'no_such_alternative' };
    endpoints = picked;
  }
  const override = options.overrides?.[domain];
  if (!override) return { ok: true, endpoints, overridden: false };
  const merge = (base: ServerEndpoint, o: { host: string; port: number; tls?: ServerEndpoint['tls'] } | undefined, tls?: ServerEndpoint['tls']) =>
    o ? { host: o.host, port: o.port, tls: o.tls ?? tls ?? base.tls } : base;
  return {
    ok: true,
    overridden: true,
    endpoints: {
      imap: merge(endpoints.imap, override.imap, override.imapTls),
      smtp: merge(endpoints.smtp, override.smtp, override.smtpTls),
      ...(endpoints.pop3 ? { pop3: endpoints.pop3 } : {}),
    },
  };
}

const key = (e: ServerEndpoint) => `${e.host.toLowerCase()}:${e.port}`;

function providerEndpointKeys(providers: readonly MailProvider[]): Set<string> {
  const keys = new Set<string>();
  for (const provider of providers) {
    // Custom-domain hosting (NetEase enterprise) included: it lists no domains of its own.
    for (const set of providerEndpointSets(provider)) {
      keys.add(key(set.imap));
      keys.add(key(set.smtp));
    }
  }
  return keys;
}

const PROVIDER_KEYS = providerEndpointKeys(PROVIDERS);

/** True when `endpoint` is a provider's server or one a test override names. */
export function isAllowedEndpoint(endpoint: ServerEndpoint, overrides?: EndpointOverrides): boolean {
  if (PROVIDER_KEYS.has(key(endpoint))) return true;
  // A provider registered at run time (practice mode's loopback servers) only while it is.
  if (providerEndpointKeys(listRuntimeProviders()).has(key(endpoint))) return true;
  for (const entry of Object.values(overrides ?? {})) {
    for (const o of [entry.imap, entry.smtp]) {
      if (o && key({ host: o.host, port: o.port, tls: 'implicit' }) === key(endpoint)) return true;
    }
  }
  return false;
}
