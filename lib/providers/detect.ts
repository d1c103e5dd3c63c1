import { z } from '@/lib/zod';
import { findProviderByDomain, getProvider } from './registry';
import { foldTypedText } from './text-fold';
import type { DomainInfo, MailEndpoints, MailProvider, UsernameForm } from './types';
import type { Locale, Localized } from '@/lib/i18n/locale';
import { wordsFrom } from '@/lib/i18n/localized';
import { ISSUE_MESSAGES } from '@/lib/i18n/messages/issues';
import { hasNonAscii, toAsciiDomain } from '@/lib/discovery/idn';

// What is wrong with an address, and what detection could not tell, in the words of the issue
// catalog; this file keeps the rules.
const { text } = wordsFrom(ISSUE_MESSAGES);

export type AddressErrorCode = 'empty' | 'not_an_address' | 'too_long';

/** Finer than the error code, so the message can say what to fix. */
export type AddressProblem =
  | 'empty'
  | 'too_long'
  | 'local_part_too_long'
  | 'missing_at'
  | 'multiple_at'
  | 'contains_space'
  | 'empty_local_part'
  | 'non_ascii_local_part'
  | 'invalid_local_part'
  | 'empty_domain'
  | 'domain_without_dot'
  | 'invalid_domain';

export type NormalizedAddress =
  | { ok: true; address: string; localPart: string; domain: string }
  | { ok: false; error: AddressErrorCode; problem: AddressProblem; message: Localized };

// RFC 5321 limits: 254 for the whole path in practice, 64 for the local part.
const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// Dot-atom only: quoted local parts are legal but no webmail provider hands them out, and
// accepting them would let typos through.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// An all-digit last label is an IP address or a typo, never a mail domain.
const TOP_LEVEL_LABEL = /[a-z]/;

// Each problem's error code. The words are the issue catalog's `address.<problem>`
// (lib/i18n/messages/issues.ts), which the address schema's issue codes name too.
const PROBLEMS: Record<AddressProblem, { error: AddressErrorCode; message: Localized }> = {
  empty: { error: 'empty', message: text((m) => m['address.empty']) },
  too_long: { error: 'too_long', message: text((m) => m['address.too_long']) },
  local_part_too_long: { error: 'too_long', message: text((m) => m['address.local_part_too_long']) },
  missing_at: { error: 'not_an_address', message: text((m) => m['address.missing_at']) },
  multiple_at: { error: 'not_an_address', message: text((m) => m['address.multiple_at']) },
  contains_space: { error: 'not_an_address', message: text((m) => m['address.contains_space']) },
  empty_local_part: { error: 'not_an_address', message: text((m) => m['address.empty_local_part']) },
  non_ascii_local_part: { error: 'not_an_address', message: text((m) => m['address.non_ascii_local_part']) },
  invalid_local_part: { error: 'not_an_address', message: text((m) => m['address.invalid_local_part']) },
  empty_domain: { error: 'not_an_address', message: text((m) => m['address.empty_domain']) },
  domain_without_dot: { error: 'not_an_address', message: text((m) => m['address.domain_without_dot']) },
  invalid_domain: { error: 'not_an_address', message: text((m) => m['address.invalid_domain']) },
};

type Parts = { address: string; localPart: string; domain: string };

// Checked in order; the first that fails names the problem. The order puts the most helpful
// explanation first: "foo 163.com" is a missing "@", not a stray space.
const RULES: ReadonlyArray<{ problem: AddressProblem; fails: (parts: Parts) => boolean }> = [
  { problem: 'empty', fails: ({ address }) => address.length === 0 },
  { problem: 'too_long', fails: ({ address }) => address.length > MAX_ADDRESS_LENGTH },
  { problem: 'missing_at', fails: ({ address }) => !address.includes('@') },
  { problem: 'multiple_at', fails: ({ address }) => address.indexOf('@') !== address.lastIndexOf('@') },
  { problem: 'contains_space', fails: ({ address }) => /\s/u.test(address) },
  { problem: 'empty_local_part', fails: ({ localPart }) => localPart.length === 0 },
  { problem: 'local_part_too_long', fails: ({ localPart }) => localPart.length > MAX_LOCAL_PART_LENGTH },
  // Before the character rule, so that 张三@example.com hears why: a non-ASCII local part needs
  // SMTPUTF8, which none of these providers offers.
  { problem: 'non_ascii_local_part', fails: ({ localPart }) => hasNonAscii(localPart) },
  { problem: 'invalid_local_part', fails: ({ localPart }) => !LOCAL_PART.test(localPart) },
  { problem: 'empty_domain', fails: ({ domain }) => domain.length === 0 },
  { problem: 'domain_without_dot', fails: ({ domain }) => !domain.includes('.') },
  {
    problem: 'invalid_domain',
    fails: ({ domain }) => {
      const labels = domain.split('.');
      return !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_LABEL.test(labels.at(-1) ?? '');
    },
  },
];

/**
 * Turns what a user typed or pasted into the address a mail server expects, or says why it
 * is not one. NetEase addresses are case-insensitive, so the whole address is lower-cased.
 * An internationalised domain (例子.公司, bücher.example) comes out in its ASCII form
 * (lib/discovery/idn.ts), the one DNS, TLS and the login take; lib/discovery/idn.ts's
 * `shownAddress` gives it back as typed for the user to read. The local part must be ASCII.
 */
export function normalizeAddress(input: string): NormalizedAddress {
  const typed = foldTypedText(input)
    // The ideographic full stop is what a Chinese input method types for "." and NFKC leaves
    // it alone; it can only have meant a dot.
    .replace(/\u3002/gu, '.')
    .trim()
    .toLowerCase();
  const at = typed.lastIndexOf('@');
  const localPart = at === -1 ? typed : typed.slice(0, at);
  const typedDomain = at === -1 ? '' : typed.slice(at + 1);
  // A domain the conversion refuses stays as typed, and the domain rules below name its problem.
  const domain = toAsciiDomain(typedDomain) ?? typedDomain;
  const parts: Parts = { address: at === -1 ? typed : `${localPart}@${domain}`, localPart, domain };
  const broken = RULES.find((rule) => rule.fails(parts));
  if (broken) {
    return { ok: false, problem: broken.problem, ...PROBLEMS[broken.problem] };
  }
  return { ok: true, ...parts };
}

export type MailUsernames = {
  imap: string;
  smtp: string;
  pop3?: string;
  /** Tried once, only if the IMAP server refused the login with `imap` (iCloud). */
  imapFallback?: string;
};

export type DetectedProvider =
  | {
      ok: true;
      address: string;
      domain: string;
      provider: MailProvider;
      domainInfo: DomainInfo;
      endpoints: MailEndpoints;
      alternatives: readonly MailEndpoints[];
      username: MailUsernames;
    }
  | { ok: false; error: 'invalid_address'; problem: AddressProblem; message: Localized }
  | { ok: false; error: 'unknown_provider'; message: Localized; address: string; domain: string };

const UNKNOWN_PROVIDER: Localized = text((m) => m['address.unknown_provider']);

function usernameFor(form: UsernameForm, parts: { address: string; localPart: string }): string {
  return form === 'address' ? parts.address : parts.localPart;
}

/** The login names `provider` expects for this (normalised) address, per protocol. */
export function loginNamesFor(
  provider: Pick<MailProvider, 'usernameForm'>,
  parts: { address: string; localPart: string },
  endpoints?: MailEndpoints,
): MailUsernames {
  const forms = provider.usernameForm;
  const imap = usernameFor(forms.imap, parts);
  const fallback = forms.imapFallback ? usernameFor(forms.imapFallback, parts) : undefined;
  return {
    imap,
    smtp: usernameFor(forms.smtp, parts),
    ...(forms.pop3 && (endpoints ? endpoints.pop3 : true) ? { pop3: usernameFor(forms.pop3, parts) } : {}),
    ...(fallback !== undefined && fallback !== imap ? { imapFallback: fallback } : {}),
  };
}

type NormalizedParts = Extract<NormalizedAddress, { ok: true }>;

function detected(
  normalized: NormalizedParts,
  provider: MailProvider,
  domainInfo: DomainInfo,
  endpoints: MailEndpoints,
  alternatives: readonly MailEndpoints[],
): DetectedProvider {
  return {
    ok: true,
    address: normalized.address,
    domain: normalized.domain,
    provider,
    domainInfo,
    endpoints,
    alternatives,
    username: loginNamesFor(provider, normalized, endpoints),
  };
}

function unknownProvider(normalized: NormalizedParts): DetectedProvider {
  return { ok: false, error: 'unknown_provider', message: UNKNOWN_PROVIDER, address: normalized.address, domain: normalized.domain };
}

export function detectProvider(input: string): DetectedProvider {
  const normalized = normalizeAddress(input);
  if (!normalized.ok) {
    return { ok: false, error: 'invalid_address', problem: normalized.problem, message: normalized.message };
  }
  const match = findProviderByDomain(normalized.domain);
  if (!match) return unknownProvider(normalized);
  const { provider, domain } = match;
  const info: DomainInfo = { domain: domain.domain, confirmed: domain.confirmed, name: domain.name, webmailUrl: domain.webmailUrl };
  return detected(normalized, provider, info, domain.endpoints, domain.alternatives);
}

/**
 * Detection for an address once something else has said which provider hosts it: MX records
 * pointing at NetEase enterprise, or a user picking the provider from a list. A domain the
 * provider lists gets its own servers; any other domain gets the provider's custom-domain
 * servers, or `unknown_provider` when the provider hosts no custom domains.
 */
export interface HostedByOptions {
  /**
   * The server set to start with, named by its IMAP host: the one the domain's MX rule names
   * (lib/discovery/mx.ts; NetEase's free company mail on ym.163.com has servers of its own). The
   * provider's usual first set then leads the alternatives, the others following in their order.
   * Ignored when no set of the provider's has that host.
   */
  firstImapHost?: string;
}

/** `endpoints` and `alternatives` with the set whose IMAP host is `firstImapHost` moved to the front. */
export function startingWith(
  endpoints: MailEndpoints,
  alternatives: readonly MailEndpoints[],
  firstImapHost: string | undefined,
): { endpoints: MailEndpoints; alternatives: readonly MailEndpoints[] } {
  const index = firstImapHost === undefined ? -1 : alternatives.findIndex((set) => set.imap.host === firstImapHost);
  const first = alternatives[index];
  if (!first) return { endpoints, alternatives };
  return { endpoints: first, alternatives: [endpoints, ...alternatives.filter((_, i) => i !== index)] };
}

/**
 * Detection for an address whose provider is known by other means than its domain: the MX
 * records of a company domain, or the provider a saved account was checked with.
 */
export function detectProviderById(input: string, providerId: string, options: HostedByOptions = {}): DetectedProvider {
  const normalized = normalizeAddress(input);
  if (!normalized.ok) {
    return { ok: false, error: 'invalid_address', problem: normalized.problem, message: normalized.message };
  }
  const provider = getProvider(providerId);
  if (!provider) return unknownProvider(normalized);
  const listed = provider.domains.find((d) => d.domain === normalized.domain);
  if (listed) {
    const info: DomainInfo = { domain: listed.domain, confirmed: listed.confirmed, name: listed.name, webmailUrl: listed.webmailUrl };
    return detected(normalized, provider, info, listed.endpoints, listed.alternatives);
  }
  const hosting = provider.customDomains;
  if (!hosting) return unknownProvider(normalized);
  // Which server group hosts this domain is a guess (the alternatives are the other groups),
  // so the domain's servers are presented as assumed, not as fact.
  const info: DomainInfo = { domain: normalized.domain, confirmed: false, name: provider.name, webmailUrl: hosting.webmailUrl };
  const sets = startingWith(hosting.endpoints, hosting.alternatives, options.firstImapHost);
  return detected(normalized, provider, info, sets.endpoints, sets.alternatives);
}

/**
 * An address field for forms and server actions: accepts what `normalizeAddress` accepts and
 * outputs the normalised address. Issue messages are in `locale`; `params` carries the codes.
 */
export function createMailAddressSchema(locale: Locale = 'zh') {
  return z.string().transform((input, ctx) => {
    const normalized = normalizeAddress(input);
    if (!normalized.ok) {
      ctx.addIssue({
        code: 'custom',
        message: normalized.message[locale],
        params: { error: normalized.error, problem: normalized.problem },
      });
      return z.NEVER;
    }
    return normalized.address;
  });
}

// Chinese first, as everywhere in the product.
export const mailAddressSchema = createMailAddressSchema('zh');
