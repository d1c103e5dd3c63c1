import type { Locale } from '@/lib/i18n/locale';

// Sohu Mail's words: its name, what its separate password is called and where it is made, its four
// steps, the IP-whitelist mode, and what is not on record about it. The facts (servers, formats,
// the replies it is known by) are lib/providers/sohu.ts, which names these entries.

const zh = {
  name: '搜狐邮箱',
  domains: {
    'sohu.com': '搜狐邮箱',
  },
  credential: '独立密码',
  settingsPath: '选项 → 设置 → POP3/SMTP/IMAP',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写完整的搜狐邮箱地址。收信服务器 imap.sohu.com，端口 993；发信服务器 smtp.sohu.com，端口 465；两者都用 SSL/TLS 加密，用户名是完整地址。',
      outcome: '我们认出这是搜狐邮箱，并列出要用的服务器。',
    },
    'access-settings': {
      title: '打开搜狐邮箱的设置',
      instruction: '在浏览器里登录搜狐邮箱，点「选项」，进入「设置」，再选「POP3/SMTP/IMAP」。',
      location: '网页邮箱 → 选项 → 设置 → POP3/SMTP/IMAP',
      outcome: '页面列出收发信服务的开关和独立密码的设置。',
    },
    'enable-service-and-get-code': {
      title: '开启服务，拿到独立密码',
      instruction: '开启 IMAP/SMTP 服务，按提示用手机短信完成验证，取得独立密码。如果开启过「IP 白名单」模式，请把它关掉。',
      location: '同一页：POP3/SMTP/IMAP',
      outcome: '页面显示独立密码。它只显示这一次，请马上复制。',
    },
    'configure-in-client': {
      title: '粘贴独立密码并检测',
      instruction: '回到这里，把独立密码粘贴进密码栏（不是网页邮箱的登录密码），然后开始检测。',
      outcome: '收信和发信都检测通过后，邮箱会保存下来。',
    },
  },
  helpLinks: {
    web: '搜狐邮箱网页版',
  },
  notes: [
    '搜狐邮箱有一个可选的「IP 白名单」模式：开启后，只有名单上的网络地址能用邮件客户端登录。我们的检测从自己的服务器发出，不在你的名单上，所以会被拒绝。如果你开启过它，请先关掉再检测。',
  ],
  assumptions: [
    '独立密码的长度和字符组成没有可靠的公开记录，所以我们不检查它的格式，由服务器来判断。',
    '搜狐拒绝登录时的原话没有公开记录，所以检测结果只能按一般情况给出清单。',
  ],
  diagnoses: {
    auth_failed: {
      explanation: '搜狐邮箱拒绝了这次登录。它不说明原因，所以请按下面的清单逐项检查，尤其是 IP 白名单模式。',
      checklist: [
        '填的是独立密码，不是网页邮箱的登录密码。',
        '「选项 → 设置 → POP3/SMTP/IMAP」里的 IMAP/SMTP 服务是否已经开启。',
        '是否开启过「IP 白名单」模式：开着的时候，名单以外的服务器（包括我们的检测服务器）都登录不了，请先关掉。',
        '独立密码复制完整了吗？没有带上空格或别的字符。',
      ],
    },
  },
};

export type SohuMessages = typeof zh;

const en: SohuMessages = {
  name: 'Sohu Mail',
  domains: {
    'sohu.com': 'Sohu Mail',
  },
  credential: 'separate client password (独立密码)',
  settingsPath: 'Options (选项) → Settings (设置) → POP3/SMTP/IMAP',
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: 'Enter your whole Sohu address. Incoming server imap.sohu.com, port 993; outgoing server smtp.sohu.com, port 465; both encrypted with SSL/TLS, and the user name is the whole address.',
      outcome: 'We recognise the address as Sohu Mail and list the servers to use.',
    },
    'access-settings': {
      title: 'Open the Sohu Mail settings',
      instruction: 'Sign in to Sohu Mail in a browser, click 选项 (Options), open 设置 (Settings) and choose POP3/SMTP/IMAP.',
      location: 'Web mail → 选项 (Options) → 设置 (Settings) → POP3/SMTP/IMAP',
      outcome: 'The page shows the switches for the mail services and the separate-password setting.',
    },
    'enable-service-and-get-code': {
      title: 'Switch the service on and get the password',
      instruction: 'Switch on the IMAP/SMTP service and verify by text message as prompted to get the separate password. If the IP-whitelist mode is on, turn it off.',
      location: 'Same page: POP3/SMTP/IMAP',
      outcome: 'The page shows the separate password. It is shown this once only: copy it straight away.',
    },
    'configure-in-client': {
      title: 'Paste the password and check',
      instruction: 'Come back here, paste the separate password into the password field (not your web-mail password) and start the check.',
      outcome: 'Once receiving and sending both pass, the mailbox is saved.',
    },
  },
  helpLinks: {
    web: 'Sohu Mail on the web',
  },
  notes: [
    'Sohu Mail has an optional IP-whitelist mode: when it is on, only the network addresses on your list may sign in with a mail app. Our check comes from our own server, which is not on your list, so it is refused. If you turned this mode on, turn it off before checking.',
  ],
  assumptions: [
    'Nothing reliable is public about the length or characters of the separate password, so we do not check its format and leave the verdict to the server.',
    "Sohu's own words for a refused login are not on record, so the check can only offer the general checklist.",
  ],
  diagnoses: {
    auth_failed: {
      explanation: 'Sohu Mail refused the login without giving a reason, so please go through the list below, the IP-whitelist mode especially.',
      checklist: [
        'Did you enter the separate password, not your web-mail password?',
        'Is the IMAP/SMTP service switched on under 选项 → 设置 → POP3/SMTP/IMAP?',
        'Is the IP-whitelist mode on? While it is, servers not on the list (ours included) cannot sign in: turn it off first.',
        'Was the separate password copied whole, without spaces or other characters?',
      ],
    },
  },
};

export const SOHU_MESSAGES: Record<Locale, SohuMessages> = { zh, en };
