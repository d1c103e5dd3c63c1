import type { DomainInfo, MailEndpoints, MailProvider, ProviderDomain } from './types';

// Apple iCloud Mail. Three domains, one set of servers. Sending goes through 587 with
// STARTTLS: a client that opens TLS straight away on 587 fails there.

const ICLOUD_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.mail.me.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.mail.me.com', port: 587, tls: 'starttls' },
};

const WEBMAIL = 'https://www.icloud.com/mail';
const ACCOUNT_SITE = 'https://appleid.apple.com';

const DOMAINS: readonly DomainInfo[] = [
  { domain: 'icloud.com', confirmed: true, name: { zh: 'iCloud 邮件', en: 'iCloud Mail' }, webmailUrl: WEBMAIL },
  { domain: 'me.com', confirmed: true, name: { zh: 'iCloud 邮件（me.com）', en: 'iCloud Mail (me.com)' }, webmailUrl: WEBMAIL },
  { domain: 'mac.com', confirmed: true, name: { zh: 'iCloud 邮件（mac.com）', en: 'iCloud Mail (mac.com)' }, webmailUrl: WEBMAIL },
];

const withEndpoints = (info: DomainInfo): ProviderDomain => ({ ...info, endpoints: ICLOUD_ENDPOINTS, alternatives: [] });

export const ICLOUD_MAIL: MailProvider = {
  id: 'icloud',
  name: { zh: 'iCloud 邮件', en: 'iCloud Mail' },
  domains: DOMAINS.map(withEndpoints),
  // Thunderbird's ISPDB gives the local part for IMAP, users report the full address working:
  // the check tries the local part and, only if iCloud refuses that login, the address once.
  usernameForm: { imap: 'local_part', imapFallback: 'address', smtp: 'address' },
  credential: {
    name: { zh: 'App 专用密码', en: 'app-specific password' },
    // A password by name, but Apple makes it (xxxx-xxxx-xxxx-xxxx): a code in everything that counts here.
    kind: 'code',
    // Shown as xxxx-xxxx-xxxx-xxxx in lower-case letters; the hyphens are not counted.
    format: { length: 16, separator: '-' },
    // Copying at once is the safe advice; the record does not say whether Apple shows it again.
    shownOnce: true,
    prerequisite: {
      zh: 'Apple 账户必须先开启双重认证，才能生成 App 专用密码。',
      en: 'The Apple Account needs two-factor authentication before it can make app-specific passwords.',
    },
  },
  settingsPath: {
    zh: 'appleid.apple.com → 登录与安全 → App 专用密码',
    en: 'appleid.apple.com → Sign-In and Security → App-Specific Passwords',
  },
  requiresIdAfterLogin: false,
  knownErrors: [
    {
      protocol: 'imap',
      // One answer for an Apple Account password instead of an app-specific one, a login name
      // iCloud does not take, and an alias instead of the primary address.
      match: 'AUTHENTICATIONFAILED',
      failure: 'auth_failed',
      sample: 'NO [AUTHENTICATIONFAILED] Authentication failed',
    },
  ],
  guide: [
    {
      id: 'core-parameters-configuration',
      title: { zh: '邮箱地址和服务器', en: 'Your address and servers' },
      instruction: {
        zh: '填写 iCloud 邮箱的主地址（@icloud.com、@me.com 或 @mac.com），不要填别名。收信服务器 imap.mail.me.com，端口 993，SSL/TLS；发信服务器 smtp.mail.me.com，端口 587，用 STARTTLS。',
        en: 'Enter the primary address of your iCloud Mail (@icloud.com, @me.com or @mac.com), not an alias. Incoming server imap.mail.me.com, port 993, SSL/TLS; outgoing server smtp.mail.me.com, port 587, with STARTTLS.',
      },
      outcome: {
        zh: '我们认出这是 iCloud 邮件，并列出要用的服务器。',
        en: 'We recognise the address as iCloud Mail and list the servers to use.',
      },
    },
    {
      id: 'access-settings',
      title: { zh: '打开 Apple 账户的安全设置', en: 'Open your Apple Account security settings' },
      instruction: {
        zh: '在浏览器里打开 appleid.apple.com，用 Apple 账户登录，进入「登录与安全」。这个账户需要已经开启双重认证。',
        en: 'Open appleid.apple.com in a browser, sign in with your Apple Account and go to Sign-In and Security. The account needs two-factor authentication turned on.',
      },
      location: { zh: 'appleid.apple.com → 登录与安全', en: 'appleid.apple.com → Sign-In and Security' },
      outcome: {
        zh: '页面上能看到「App 专用密码」一项。',
        en: 'The page lists App-Specific Passwords.',
      },
      url: ACCOUNT_SITE,
    },
    {
      id: 'enable-service-and-get-code',
      title: { zh: '生成 App 专用密码', en: 'Make an app-specific password' },
      instruction: {
        zh: '点「App 专用密码」，按提示新建一个。',
        en: 'Click App-Specific Passwords and create a new one as prompted.',
      },
      location: {
        zh: 'appleid.apple.com → 登录与安全 → App 专用密码',
        en: 'appleid.apple.com → Sign-In and Security → App-Specific Passwords',
      },
      outcome: {
        zh: 'Apple 显示一个 xxxx-xxxx-xxxx-xxxx 样式的密码（四组小写字母），请马上复制。',
        en: 'Apple shows a password shaped like xxxx-xxxx-xxxx-xxxx (four groups of lower-case letters): copy it straight away.',
      },
    },
    {
      id: 'configure-in-client',
      title: { zh: '粘贴 App 专用密码并检测', en: 'Paste the password and check' },
      instruction: {
        zh: '回到这里，把 App 专用密码连同中间的短横线一起粘贴进密码栏。不要填 Apple 账户密码。',
        en: 'Come back here and paste the app-specific password, hyphens and all, into the password field. Not your Apple Account password.',
      },
      outcome: {
        zh: '收信和发信都检测通过后，邮箱会保存下来。',
        en: 'Once receiving and sending both pass, the mailbox is saved.',
      },
    },
  ],
  helpLinks: [
    { label: { zh: 'Apple 账户（生成 App 专用密码）', en: 'Apple Account (make an app-specific password)' }, url: ACCOUNT_SITE },
    { label: { zh: 'iCloud 邮件网页版', en: 'iCloud Mail on the web' }, url: WEBMAIL },
  ],
  notes: [
    {
      zh: '请使用 iCloud 邮件的主地址登录；别名地址不能用来登录。',
      en: 'Sign in with the primary iCloud Mail address; an alias cannot be used to sign in.',
    },
    {
      zh: 'iCloud 邮件不提供 POP3，只能用 IMAP 收信。',
      en: 'iCloud Mail has no POP3: mail is received over IMAP only.',
    },
  ],
  assumptions: [
    {
      zh: '收信服务器的用户名写法，公开资料有两种说法（只写 @ 前面的部分，或写完整地址）。检测先试前者，被拒后再试一次完整地址。',
      en: 'Public sources disagree on the incoming-server user name (the part before @, or the whole address). The check tries the first and, if it is refused, the whole address once.',
    },
  ],
  diagnoses: {
    auth_failed: {
      title: { zh: 'iCloud 没有接受这个地址和 App 专用密码', en: 'iCloud did not accept the address and app-specific password' },
      explanation: {
        zh: 'iCloud 对好几种不同的原因给出同一个回答。用户名的写法检测已经替你试过，所以请按下面的清单检查其余的原因。',
        en: 'iCloud gives the same answer for several different causes. The check has already tried the user-name forms iCloud takes, so please go through the remaining causes below.',
      },
      checklist: [
        {
          zh: '填的是 App 专用密码（xxxx-xxxx-xxxx-xxxx），不是 Apple 账户密码。',
          en: 'Did you enter an app-specific password (xxxx-xxxx-xxxx-xxxx), not your Apple Account password?',
        },
        {
          zh: '邮箱地址是 iCloud 邮件的主地址，不是别名。',
          en: 'Is the address your primary iCloud Mail address rather than an alias?',
        },
        {
          zh: 'App 专用密码是否还在：在「App 专用密码」列表里撤销过它，就需要新建一个。',
          en: 'Does the password still exist? If it was revoked in the App-Specific Passwords list, make a new one.',
        },
        {
          zh: 'Apple 账户是否开启了双重认证。',
          en: 'Is two-factor authentication on for the Apple Account?',
        },
      ],
    },
  },
};
