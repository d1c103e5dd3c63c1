import type { Locale } from '@/lib/i18n/locale';

// iCloud Mail's words: its name and its domains', the app-specific password and what it needs
// first, its four steps, and where iCloud's one refusal needs wording of its own. The facts
// (servers, formats, the replies it is known by) are lib/providers/icloud.ts, which names these
// entries.

const zh = {
  name: 'iCloud 邮件',
  domains: {
    'icloud.com': 'iCloud 邮件',
    'me.com': 'iCloud 邮件（me.com）',
    'mac.com': 'iCloud 邮件（mac.com）',
  },
  credential: 'App 专用密码',
  prerequisite: 'Apple 账户必须先开启双重认证，才能生成 App 专用密码。',
  settingsPath: 'appleid.apple.com → 登录与安全 → App 专用密码',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写 iCloud 邮箱的主地址（@icloud.com、@me.com 或 @mac.com），不要填别名。收信服务器 imap.mail.me.com，端口 993，SSL/TLS；发信服务器 smtp.mail.me.com，端口 587，用 STARTTLS。',
      outcome: '我们认出这是 iCloud 邮件，并列出要用的服务器。',
    },
    'access-settings': {
      title: '打开 Apple 账户的安全设置',
      instruction: '在浏览器里打开 appleid.apple.com，用 Apple 账户登录，进入「登录与安全」。这个账户需要已经开启双重认证。',
      location: 'appleid.apple.com → 登录与安全',
      outcome: '页面上能看到「App 专用密码」一项。',
    },
    'enable-service-and-get-code': {
      title: '生成 App 专用密码',
      instruction: '点「App 专用密码」，按提示新建一个。',
      location: 'appleid.apple.com → 登录与安全 → App 专用密码',
      outcome: 'Apple 显示一个 xxxx-xxxx-xxxx-xxxx 样式的密码（四组小写字母），请马上复制。',
    },
    'configure-in-client': {
      title: '粘贴 App 专用密码并检测',
      instruction: '回到这里，把 App 专用密码连同中间的短横线一起粘贴进密码栏。不要填 Apple 账户密码。',
      outcome: '收信和发信都检测通过后，邮箱会保存下来。',
    },
  },
  helpLinks: {
    account: 'Apple 账户（生成 App 专用密码）',
    web: 'iCloud 邮件网页版',
  },
  notes: [
    '请使用 iCloud 邮件的主地址登录；别名地址不能用来登录。',
    'iCloud 邮件不提供 POP3，只能用 IMAP 收信。',
  ],
  assumptions: [
    '收信服务器的用户名写法，公开资料有两种说法（只写 @ 前面的部分，或写完整地址）。检测先试前者，被拒后再试一次完整地址。',
  ],
  diagnoses: {
    auth_failed: {
      title: 'iCloud 没有接受这个地址和 App 专用密码',
      explanation: 'iCloud 对好几种不同的原因给出同一个回答。用户名的写法检测已经替你试过，所以请按下面的清单检查其余的原因。',
      checklist: [
        '填的是 App 专用密码（xxxx-xxxx-xxxx-xxxx），不是 Apple 账户密码。',
        '邮箱地址是 iCloud 邮件的主地址，不是别名。',
        'App 专用密码是否还在：在「App 专用密码」列表里撤销过它，就需要新建一个。',
        'Apple 账户是否开启了双重认证。',
      ],
    },
  },
};

export type IcloudMessages = typeof zh;

const en: IcloudMessages = {
  name: 'iCloud Mail',
  domains: {
    'icloud.com': 'iCloud Mail',
    'me.com': 'iCloud Mail (me.com)',
    'mac.com': 'iCloud Mail (mac.com)',
  },
  credential: 'app-specific password',
  prerequisite: 'The Apple Account needs two-factor authentication before it can make app-specific passwords.',
  settingsPath: 'appleid.apple.com → Sign-In and Security → App-Specific Passwords',
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: 'Enter the primary address of your iCloud Mail (@icloud.com, @me.com or @mac.com), not an alias. Incoming server imap.mail.me.com, port 993, SSL/TLS; outgoing server smtp.mail.me.com, port 587, with STARTTLS.',
      outcome: 'We recognise the address as iCloud Mail and list the servers to use.',
    },
    'access-settings': {
      title: 'Open your Apple Account security settings',
      instruction: 'Open appleid.apple.com in a browser, sign in with your Apple Account and go to Sign-In and Security. The account needs two-factor authentication turned on.',
      location: 'appleid.apple.com → Sign-In and Security',
      outcome: 'The page lists App-Specific Passwords.',
    },
    'enable-service-and-get-code': {
      title: 'Make an app-specific password',
      instruction: 'Click App-Specific Passwords and create a new one as prompted.',
      location: 'appleid.apple.com → Sign-In and Security → App-Specific Passwords',
      outcome: 'Apple shows a password shaped like xxxx-xxxx-xxxx-xxxx (four groups of lower-case letters): copy it straight away.',
    },
    'configure-in-client': {
      title: 'Paste the password and check',
      instruction: 'Come back here and paste the app-specific password, hyphens and all, into the password field. Not your Apple Account password.',
      outcome: 'Once receiving and sending both pass, the mailbox is saved.',
    },
  },
  helpLinks: {
    account: 'Apple Account (make an app-specific password)',
    web: 'iCloud Mail on the web',
  },
  notes: [
    'Sign in with the primary iCloud Mail address; an alias cannot be used to sign in.',
    'iCloud Mail has no POP3: mail is received over IMAP only.',
  ],
  assumptions: [
    'Public sources disagree on the incoming-server user name (the part before @, or the whole address). The check tries the first and, if it is refused, the whole address once.',
  ],
  diagnoses: {
    auth_failed: {
      title: 'iCloud did not accept the address and app-specific password',
      explanation: 'iCloud gives the same answer for several different causes. The check has already tried the user-name forms iCloud takes, so please go through the remaining causes below.',
      checklist: [
        'Did you enter an app-specific password (xxxx-xxxx-xxxx-xxxx), not your Apple Account password?',
        'Is the address your primary iCloud Mail address rather than an alias?',
        'Does the password still exist? If it was revoked in the App-Specific Passwords list, make a new one.',
        'Is two-factor authentication on for the Apple Account?',
      ],
    },
  },
};

export const ICLOUD_MESSAGES: Record<Locale, IcloudMessages> = { zh, en };
