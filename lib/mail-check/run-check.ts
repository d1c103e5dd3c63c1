import 'server-only';
import { loginNamesFor } from '@/lib/providers/detect';
import { findProviderByDomain, getProvider, PROVIDERS } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { createRedactor, isBanSignal } from './diagnosis';
import { checkImapAccess } from './imap-check';
import { checkSmtpSubmission } from './smtp-check';
import type { CheckReport, ImapClientInfo, MailCheckInput } from './types';
import { BudgetExceeded, CheckCancelled, elapsedSince } from './with-budget';

export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;
export const DEFAULT_STAGE_TIMEOUT_MS = 8_000;

/** How the check introduces itself with IMAP ID after LOGIN. */
export const DEFAULT_CLIENT_INFO: ImapClientInfo = {
  name: 'Mailbox Onboarding',
  version: '0.1.0',
  vendor: 'Mailbox Onboarding',
};

const ALL_KNOWN_ERRORS = PROVIDERS.flatMap((provider) => provider.knownErrors);

/** The provider named by id, else the one whose domain the address is on. */
function providerOf(input: MailCheckInput): MailProvider | undefined {
  if (input.providerId !== undefined) {
    const provider = getProvider(input.providerId);
    if (!provider) throw new TypeError(`runMailCheck: no provider ${input.providerId}`);
    return provider;
  }
  const at = input.address.lastIndexOf('@');
  return at === -1 ? undefined : findProviderByDomain(input.address.slice(at + 1).toLowerCase())?.provider;
}

const providerLoginNames = (provider: MailProvider, address: string) =>
  loginNamesFor(provider, { address, localPart: address.slice(0, address.lastIndexOf('@')) });

/**
 * The login names: the caller's, else the provider's for this address, else the address. The
 * provider's second IMAP name joins a caller's first one too, so callers that pass on the names
 * detection gave them get the fallback without passing it on.
 */
function loginNames(input: MailCheckInput, provider: MailProvider | undefined) {
  const own = provider ? providerLoginNames(provider, input.address) : undefined;
  const given = typeof input.username === 'object' ? input.username : { imap: input.username, smtp: input.username };
  const imap = given.imap ?? own?.imap ?? input.address;
  const smtp = given.smtp ?? own?.smtp ?? input.address;
  const explicitFallback = typeof input.username === 'object' ? input.username.imapFallback : undefined;
  const imapFallback = explicitFallback ?? (own && own.imap === imap ? own.imapFallback : undefined);
  return { imap, smtp, imapFallback };
}

/**
 * Checks that a mailbox works in a mail client: the IMAP side (TLS, LOGIN, ID, EXAMINE INBOX)
 * and the SMTP side (TLS, EHLO, AUTH, MAIL FROM, RSET, QUIT) side by side, under one overall
 * budget and a budget per stage. Never throws for anything a server or the network does: every
 * outcome is a report. Every socket and timer of the check is gone when the promise settles.
 * Nothing is retried: NetEase bans the IP that fails too often. (A provider with two IMAP login
 * name forms, iCloud, gets its second name once after a refused login: see imap-check.ts.)
 */
export async function runMailCheck(input: MailCheckInput): Promise<CheckReport> {
  const started = performance.now();
  const timeoutMs = input.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const stageTimeoutMs = Math.min(input.stageTimeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS, timeoutMs);
  const provider = providerOf(input);
  const { imapFallback, ...usernames } = loginNames(input, provider);
  // The address goes into `MAIL FROM:<...>` and the login into LOGIN/AUTH: anything that could
  // end or reshape those commands is a caller bug (the form schema refuses it first).
  if (/[\s<>]/.test(input.address) || /[\r\n]/.test(`${input.code}${usernames.imap}${usernames.smtp}${imapFallback ?? ''}`)) {
    throw new TypeError('runMailCheck: address, login name or code contains characters a mail command cannot carry');
  }

  const controller = new AbortController();
  const budget = setTimeout(() => controller.abort(new BudgetExceeded(timeoutMs)), timeoutMs);
  const cancel = () => controller.abort(new CheckCancelled());
  if (input.signal?.aborted) cancel();
  else input.signal?.addEventListener('abort', cancel, { once: true });

  try {
    const common = {
      address: input.address,
      code: input.code,
      // A provider's own texts only: another provider's words may mean something else there.
      knownErrors: input.knownErrors ?? provider?.knownErrors ?? ALL_KNOWN_ERRORS,
      provider,
      signal: controller.signal,
      stageTimeoutMs,
      deadline: started + timeoutMs,
      redact: createRedactor(input.code, [usernames.imap, usernames.smtp, ...(imapFallback ? [imapFallback] : [])]),
    };
    const [imap, smtp] = await Promise.all([
      checkImapAccess({
        ...common,
        username: usernames.imap,
        ...(imapFallback !== undefined ? { fallbackUsername: imapFallback } : {}),
        endpoint: input.endpoints.imap,
        clientInfo: input.clientInfo ?? DEFAULT_CLIENT_INFO,
        ...(input.pinned ? { pinned: input.pinned.imap } : {}),
      }),
      checkSmtpSubmission({
        ...common,
        username: usernames.smtp,
        endpoint: input.endpoints.smtp,
        ...(input.pinned ? { pinned: input.pinned.smtp } : {}),
      }),
    ]);
    return {
      ok: imap.ok && smtp.ok,
      durationMs: elapsedSince(started),
      imap,
      smtp,
      banSignal: [imap, smtp].some((result) => !result.ok && isBanSignal(result.code)),
    };
  } finally {
    clearTimeout(budget);
    input.signal?.removeEventListener('abort', cancel);
  }
}
