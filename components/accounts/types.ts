import type { CredentialWording } from '@/lib/accounts/credential-wording';
import type { CheckNowActionResult, DeleteActionResult, PauseActionResult, ReplaceCodeActionResult } from '@/lib/accounts/view';
import type { Locale } from '@/lib/i18n/locale';
import type { AccountsMessages } from '@/lib/i18n/messages/accounts';
import type { FailureCode, GuideStep } from '@/lib/mail-check/types';

// What the page (a server component) hands to the client components of /accounts: the server
// actions, and everything already translated that the cards need.

export interface AccountActions {
  checkNow: (accountId: string) => Promise<CheckNowActionResult>;
  pause: (accountId: string) => Promise<PauseActionResult>;
  resume: (accountId: string) => Promise<PauseActionResult>;
  replaceCode: (input: { accountId: string; code: string }) => Promise<ReplaceCodeActionResult>;
  remove: (accountId: string) => Promise<DeleteActionResult>;
}

export interface ProviderWording {
  guideSteps: Record<GuideStep, { n: number; title: string }>;
  failureTitles: Record<FailureCode, string>;
}

export interface AccountsContext {
  locale: Locale;
  text: AccountsMessages;
  /** Provider id → its name in the reader's language. */
  providerNames: Record<string, string>;
  /** Number and title of each wizard step a diagnosis can send the reader to. */
  guideSteps: Record<GuideStep, { n: number; title: string }>;
  /** Failure code → the diagnosis title, for the history list. */
  failureTitles: Record<FailureCode, string>;
  /**
   * Provider id → its own step titles and failure titles where its guide and diagnoses word
   * them differently (iCloud's steps are not NetEase's); the two fields above otherwise.
   */
  byProvider: Record<string, ProviderWording>;
  /** Provider id → what the replace-code form calls its credential; `defaultCredential` (NetEase's) otherwise. */
  credentials: Record<string, CredentialWording>;
  defaultCredential: CredentialWording;
  signInHref: string;
}
