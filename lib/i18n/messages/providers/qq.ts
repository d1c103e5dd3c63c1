import type { Locale } from '@/lib/i18n/locale';

// QQ Mail's words: its name and its domains', what its code is called and where it is made, its
// four steps, and where QQ's replies need wording of their own. The facts (servers, formats, the
// replies it is known by) are lib/providers/qq.ts, which names these entries.

const zh = {
  name: 'QQ 邮箱',
  domains: {
    'qq.com': 'QQ 邮箱',
    'foxmail.com': 'Foxmail 邮箱',
  },
  credential: '授权码',
  settingsPath: '设置 → 账户 → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写完整的 QQ 邮箱地址（@qq.com 或 @foxmail.com）。收信服务器 imap.qq.com，端口 993；发信服务器 smtp.qq.com，端口 465；两者都用 SSL/TLS 加密，用户名是完整地址。',
      outcome: '我们认出这是 QQ 邮箱，并列出要用的服务器。',
    },
    'access-settings': {
      title: '打开 QQ 邮箱的账户设置',
      instruction: '在浏览器里登录 QQ 邮箱，点「设置」，再点「账户」，向下翻到「POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务」这一栏。',
      location: '网页邮箱 → 设置 → 账户 → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务',
      outcome: '这一栏列出各项服务是否已开启，并有「开启服务」和「生成授权码」按钮。',
    },
    'enable-service-and-get-code': {
      title: '开启 IMAP/SMTP，生成授权码',
      instruction: '开启 IMAP/SMTP 服务，再点「生成授权码」。QQ 会让你用密保手机发短信验证，有时改为用绑定的微信扫码。',
      location: '同一栏：开启服务 → 生成授权码',
      outcome: '验证后页面显示一串 16 位字母的授权码，请马上复制下来。',
    },
    'configure-in-client': {
      title: '粘贴授权码并检测',
      instruction: '回到这里，把授权码粘贴进密码栏。不要填 QQ 密码：QQ 邮箱只接受授权码。',
      outcome: '收信和发信都检测通过后，邮箱会保存下来。',
    },
  },
  helpLinks: {
    web: 'QQ 邮箱网页版',
    codeHelp: 'QQ 邮箱关于授权码登录的帮助',
  },
  notes: [
    '邮件客户端只能用授权码登录 QQ 邮箱；QQ 密码只用于网页和 QQ 本身。',
  ],
  assumptions: [
    '我们用完整邮箱地址作为用户名；也有配置只填 QQ 号，我们目前没有用到这种写法。',
    '有公开教程提到修改 QQ 密码会让已有的授权码全部失效，QQ 没有正式说明。',
  ],
  diagnoses: {
    auth_failed: {
      explanation: 'QQ 邮箱拒绝了这次登录，但没有说明原因。请按下面的清单逐项检查。',
      checklist: [
        '填的是授权码，不是 QQ 密码：邮件客户端只能用授权码登录。',
        '授权码是否完整：16 位字母，复制时没有带上空格或别的字符。',
        '「设置 → 账户」里的 IMAP/SMTP 服务是否已经开启。',
        '授权码是否还有效：停用过它，或之后改过 QQ 密码，都需要重新生成一个。',
      ],
    },
  },
};

export type QqMessages = typeof zh;

const en: QqMessages = {
  name: 'QQ Mail',
  domains: {
    'qq.com': 'QQ Mail',
    'foxmail.com': 'Foxmail',
  },
  credential: 'authorization code',
  settingsPath: 'Settings (设置) → Account (账户) → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services',
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: 'Enter your whole QQ Mail address (@qq.com or @foxmail.com). Incoming server imap.qq.com, port 993; outgoing server smtp.qq.com, port 465; both encrypted with SSL/TLS, and the user name is the whole address.',
      outcome: 'We recognise the address as QQ Mail and list the servers to use.',
    },
    'access-settings': {
      title: 'Open the QQ Mail account settings',
      instruction: 'Sign in to QQ Mail in a browser, click 设置 (Settings), then 账户 (Account), and scroll down to the POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services section.',
      location: 'Web mail → 设置 (Settings) → 账户 (Account) → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services',
      outcome: 'The section shows which services are on, with buttons to switch them on (开启服务) and to make a code (生成授权码).',
    },
    'enable-service-and-get-code': {
      title: 'Switch on IMAP/SMTP and make a code',
      instruction: 'Switch on the IMAP/SMTP service, then click 生成授权码 (generate code). QQ asks you to verify by text message from your security phone, or sometimes by scanning a code with the bound WeChat.',
      location: 'Same section: 开启服务 → 生成授权码',
      outcome: 'After the check, a 16-letter code appears on the page: copy it right away.',
    },
    'configure-in-client': {
      title: 'Paste the code and check',
      instruction: 'Come back here and paste the code into the password field. Not your QQ password: QQ Mail accepts only the code here.',
      outcome: 'Once receiving and sending both pass, the mailbox is saved.',
    },
  },
  helpLinks: {
    web: 'QQ Mail on the web',
    codeHelp: "QQ Mail's help on logging in with the code",
  },
  notes: [
    'Mail apps can sign in to QQ Mail with the code only; the QQ password is for the web and QQ itself.',
  ],
  assumptions: [
    'We log in with the whole address; some setups use the bare QQ number instead, which we do not use.',
    'Public guides say changing the QQ password invalidates every existing code; QQ has not said so officially.',
  ],
  diagnoses: {
    auth_failed: {
      explanation: 'QQ Mail refused the login without saying why. Please go through the list below.',
      checklist: [
        'Did you enter the code, not the QQ password? Mail apps can only sign in with the code.',
        'Is the code complete? It is 16 letters, copied without spaces or other characters.',
        'Is the IMAP/SMTP service switched on under 设置 → 账户 (Settings → Account)?',
        'Is the code still valid? If you disabled it, or changed your QQ password since, make a new one.',
      ],
    },
  },
};

export const QQ_MESSAGES: Record<Locale, QqMessages> = { zh, en };
