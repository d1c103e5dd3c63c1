import type { MailEndpoints, MailProvider } from './types';
import type { Localized } from '@/lib/i18n/locale';

// Sohu mail. No failure texts of Sohu's are on record, so it has no knownErrors: its refusals
// fall to the generic rules, and its auth_failed diagnosis carries what we do know, the
// IP-whitelist mode among it.

const SOHU_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.sohu.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.sohu.com', port: 465, tls: 'implicit' },
};

const WEBMAIL = 'https://mail.sohu.com';

const WHITELIST_NOTE: Localized = {
  zh: '搜狐邮箱有一个可选的「IP 白名单」模式：开启后，只有名单上的网络地址能用邮件客户端登录。我们的检测从自己的服务器发出，不在你的名单上，所以会被拒绝。如果你开启过它，请先关掉再检测。',
  en: 'Sohu Mail has an optional IP-whitelist mode: when it is on, only the network addresses on your list may sign in with a mail app. Our check comes from our own server, which is not on your list, so it is refused. If you turned this mode on, turn it off before checking.',
};

export const SOHU_MAIL: MailProvider = {
  id: 'sohu',
  name: { zh: '搜狐邮箱', en: 'Sohu Mail' },
  domains: [
    {
      domain: 'sohu.com',
      confirmed: true,
      name: { zh: '搜狐邮箱', en: 'Sohu Mail' },
      webmailUrl: WEBMAIL,
      endpoints: SOHU_ENDPOINTS,
      alternatives: [],
    },
  ],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: { zh: '独立密码', en: 'separate client password (独立密码)' },
    // With no format on record, a space or a full-width letter may be part of it: sent as typed.
    kind: 'password',
    // Nothing reliable is on record about its length or characters: no format, no warnings.
    shownOnce: true,
  },
  settingsPath: { zh: '选项 → 设置 → POP3/SMTP/IMAP', en: 'Options (选项) → Settings (设置) → POP3/SMTP/IMAP' },
  requiresIdAfterLogin: false,
  knownErrors: [],
  guide: [
    {
      id: 'core-parameters-configuration',
      title: { zh: '邮箱地址和服务器', en: 'Your address and servers' },
      instruction: {
        zh: '填写完整的搜狐邮箱地址。收信服务器 imap.sohu.com，端口 993；发信服务器 smtp.sohu.com，端口 465；两者都用 SSL/TLS 加密，用户名是完整地址。',
        en: 'Enter your whole Sohu address. Incoming server imap.sohu.com, port 993; outgoing server smtp.sohu.com, port 465; both encrypted with SSL/TLS, and the user name is the whole address.',
      },
      outcome: {
        zh: '我们认出这是搜狐邮箱，并列出要用的服务器。',
        en: 'We recognise the address as Sohu Mail and list the servers to use.',
      },
    },
    {
      id: 'access-settings',
      title: { zh: '打开搜狐邮箱的设置', en: 'Open the Sohu Mail settings' },
      instruction: {
        zh: '在浏览器里登录搜狐邮箱，点「选项」，进入「设置」，再选「POP3/SMTP/IMAP」。',
        en: 'Sign in to Sohu Mail in a browser, click 选项 (Options), open 设置 (Settings) and choose POP3/SMTP/IMAP.',
      },
      location: { zh: '网页邮箱 → 选项 → 设置 → POP3/SMTP/IMAP', en: 'Web mail → 选项 (Options) → 设置 (Settings) → POP3/SMTP/IMAP' },
      outcome: {
        zh: '页面列出收发信服务的开关和独立密码的设置。',
        en: 'The page shows the switches for the mail services and the separate-password setting.',
      },
      url: WEBMAIL,
    },
    {
      id: 'enable-service-and-get-code',
      title: { zh: '开启服务，拿到独立密码', en: 'Switch the service on and get the password' },
      instruction: {
        zh: '开启 IMAP/SMTP 服务，按提示用手机短信完成验证，取得独立密码。如果开启过「IP 白名单」模式，请把它关掉。',
        en: 'Switch on the IMAP/SMTP service and verify by text message as prompted to get the separate password. If the IP-whitelist mode is on, turn it off.',
      },
      location: { zh: '同一页：POP3/SMTP/IMAP', en: 'Same page: POP3/SMTP/IMAP' },
      outcome: {
        zh: '页面显示独立密码。它只显示这一次，请马上复制。',
        en: 'The page shows the separate password. It is shown this once only: copy it straight away.',
      },
    },
    {
      id: 'configure-in-client',
      title: { zh: '粘贴独立密码并检测', en: 'Paste the password and check' },
      instruction: {
        zh: '回到这里，把独立密码粘贴进密码栏（不是网页邮箱的登录密码），然后开始检测。',
        en: 'Come back here, paste the separate password into the password field (not your web-mail password) and start the check.',
      },
      outcome: {
        zh: '收信和发信都检测通过后，邮箱会保存下来。',
        en: 'Once receiving and sending both pass, the mailbox is saved.',
      },
    },
  ],
  helpLinks: [{ label: { zh: '搜狐邮箱网页版', en: 'Sohu Mail on the web' }, url: WEBMAIL }],
  notes: [WHITELIST_NOTE],
  assumptions: [
    {
      zh: '独立密码的长度和字符组成没有可靠的公开记录，所以我们不检查它的格式，由服务器来判断。',
      en: 'Nothing reliable is public about the length or characters of the separate password, so we do not check its format and leave the verdict to the server.',
    },
    {
      zh: '搜狐拒绝登录时的原话没有公开记录，所以检测结果只能按一般情况给出清单。',
      en: "Sohu's own words for a refused login are not on record, so the check can only offer the general checklist.",
    },
  ],
  diagnoses: {
    auth_failed: {
      explanation: {
        zh: '搜狐邮箱拒绝了这次登录。它不说明原因，所以请按下面的清单逐项检查，尤其是 IP 白名单模式。',
        en: 'Sohu Mail refused the login without giving a reason, so please go through the list below, the IP-whitelist mode especially.',
      },
      checklist: [
        {
          zh: '填的是独立密码，不是网页邮箱的登录密码。',
          en: 'Did you enter the separate password, not your web-mail password?',
        },
        {
          zh: '「选项 → 设置 → POP3/SMTP/IMAP」里的 IMAP/SMTP 服务是否已经开启。',
          en: 'Is the IMAP/SMTP service switched on under 选项 → 设置 → POP3/SMTP/IMAP?',
        },
        {
          zh: '是否开启过「IP 白名单」模式：开着的时候，名单以外的服务器（包括我们的检测服务器）都登录不了，请先关掉。',
          en: 'Is the IP-whitelist mode on? While it is, servers not on the list (ours included) cannot sign in: turn it off first.',
        },
        {
          zh: '独立密码复制完整了吗？没有带上空格或别的字符。',
          en: 'Was the separate password copied whole, without spaces or other characters?',
        },
      ],
    },
  },
};
