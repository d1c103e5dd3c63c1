import { format, type Localized } from '@/lib/i18n/locale';
import { byLocale, localizedRecord } from '@/lib/i18n/localized';
import { DISCOVERY_MESSAGES } from '@/lib/i18n/messages/discovery';

// What discovery and manual setup say to the user, by code, in both languages. The words are
// lib/i18n/messages/discovery.ts; this file names the codes. No imports beyond data, so the
// manual-setup form can carry these strings to the browser.

/** Keys of the MX discovery messages; `provider_guess` is `provider` from an unconfirmed mapping. */
export type MxMessageKey =
  | 'provider'
  | 'provider_guess'
  | 'unknown_provider'
  | 'no_mx'
  | 'no_domain'
  | 'timeout'
  | 'dns_error'
  | 'aborted';

export const MX_MESSAGES: Readonly<Record<MxMessageKey, Localized>> = localizedRecord(DISCOVERY_MESSAGES, (m) => m.mx);

/**
 * Where manual setup's servers come from, in the reader's words: `domain` and `publisher` as the
 * reader should see them (an internationalised domain as typed, lib/discovery/idn.ts).
 * Undefined when nothing was filled in (basis `none`).
 */
export function guessSourceText(
  guess: { source: 'srv' | 'autoconfig' | 'hosted_service' | 'guess'; basis: string },
  shown: { domain: string; publisher?: string },
): Localized | undefined {
  if (guess.basis === 'none') return undefined;
  return byLocale((locale) =>
    format(DISCOVERY_MESSAGES[locale].source[guess.source], { domain: shown.domain, publisher: shown.publisher ?? shown.domain }),
  );
}

/** Why a server host was not connected to. */
export type GuardRefusalCode =
  | 'invalid_host'
  | 'unresolvable'
  | 'timeout'
  | 'dns_error'
  | 'aborted'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  // Not the address guard's own: the host is a known provider's server (lib/providers/
  // provider-hosts.ts), which manual setup does not dial; the check words it per provider.
  | 'provider_host';

// The reason is given in the user's terms. Link-local and metadata addresses share one text on
// purpose, and no text repeats the address a name resolved to: the codes are for our logs.
const GUARD = localizedRecord(DISCOVERY_MESSAGES, (m) => m.guard);

export const GUARD_MESSAGES: Readonly<Record<GuardRefusalCode, Localized>> = {
  invalid_host: GUARD.invalid_host,
  unresolvable: GUARD.unresolvable,
  timeout: GUARD.timeout,
  dns_error: GUARD.dns_error,
  aborted: GUARD.aborted,
  loopback: GUARD.loopback,
  private: GUARD.private,
  link_local: GUARD.localOnly,
  metadata: GUARD.localOnly,
  unspecified: GUARD.specialPurpose,
  multicast: GUARD.specialPurpose,
  reserved: GUARD.specialPurpose,
  provider_host: GUARD.provider_host,
};

/**
 * Why a typed host is refused for being `provider`'s server, naming the provider. `owned` is the
 * provider's name for it: the typed host itself, or the name it is an alias of. The address is
 * always one no provider was recognised by (else there would be no manual setup). A provider of
 * companies' own domains (NetEase Enterprise) is recognised by the domain's MX records instead
 * of by an address, so its text says where to look.
 */
export function providerHostMessage(
  provider: { name: Localized; hostsCompanyDomains: boolean },
  typed: string,
  owned: string,
): Localized {
  return byLocale((locale) => {
    const words = DISCOVERY_MESSAGES[locale].providerHost;
    const values = { typed, owned, name: provider.name[locale] };
    return format(words.joined, {
      what: format(typed === owned ? words.own : words.alias, values),
      next: format(provider.hostsCompanyDomains ? words.companyDomains : words.addressOnly, values),
    });
  });
}

/** The link under a refused host to the provider's own steps, opened in a new tab; `{provider}` is its name. */
export const PROVIDER_GUIDE_LINK: Localized = byLocale((locale) => DISCOVERY_MESSAGES[locale].providerGuideLink);

/** Problems with one field of the manual server form. */
export type ManualFieldProblem =
  | 'host_empty'
  | 'host_space'
  | 'host_has_port'
  | 'host_url'
  | 'host_too_long'
  | 'host_invalid'
  | 'host_ip_form'
  | 'host_single_label'
  | 'port_invalid'
  | 'port_not_mail_imap'
  | 'port_not_mail_smtp'
  | 'tls_invalid'
  | 'login_invalid'
  | 'login_invisible'
  | 'login_too_long';

export const MANUAL_FIELD_MESSAGES: Readonly<Record<ManualFieldProblem, Localized>> = localizedRecord(DISCOVERY_MESSAGES, (m) => m.manualFields);
