import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import type { MailProvider, ProviderGuideStep, ServerEndpoint } from '@/lib/providers/types';

// The practice mailbox as provider data: NetEase's rules (16-letter code, the full address as
// user name, ID after LOGIN, NetEase's failure texts), at an address under `.test`, a name
// reserved so that it can never be a real mail domain, served by the app's own loopback servers.

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
const GUIDE: readonly ProviderGuideStep[] = [
  {
    id: 'core-parameters-configuration',
    title: { zh: '练习地址和服务器', en: 'A practice address and its servers' },
    instruction: {
      zh: `填一个以 @${PRACTICE_DOMAIN} 结尾的地址，前面写什么都行。收信和发信服务器都在这台服务器本机（127.0.0.1）上，走 SSL/TLS 加密；用户名就是完整地址。`,
      en: `Enter any address ending in @${PRACTICE_DOMAIN}. The incoming and outgoing servers run on this server itself (127.0.0.1), encrypted with SSL/TLS; the user name is the whole address.`,
    },
    outcome: { zh: '我们认出这是练习邮箱，并列出它的服务器。', en: 'We recognise the practice mailbox and list its servers.' },
  },
  {
    id: 'access-settings',
    title: { zh: '打开练习邮箱页面', en: 'Open the practice mailbox page' },
    instruction: {
      zh: '练习邮箱没有网页邮箱，也不用开启任何服务：它的“设置”就是练习邮箱页面。',
      en: 'The practice mailbox has no web mail and nothing to switch on: the practice mailbox page is all its settings.',
    },
    location: { zh: '本应用 → 练习邮箱', en: 'This app → Practice mailbox' },
    outcome: { zh: '页面上写着练习地址和练习授权码。', en: 'The page shows a practice address and the practice code.' },
    url: PRACTICE_PAGE_PATH,
  },
  {
    id: 'enable-service-and-get-code',
    title: { zh: '复制练习授权码', en: 'Copy the practice code' },
    instruction: {
      zh: '在练习邮箱页面点「复制」，拿到 16 位字母的练习授权码。不需要短信验证。',
      en: 'Press “Copy” on the practice mailbox page to take the 16-letter practice code. No text message is needed.',
    },
    location: { zh: '练习邮箱页面 → 练习授权码', en: 'Practice mailbox page → Practice code' },
    outcome: {
      zh: '练习授权码已复制。和网易的授权码不同，它会一直留在那个页面上。',
      en: 'The practice code is copied. Unlike a NetEase code, it stays on that page.',
    },
    url: PRACTICE_PAGE_PATH,
  },
  {
    id: 'configure-in-client',
    title: { zh: '粘贴练习授权码并检测', en: 'Paste the practice code and check' },
    instruction: {
      zh: '把练习授权码粘贴进密码栏，然后开始检测；检测和连接真实的网易邮箱时完全一样。',
      en: 'Paste the practice code into the password field and start the check; it runs exactly as it would for a real NetEase mailbox.',
    },
    outcome: {
      zh: '收信和发信都检测通过后，练习邮箱会保存下来，状态显示为「正常」。',
      en: 'Once receiving and sending both pass, the practice mailbox is saved with the status 正常 (OK).',
    },
  },
];

export function practiceProvider(endpoints: { imap: ServerEndpoint; smtp: ServerEndpoint }): MailProvider {
  return {
    id: PRACTICE_PROVIDER_ID,
    name: { zh: '练习邮箱', en: 'Practice mailbox' },
    domains: [
      {
        domain: PRACTICE_DOMAIN,
        confirmed: true,
        name: { zh: '练习邮箱（本机模拟）', en: 'Practice mailbox (simulated on this machine)' },
        webmailUrl: PRACTICE_PAGE_PATH,
        endpoints,
        alternatives: [],
      },
    ],
    usernameForm: { imap: 'address', smtp: 'address' },
    credential: {
      name: { zh: '练习授权码', en: 'practice code' },
      kind: 'code',
      format: { length: 16 },
      // Unlike NetEase's, the practice code stays on the practice page.
      shownOnce: false,
    },
    settingsPath: { zh: '练习邮箱页面', en: 'the practice mailbox page' },
    requiresIdAfterLogin: true,
    knownErrors: NETEASE_PERSONAL.knownErrors,
    ...(NETEASE_PERSONAL.diagnoses ? { diagnoses: NETEASE_PERSONAL.diagnoses } : {}),
    guide: GUIDE,
    helpLinks: [{ label: { zh: '练习邮箱页面', en: 'Practice mailbox page' }, url: PRACTICE_PAGE_PATH }],
    notes: [
      {
        zh: '练习邮箱只在这个应用里存在：它不收发任何真实邮件，换一台电脑或重启应用后，服务器端口会变。',
        en: 'The practice mailbox exists only inside this app: it sends and receives no real mail, and its server ports change when the app restarts.',
      },
    ],
  };
}
