import type { MailEndpoints, MailProvider } from './types';

// QQ mail. qq.com and foxmail.com addresses live on the same servers and share one flow.

const QQ_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.qq.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.qq.com', port: 465, tls: 'implicit' },
};

const WEBMAIL = 'https://mail.qq.com';

// The text QQ answers to five different causes; matched on both protocols, since the record
// does not say which one sends it and the words cannot be mistaken for anything else.
const FIVE_CAUSES =
  'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.';

export const QQ_MAIL: MailProvider = {
  id: 'qq',
  name: { zh: 'QQ 邮箱', en: 'QQ Mail' },
  domains: [
    {
      domain: 'qq.com',
      confirmed: true,
      name: { zh: 'QQ 邮箱', en: 'QQ Mail' },
      webmailUrl: WEBMAIL,
      endpoints: QQ_ENDPOINTS,
      alternatives: [],
    },
    {
      domain: 'foxmail.com',
      confirmed: true,
      name: { zh: 'Foxmail 邮箱', en: 'Foxmail' },
      webmailUrl: WEBMAIL,
      endpoints: QQ_ENDPOINTS,
      alternatives: [],
    },
  ],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: { zh: '授权码', en: 'authorization code' },
    kind: 'code',
    // Public samples are all lower-case letters; case is not enforced, as for NetEase.
    format: { length: 16 },
    // Not on record either way; telling the user to copy it at once costs nothing if QQ
    // shows it again.
    shownOnce: true,
  },
  settingsPath: {
    zh: '设置 → 账户 → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务',
    en: 'Settings (设置) → Account (账户) → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services',
  },
  requiresIdAfterLogin: false,
  // The IMAP refusal is the five-cause text ("service is not open, password is incorrect...").
  // SMTP's answer can tell more: QQ names the QQ password outright there ("Please enter your
  // authorization code"), and an accepted SMTP login shows the code itself is right. QQ is not
  // on record banning IPs for refused logins, as NetEase does.
  smtpLoginAfterImapRefusal: true,
  knownErrors: [
    {
      protocol: 'smtp',
      replyCode: 535,
      // QQ says outright that the QQ password was typed instead of the code.
      match: 'Please enter your authorization code',
      failure: 'password_instead_of_code',
      sample:
        '535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    },
    {
      protocol: 'imap',
      match: 'Account is abnormal, service is not open',
      failure: 'auth_failed_or_limited',
      sample: FIVE_CAUSES,
    },
    {
      protocol: 'smtp',
      match: 'Account is abnormal, service is not open',
      failure: 'auth_failed_or_limited',
      sample: FIVE_CAUSES,
    },
  ],
  guide: [
    {
      id: 'core-parameters-configuration',
      title: { zh: '邮箱地址和服务器', en: 'Your address and servers' },
      instruction: {
        zh: '填写完整的 QQ 邮箱地址（@qq.com 或 @foxmail.com）。收信服务器 imap.qq.com，端口 993；发信服务器 smtp.qq.com，端口 465；两者都用 SSL/TLS 加密，用户名是完整地址。',
        en: 'Enter your whole QQ Mail address (@qq.com or @foxmail.com). Incoming server imap.qq.com, port 993; outgoing server smtp.qq.com, port 465; both encrypted with SSL/TLS, and the user name is the whole address.',
      },
      outcome: {
        zh: '我们认出这是 QQ 邮箱，并列出要用的服务器。',
        en: 'We recognise the address as QQ Mail and list the servers to use.',
      },
    },
    {
      id: 'access-settings',
      title: { zh: '打开 QQ 邮箱的账户设置', en: 'Open the QQ Mail account settings' },
      instruction: {
        zh: '在浏览器里登录 QQ 邮箱，点「设置」，再点「账户」，向下翻到「POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务」这一栏。',
        en: 'Sign in to QQ Mail in a browser, click 设置 (Settings), then 账户 (Account), and scroll down to the POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services section.',
      },
      location: {
        zh: '网页邮箱 → 设置 → 账户 → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务',
        en: 'Web mail → 设置 (Settings) → 账户 (Account) → POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV services',
      },
      outcome: {
        zh: '这一栏列出各项服务是否已开启，并有「开启服务」和「生成授权码」按钮。',
        en: 'The section shows which services are on, with buttons to switch them on (开启服务) and to make a code (生成授权码).',
      },
      url: WEBMAIL,
    },
    {
      id: 'enable-service-and-get-code',
      title: { zh: '开启 IMAP/SMTP，生成授权码', en: 'Switch on IMAP/SMTP and make a code' },
      instruction: {
        zh: '开启 IMAP/SMTP 服务，再点「生成授权码」。QQ 会让你用密保手机发短信验证，有时改为用绑定的微信扫码。',
        en: 'Switch on the IMAP/SMTP service, then click 生成授权码 (generate code). QQ asks you to verify by text message from your security phone, or sometimes by scanning a code with the bound WeChat.',
      },
      location: {
        zh: '同一栏：开启服务 → 生成授权码',
        en: 'Same section: 开启服务 → 生成授权码',
      },
      outcome: {
        zh: '验证后页面显示一串 16 位字母的授权码，请马上复制下来。',
        en: 'After the check, a 16-letter code appears on the page: copy it right away.',
      },
    },
    {
      id: 'configure-in-client',
      title: { zh: '粘贴授权码并检测', en: 'Paste the code and check' },
      instruction: {
        zh: '回到这里，把授权码粘贴进密码栏。不要填 QQ 密码：QQ 邮箱只接受授权码。',
        en: 'Come back here and paste the code into the password field. Not your QQ password: QQ Mail accepts only the code here.',
      },
      outcome: {
        zh: '收信和发信都检测通过后，邮箱会保存下来。',
        en: 'Once receiving and sending both pass, the mailbox is saved.',
      },
    },
  ],
  helpLinks: [
    { label: { zh: 'QQ 邮箱网页版', en: 'QQ Mail on the web' }, url: WEBMAIL },
    {
      // The page QQ's own 535 reply points to.
      label: { zh: 'QQ 邮箱关于授权码登录的帮助', en: "QQ Mail's help on logging in with the code" },
      url: 'http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    },
  ],
  notes: [
    {
      zh: '邮件客户端只能用授权码登录 QQ 邮箱；QQ 密码只用于网页和 QQ 本身。',
      en: 'Mail apps can sign in to QQ Mail with the code only; the QQ password is for the web and QQ itself.',
    },
  ],
  assumptions: [
    {
      zh: '我们用完整邮箱地址作为用户名；也有配置只填 QQ 号，我们目前没有用到这种写法。',
      en: 'We log in with the whole address; some setups use the bare QQ number instead, which we do not use.',
    },
    {
      zh: '有公开教程提到修改 QQ 密码会让已有的授权码全部失效，QQ 没有正式说明。',
      en: 'Public guides say changing the QQ password invalidates every existing code; QQ has not said so officially.',
    },
  ],
  diagnoses: {
    auth_failed: {
      explanation: {
        zh: 'QQ 邮箱拒绝了这次登录，但没有说明原因。请按下面的清单逐项检查。',
        en: 'QQ Mail refused the login without saying why. Please go through the list below.',
      },
      checklist: [
        {
          zh: '填的是授权码，不是 QQ 密码：邮件客户端只能用授权码登录。',
          en: 'Did you enter the code, not the QQ password? Mail apps can only sign in with the code.',
        },
        {
          zh: '授权码是否完整：16 位字母，复制时没有带上空格或别的字符。',
          en: 'Is the code complete? It is 16 letters, copied without spaces or other characters.',
        },
        {
          zh: '「设置 → 账户」里的 IMAP/SMTP 服务是否已经开启。',
          en: 'Is the IMAP/SMTP service switched on under 设置 → 账户 (Settings → Account)?',
        },
        {
          zh: '授权码是否还有效：停用过它，或之后改过 QQ 密码，都需要重新生成一个。',
          en: 'Is the code still valid? If you disabled it, or changed your QQ password since, make a new one.',
        },
      ],
    },
  },
};
