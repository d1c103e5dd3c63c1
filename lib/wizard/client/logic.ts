import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import type { SecretKind } from '@/lib/providers/types';
import type { Locale } from '@/lib/i18n/locale';
import { createConnectMailboxSchema, type ConnectMailboxInput, type ConnectMailboxValues } from '@/lib/accounts/schema';
import type { FieldIssue } from '@/lib/actions/result';
import { manualServerSchema, type ManualFieldIssue, type ManualServerInput, type ManualServerValues } from '@/lib/discovery/manual';
import { issueText as sharedIssueText, wordedResolver } from '@/lib/i18n/issue-text';
import { MANUAL_FIELD_MESSAGES, PROVIDER_GUIDE_LINK } from '@/lib/discovery/messages';
import { format } from '@/lib/i18n/locale';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { findProviderOfHost } from '@/lib/providers/provider-hosts';
import { getProvider, registerRuntimeProvider } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { mainDomainOf, type ShownDomain } from '@/lib/wizard/default-domain';
import { draftEndpoints, type ManualDraft, type ManualField, type ManualFormValues } from '@/lib/wizard/manual-setup';
import { wizardStepHref } from '@/lib/wizard/provider-hint';

// Everything in the wizard that needs zod (detection and the code helpers import it with the
// shared schemas), and the words of manual setup's complaints. Loaded on demand by
// logic-loader.ts, so the page hydrates without it.

export { assessAuthCode, cleanSecret } from '@/lib/providers/auth-code';
export { viewAddress, viewAddressHostedBy } from '@/lib/wizard/detection';
export { guessManualSettings } from '@/lib/discovery/manual';
// Where step 1's servers come from (SRV records, an autoconfig file, our guess), in words.
export { guessSourceText } from '@/lib/discovery/messages';
export { manualDraftStore } from './manual-draft-store';
export { draftEndpoints } from '@/lib/wizard/manual-setup';
// The words of what shows only once the reader has typed or checked (wizard-later.ts).
export { WIZARD_LATER_MESSAGES } from '@/lib/i18n/messages/wizard-later';

// Manual setup's complaints (`manual.host_url`, ...) are shown by the wizard alone: their words
// reach the shared lookup from here, so the pages without the wizard never load them.
const manualWordsIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(MANUAL_FIELD_MESSAGES).map(([problem, words]) => [`manual.${problem}`, words[locale]])) as Readonly<
    Record<ManualFieldIssue, string>
  >;

const MANUAL_ISSUE_WORDS: Readonly<Record<Locale, Readonly<Record<ManualFieldIssue, string>>>> = { zh: manualWordsIn('zh'), en: manualWordsIn('en') };

/** A complaint in the reader's words (lib/i18n/issue-text.ts), manual setup's `manual.*` codes included. */
export function issueText(issue: FieldIssue, locale: Locale): string {
  return sharedIssueText(issue, locale, MANUAL_ISSUE_WORDS[locale]);
}

/** The main domain of the provider picked from the chooser, as the steps show it. */
export function chosenDomain(providerId: string): ShownDomain | undefined {
  const provider = getProvider(providerId);
  return provider ? mainDomainOf(provider) : undefined;
}

// Until the typed servers are complete, the steps show the usual ports with no host.
const EMPTY_ENDPOINTS = {
  imap: { host: '', port: 993, tls: 'implicit' },
  smtp: { host: '', port: 465, tls: 'implicit' },
} as const;

/** Manual setup's servers as the steps show them: those typed on step 1. */
export function manualShownDomain(domain: string, draft: ManualDraft | null): ShownDomain {
  return {
    provider: MANUAL_PROVIDER,
    info: { domain, confirmed: true, name: MANUAL_PROVIDER.name, webmailUrl: '' },
    endpoints: (draft && draftEndpoints(draft.values)) ?? EMPTY_ENDPOINTS,
    alternatives: [],
  };
}

/**
 * Makes a provider assembled at run time (practice mode's) known to detection in this tab,
 * once; see lib/wizard/client/logic-loader.ts `registerRuntimeProviderOnLoad`.
 */
export function addRuntimeProvider(provider: MailProvider): void {
  if (!getProvider(provider.id)) registerRuntimeProvider(provider);
}

const resolvers = new Map<string, Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues>>();

/**
 * react-hook-form's resolver for the shared schema, messages in `locale`; the code cleaned as
 * `secretKind` (that of the provider the address names; none while it is not known).
 */
export function connectMailboxResolver(locale: Locale, secretKind?: SecretKind): Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues> {
  const key = `${locale}:${secretKind ?? ''}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    // One schema per kind, its issue codes worded in `locale`.
    resolver = wordedResolver(zodResolver(createConnectMailboxSchema(secretKind)), locale, MANUAL_ISSUE_WORDS[locale]);
    resolvers.set(key, resolver);
  }
  return resolver;
}

const manualResolvers = new Map<Locale, Resolver<ManualServerInput, unknown, ManualServerValues>>();

/** react-hook-form's resolver for manual setup's servers (the schema the server parses them with). */
export function manualServerResolver(locale: Locale): Resolver<ManualServerInput, unknown, ManualServerValues> {
  let resolver = manualResolvers.get(locale);
  if (!resolver) {
    resolver = wordedResolver(zodResolver(manualServerSchema), locale, MANUAL_ISSUE_WORDS[locale]);
    manualResolvers.set(locale, resolver);
  }
  return resolver;
}

/** The first problem per field of typed servers, in `locale`; empty when the schema takes them. */
export function manualServerProblems(values: ManualFormValues, locale: Locale): Partial<Record<ManualField, string>> {
  const parsed = manualServerSchema.safeParse(values);
  if (parsed.success) return {};
  const problems: Partial<Record<ManualField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ManualField;
    problems[field] ??= issueText(issue.message, locale);
  }
  return problems;
}

/**
 * Manual setup refuses a known provider's server (the check says so on the host field); under
 * it, a link to that provider's own steps. In a new tab, where no address typed here overrules
 * the link's provider hint.
 */
export function providerGuideFor(host: string, locale: Locale): { href: string; label: string } | undefined {
  const provider = findProviderOfHost(host);
  if (!provider) return undefined;
  return {
    href: wizardStepHref('core-parameters-configuration', provider.id),
    label: format(PROVIDER_GUIDE_LINK[locale], { provider: provider.name[locale] }),
  };
}
