import type { CredentialWording } from '@/lib/accounts/credential-wording';
import type { CheckNowActionResult, DeleteActionResult, PauseActionResult, ReplaceCodeActionResult } from '@/lib/accounts/view';
import type { Locale } from '@/lib/i18n/locale';
import type { AccountsCardMessages } from '@/lib/i18n/messages/accounts';
import type { FailureCode, GuideStep } from '@/lib/mail-check/types';

// What the page (a server component) hands to the client components of /accounts: the server
// actions, and the words the cards draw before anything is pressed, already translated. The
// words of what comes later (an action's answer, the new-code form, the delete dialog, the
// history's entries) come with the part that shows them (lib/i18n/messages/accounts-*.ts).

export interface AccountActions {
  checkNow: (accountId: string) => Promise<CheckNowActionResult>;
  pause: (accountId: string) => Promise<PauseActionResult>;
  resume: (accountId: string) => Promise<PauseActionResult>;
  replaceCode: (input: { accountId: string; code: string }) => Promise<ReplaceCodeActionResult>;
  remove: (accountId: string) => Promise<DeleteActionResult>;
}

/** What a provider's mailboxes are worded with, in the reader's language. */
export interface ProviderWording {
  name: string;
  /** What the new-code form calls its credential and how it describes it. */
  credential: CredentialWording;
  /** Number and title of each wizard step a diagnosis can send the reader back to, in its guide's words. */
  guideSteps: Record<GuideStep, { n: number; title: string }>;
  /**
   * Failure code → the diagnosis title, only where this provider words it otherwise than the
   * general diagnosis (which the history's entries bring with them).
   */
  failureTitles: Partial<Record<FailureCode, string>>;
}

export interface AccountsContext {
  locale: Locale;
  text: AccountsCardMessages;
  /** Provider id → its words, for the providers of the listed mailboxes. */
  providers: Record<string, ProviderWording>;
  signInHref: string;
}
