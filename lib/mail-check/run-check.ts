import 'server-only';
import { loginNamesFor } from '@/lib/providers/detect';
import { findProviderByDomain, getProvider, PROVIDERS } from '@/lib/providers/registry';
import type { MailProvider } from '@/lib/providers/types';
import { createRedactor, isBanSignal } from './diagnosis';
import { checkImapAccess } from './imap-check';
import { checkSmtpSubmission } from './smtp-check';
import type { CheckReport, FailureCode, ImapClientInfo, MailCheckInput } from './types';
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

// The IMAP refusals after which a provider marked `smtpLoginAfterImapRefusal` still sends SMTP's
// AUTH: the ones a wrong code and a switched-off IMAP service share. Never after a ban, an IP
// restriction or a busy server, where a second login could only make things worse.
const AMBIGUOUS_REFUSALS: ReadonlySet<FailureCode> = new Set<FailureCode>(['auth_failed', 'auth_failed_or_limited']);

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
 * Nothing is retried: NetEase bans the IP that fails too often. For the same reason SMTP's AUTH
 * waits for IMAP's LOGIN to be accepted (the set-up before it still runs side by side): a wrong
 * code is refused once, by IMAP, and SMTP ends `not_attempted`. The one exception is a
 * provider marked `smtpLoginAfterImapRefusal` (QQ), whose IMAP refusal cannot tell a wrong code
 * from IMAP switched off and whose SMTP answer can; NetEase has the same ambiguity but bans our
 * IP for refused logins, so it is not marked and its checklist names the switch instead. (A
 * provider with two IMAP login name forms, iCloud, gets its second name once after a refused
 * login: see imap-check.ts.)
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
    // SMTP sends AUTH only once IMAP's LOGIN was accepted; if IMAP ends without that (refused,
    // or it never got that far), the gate closes and SMTP stops before AUTH. The first settle
    // wins: an accepted LOGIN opens it at once, whatever IMAP meets afterwards.
    let settleLogin: (accepted: boolean) => void = () => {};
    const loginGate = new Promise<boolean>((resolve) => {
      settleLogin = resolve;
    });
    const smtpAfterRefusal = provider?.smtpLoginAfterImapRefusal === true;
    const [imap, smtp] = await Promise.all([
      checkImapAccess({
        ...common,
        username: usernames.imap,
        ...(imapFallback !== undefined ? { fallbackUsername: imapFallback } : {}),
        endpoint: input.endpoints.imap,
        clientInfo: input.clientInfo ?? DEFAULT_CLIENT_INFO,
        ...(input.pinned ? { pinned: input.pinned.imap } : {}),
        onLoginAccepted: () => settleLogin(true),
      })
        .then((result) => {
          settleLogin(smtpAfterRefusal && !result.ok && result.stage === 'login' && AMBIGUOUS_REFUSALS.has(result.code));
          return result;
        })
        .finally(() => settleLogin(false)),
      checkSmtpSubmission({
        ...common,
        username: usernames.smtp,
        endpoint: input.endpoints.smtp,
        ...(input.pinned ? { pinned: input.pinned.smtp } : {}),
        loginGate,
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
