import 'server-only';
import { PROVIDERS } from '@/lib/providers/registry';
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

/**
 * Checks that a mailbox works in a mail client: the IMAP side (TLS, LOGIN, ID, EXAMINE INBOX)
 * and the SMTP side (TLS, EHLO, AUTH, MAIL FROM, RSET, QUIT) side by side, under one overall
 * budget and a budget per stage. Never throws for anything a server or the network does: every
 * outcome is a report. Every socket and timer of the check is gone when the promise settles.
 * Nothing is retried: NetEase bans the IP that fails too often.
 */
export async function runMailCheck(input: MailCheckInput): Promise<CheckReport> {
  const started = performance.now();
  const timeoutMs = input.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const stageTimeoutMs = Math.min(input.stageTimeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS, timeoutMs);
  const usernames =
    typeof input.username === 'object'
      ? { imap: input.username.imap ?? input.address, smtp: input.username.smtp ?? input.address }
      : { imap: input.username ?? input.address, smtp: input.username ?? input.address };
  // The address goes into `MAIL FROM:<...>` and the login into LOGIN/AUTH: anything that could
  // end or reshape those commands is a caller bug (the form schema refuses it first).
  if (/[\s<>]/.test(input.address) || /[\r\n]/.test(`${input.code}${usernames.imap}${usernames.smtp}`)) {
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
      knownErrors: input.knownErrors ?? ALL_KNOWN_ERRORS,
      signal: controller.signal,
      stageTimeoutMs,
      deadline: started + timeoutMs,
      redact: createRedactor(input.code, [usernames.imap, usernames.smtp]),
    };
    const [imap, smtp] = await Promise.all([
      checkImapAccess({
        ...common,
        username: usernames.imap,
        endpoint: input.endpoints.imap,
        clientInfo: input.clientInfo ?? DEFAULT_CLIENT_INFO,
      }),
      checkSmtpSubmission({ ...common, username: usernames.smtp, endpoint: input.endpoints.smtp }),
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
