import type { AccountsActionResult, AccountView } from '@/lib/accounts/view';
import { issueText } from '@/lib/i18n/issue-text';
import { format } from '@/lib/i18n/locale';
import { ACCOUNTS_RESULT_MESSAGES } from '@/lib/i18n/messages/accounts-results';
import { formatRetryClock } from './time';
import type { AccountsContext } from './types';

// How a card words what an action answered. Fetched beside the action when someone presses a
// button (and when a pointer or the focus reaches one), so the page's first scripts carry
// neither these words nor the issue catalog.

export { ACCOUNTS_RESULT_MESSAGES };

export interface CardMessage {
  tone: 'success' | 'info' | 'error';
  text: string;
  /** "请在 HH:MM 之后再试", for lockout refusals. */
  retry?: string;
  /** The words of a link to sign in again, for a session that ended. */
  signIn?: string;
}

/** The message for an answer every action can get; `null` for success and `check_failed`. */
export function commonMessage(
  result: AccountsActionResult,
  account: Pick<AccountView, 'shownAddress' | 'providerId'>,
  context: Pick<AccountsContext, 'locale' | 'providers'>,
): CardMessage | null {
  const r = ACCOUNTS_RESULT_MESSAGES[context.locale];
  const address = account.shownAddress;
  if (result.ok) return null;
  switch (result.code) {
    case 'signed_out':
      return { tone: 'error', text: r.signedOut, signIn: r.signIn };
    case 'invalid': {
      const issue = result.formError ?? result.fieldErrors.code?.[0];
      return { tone: 'error', text: issue !== undefined ? issueText(issue, context.locale) : r.invalid };
    }
    case 'refused': {
      if (result.reason === 'paused') return { tone: 'info', text: format(r.refusedPaused, { address }) };
      const retry = result.retryAt ? format(r.retryAt, { time: formatRetryClock(result.retryAt, context.locale) }) : undefined;
      const provider = context.providers[account.providerId]?.name ?? account.providerId;
      const words = {
        mailbox_locked: r.mailboxLocked,
        provider_paused: r.providerPaused,
        manual_limited: r.manualLimited,
        account_limited: r.accountLimited,
        provider_busy: r.providerBusy,
        check_running: r.checkRunning,
        too_many_running: r.tooManyRunning,
      }[result.reason];
      return { tone: 'error', text: format(words, { provider }), retry };
    }
    case 'not_found':
      return { tone: 'error', text: r.notFound };
    default:
      return null;
  }
}
