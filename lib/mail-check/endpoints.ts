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

const sameEndpoint = (a: ServerEndpoint, b: ServerEndpoint) => a.host === b.host && a.port === b.port && a.tls === b.tls;

/**
 * Which of a domain's server sets `saved` is, as resolveEndpoints names them (undefined: the first
 * set), test overrides applied the same way: so that a re-check of a saved account connects where
 * the check that saved it did, whatever order the sets come in now (a company domain's MX rule
 * may put another set first). Undefined too for a set provider data no longer lists: the first.
 */
export function alternativeMatching(
  domain: string,
  endpoints: MailEndpoints,
  alternatives: readonly MailEndpoints[],
  saved: MailEndpoints,
  overrides?: EndpointOverrides,
): number | undefined {
  const matches = (alternative: number | undefined) => {
    const resolved = resolveEndpoints(domain, endpoints, alternatives, { alternative, overrides });
    return resolved.ok && sameEndpoint(resolved.endpoints.imap, saved.imap) && sameEndpoint(resolved.endpoints.smtp, saved.smtp);
  };
  if (matches(undefined)) return undefined;
  const index = alternatives.findIndex((_, i) => matches(i));
  return index === -1 ? undefined : index;
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
