import type { Locale } from '@/lib/i18n/locale';

// The practice mailbox's words as provider data: its name, its code and its four steps, in which
// its "web mail" is the practice page. `{domain}` is the practice domain. The words of the
// /practice page itself are lib/i18n/messages/practice.ts. The facts (servers, formats, the replies
// it is known by) are lib/practice/provider.ts, which names these entries.

const zh = {
  name: '练习邮箱',
  domain: '练习邮箱（本机模拟）',
  credential: '练习授权码',
  settingsPath: '练习邮箱页面',
  guide: {
    'core-parameters-configuration': {
      title: '练习地址和服务器',
      instruction: '填一个以 @{domain} 结尾的地址，前面写什么都行。收信和发信服务器都在这台服务器本机（127.0.0.1）上，走 SSL/TLS 加密；用户名就是完整地址。',
      outcome: '我们认出这是练习邮箱，并列出它的服务器。',
    },
    'access-settings': {
      title: '打开练习邮箱页面',
      instruction: '练习邮箱没有网页邮箱，也不用开启任何服务：它的“设置”就是练习邮箱页面。',
      location: '本应用 → 练习邮箱',
      outcome: '页面上写着练习地址和练习授权码。',
    },
    'enable-service-and-get-code': {
      title: '复制练习授权码',
      instruction: '在练习邮箱页面点「复制」，拿到 16 位字母的练习授权码。不需要短信验证。',
      location: '练习邮箱页面 → 练习授权码',
      outcome: '练习授权码已复制。和网易的授权码不同，它会一直留在那个页面上。',
    },
    'configure-in-client': {
      title: '粘贴练习授权码并检测',
      instruction: '把练习授权码粘贴进密码栏，然后开始检测；检测和连接真实的网易邮箱时完全一样。',
      outcome: '收信和发信都检测通过后，练习邮箱会保存下来，状态显示为「正常」。',
    },
  },
  helpLinks: {
    page: '练习邮箱页面',
  },
  notes: [
    '练习邮箱只在这个应用里存在：它不收发任何真实邮件，换一台电脑或重启应用后，服务器端口会变。',
  ],
};

export type PracticeProviderMessages = typeof zh;

const en: PracticeProviderMessages = {
  name: 'Practice mailbox',
  domain: 'Practice mailbox (simulated on this machine)',
  credential: 'practice code',
  settingsPath: 'the practice mailbox page',
  guide: {
    'core-parameters-configuration': {
      title: 'A practice address and its servers',
      instruction: 'Enter any address ending in @{domain}. The incoming and outgoing servers run on this server itself (127.0.0.1), encrypted with SSL/TLS; the user name is the whole address.',
      outcome: 'We recognise the practice mailbox and list its servers.',
    },
    'access-settings': {
      title: 'Open the practice mailbox page',
      instruction: 'The practice mailbox has no web mail and nothing to switch on: the practice mailbox page is all its settings.',
      location: 'This app → Practice mailbox',
      outcome: 'The page shows a practice address and the practice code.',
    },
    'enable-service-and-get-code': {
      title: 'Copy the practice code',
      instruction: 'Press “Copy” on the practice mailbox page to take the 16-letter practice code. No text message is needed.',
      location: 'Practice mailbox page → Practice code',
      outcome: 'The practice code is copied. Unlike a NetEase code, it stays on that page.',
    },
    'configure-in-client': {
      title: 'Paste the practice code and check',
      instruction: 'Paste the practice code into the password field and start the check; it runs exactly as it would for a real NetEase mailbox.',
      outcome: 'Once receiving and sending both pass, the practice mailbox is saved with the status 正常 (OK).',
    },
  },
  helpLinks: {
    page: 'Practice mailbox page',
  },
  notes: [
    'The practice mailbox exists only inside this app: it sends and receives no real mail, and its server ports change when the app restarts.',
  ],
};

export const PRACTICE_PROVIDER_MESSAGES: Record<Locale, PracticeProviderMessages> = { zh, en };
