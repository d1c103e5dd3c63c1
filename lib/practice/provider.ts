import { wordsFrom } from '@/lib/i18n/localized';
import { PRACTICE_PROVIDER_MESSAGES } from '@/lib/i18n/messages/providers/practice';
import { guideFrom } from '@/lib/providers/catalog';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import type { MailProvider, ServerEndpoint } from '@/lib/providers/types';

// The practice mailbox as provider data: NetEase's rules (16-letter code, the full address as
// user name, ID after LOGIN, NetEase's failure texts), at an address under `.test`, a name
// reserved so that it can never be a real mail domain, served by the app's own loopback servers.

// The words are lib/i18n/messages/providers/practice.ts's; this file keeps the facts.
const { text, list } = wordsFrom(PRACTICE_PROVIDER_MESSAGES);

export const PRACTICE_PROVIDER_ID = 'practice';
export const PRACTICE_DOMAIN = 'lianxi.test';

/** The code every practice mailbox accepts unless PRACTICE_CODE sets another: 练习授权码 in pinyin. */
export const DEFAULT_PRACTICE_CODE = 'LianxiShouquanma';

/** How a practice address behaves with the right code; any other code fails like a wrong one. */
export type PracticeMailboxKind = 'works' | 'smtp_off' | 'unsafe_login';

/** Addresses with a scripted failure, for rehearsing the diagnoses; every other one works. */
export const PRACTICE_FAILURE_MAILBOXES: ReadonlyArray<{ localPart: string; kind: Exclude<PracticeMailboxKind, 'works'> }> = [
  // SMTP switched off in webmail: NetEase lets AUTH through and refuses at MAIL FROM.
  { localPart: 'smtp-off', kind: 'smtp_off' },
  // The mailbox will not open even after ID: NetEase's "Unsafe Login".
  { localPart: 'unsafe', kind: 'unsafe_login' },
];

/** The kind of a practice address (trimmed, lower-cased), or null for any other domain. */
export function practiceMailboxKind(address: string): PracticeMailboxKind | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.slice(at + 1) !== PRACTICE_DOMAIN) return null;
  const localPart = address.slice(0, at);
  return PRACTICE_FAILURE_MAILBOXES.find((m) => m.localPart === localPart)?.kind ?? 'works';
}

/** Where a practice mailbox's "webmail" is: the page that hands out the code. */
export const PRACTICE_PAGE_PATH = '/practice';

// The four guide steps in the practice mailbox's terms: its "web mail" is the practice page.
const GUIDE = guideFrom(PRACTICE_PROVIDER_MESSAGES, {
  'core-parameters-configuration': { values: { domain: PRACTICE_DOMAIN } },
  'access-settings': { url: PRACTICE_PAGE_PATH },
  'enable-service-and-get-code': { url: PRACTICE_PAGE_PATH },
});

export function practiceProvider(endpoints: { imap: ServerEndpoint; smtp: ServerEndpoint }): MailProvider {
  return {
    id: PRACTICE_PROVIDER_ID,
    name: text((m) => m.name),
    domains: [
      {
        domain: PRACTICE_DOMAIN,
        confirmed: true,
        name: text((m) => m.domain),
        webmailUrl: PRACTICE_PAGE_PATH,
        endpoints,
        alternatives: [],
      },
    ],
    usernameForm: { imap: 'address', smtp: 'address' },
    credential: {
      name: text((m) => m.credential),
      kind: 'code',
      format: { length: 16 },
      // Unlike NetEase's, the practice code stays on the practice page.
      shownOnce: false,
    },
    settingsPath: text((m) => m.settingsPath),
    requiresIdAfterLogin: true,
    knownErrors: NETEASE_PERSONAL.knownErrors,
    ...(NETEASE_PERSONAL.diagnoses ? { diagnoses: NETEASE_PERSONAL.diagnoses } : {}),
    guide: GUIDE,
    helpLinks: [{ label: text((m) => m.helpLinks.page), url: PRACTICE_PAGE_PATH }],
    notes: list((m) => m.notes),
  };
}
