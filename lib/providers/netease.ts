import type { DomainInfo, MailEndpoints, MailProvider, ProviderDomain, ProviderGuideStep } from './types';

// Every NetEase personal domain follows one host pattern; building the endpoints from it
// keeps the seven domains from drifting apart when a port changes.
function neteaseEndpoints(hostDomain: string): MailEndpoints {
  return {
    imap: { host: `imap.${hostDomain}`, port: 993, tls: 'implicit' },
    // 994 and 25 (STARTTLS) are also published; 465 is the one every source agrees on.
    smtp: { host: `smtp.${hostDomain}`, port: 465, tls: 'implicit' },
    pop3: { host: `pop.${hostDomain}`, port: 995, tls: 'implicit' },
  };
}

// The seed guide recommends the 163.com servers for every suffix, but a public report shows
// a 126.com address failing on imap.163.com exactly like a wrong password. The suffix's own
// servers are therefore the default and the 163.com set the fallback.
const FALLBACK_HOST_DOMAIN = '163.com';

const DOMAINS: readonly DomainInfo[] = [
  {
    domain: '163.com',
    confirmed: true,
    name: { zh: '网易 163 邮箱', en: 'NetEase 163 Mail' },
    webmailUrl: 'https://mail.163.com',
  },
  {
    domain: '126.com',
    confirmed: true,
    name: { zh: '网易 126 邮箱', en: 'NetEase 126 Mail' },
    webmailUrl: 'https://mail.126.com',
  },
  {
    domain: 'yeah.net',
    confirmed: true,
    name: { zh: '网易 yeah.net 邮箱', en: 'NetEase yeah.net Mail' },
    webmailUrl: 'https://mail.yeah.net',
  },
  {
    domain: '188.com',
    confirmed: false,
    name: { zh: '网易 188 邮箱', en: 'NetEase 188 Mail' },
    webmailUrl: 'https://mail.188.com',
  },
  {
    domain: 'vip.163.com',
    confirmed: false,
    name: { zh: '网易 VIP 邮箱（vip.163.com）', en: 'NetEase VIP Mail (vip.163.com)' },
    webmailUrl: 'https://vip.163.com',
  },
  {
    domain: 'vip.126.com',
    confirmed: false,
    name: { zh: '网易 VIP 邮箱（vip.126.com）', en: 'NetEase VIP Mail (vip.126.com)' },
    webmailUrl: 'https://vip.126.com',
  },
  {
    domain: 'vip.188.com',
    confirmed: false,
    name: { zh: '网易 VIP 邮箱（vip.188.com）', en: 'NetEase VIP Mail (vip.188.com)' },
    webmailUrl: 'https://vip.188.com',
  },
];

function withEndpoints(info: DomainInfo): ProviderDomain {
  return {
    ...info,
    endpoints: neteaseEndpoints(info.domain),
    alternatives: info.domain === FALLBACK_HOST_DOMAIN ? [] : [neteaseEndpoints(FALLBACK_HOST_DOMAIN)],
  };
}

// The wizard's four steps for NetEase, as data; the wizard's own catalog words them at length.
const GUIDE: readonly ProviderGuideStep[] = [
  {
    id: 'core-parameters-configuration',
    title: { zh: '邮箱地址和服务器', en: 'Your address and servers' },
    instruction: {
      zh: '填写完整的网易邮箱地址。收信用 IMAP 服务器 imap.<后缀>（端口 993），发信用 SMTP 服务器 smtp.<后缀>（端口 465），两者都走 SSL/TLS 加密；用户名就是完整地址。',
      en: 'Enter your whole NetEase address. Mail comes in over IMAP from imap.<suffix> (port 993) and goes out over SMTP through smtp.<suffix> (port 465), both encrypted with SSL/TLS; the user name is the whole address.',
    },
    outcome: {
      zh: '我们按地址后缀认出你的邮箱，并列出要用的服务器。',
      en: 'We recognise your mailbox from its suffix and list the servers to use.',
    },
  },
  {
    id: 'access-settings',
    title: { zh: '打开网页邮箱的设置', en: 'Open the web-mail settings' },
    instruction: {
      zh: '在浏览器里登录网易邮箱，点页面顶部的「设置」，再从左侧菜单选「POP3/SMTP/IMAP」。',
      en: 'Sign in to NetEase web mail, click 设置 (Settings) at the top, then pick POP3/SMTP/IMAP in the menu on the left.',
    },
    location: { zh: '网页邮箱 → 设置 → POP3/SMTP/IMAP', en: 'Web mail → 设置 (Settings) → POP3/SMTP/IMAP' },
    outcome: {
      zh: '页面上有 IMAP/SMTP 和 POP3/SMTP 两个服务开关，下面是「客户端授权密码」一栏。',
      en: 'The page shows switches for the IMAP/SMTP and POP3/SMTP services, with a 客户端授权密码 (client authorization password) section below.',
    },
    url: 'https://mail.163.com',
  },
  {
    id: 'enable-service-and-get-code',
    title: { zh: '开启服务，拿到授权码', en: 'Switch the service on and get the code' },
    instruction: {
      zh: '打开「IMAP/SMTP服务」开关，然后点「客户端授权密码」旁边的「开启」。网易会要求用绑定的手机发一条短信完成验证。',
      en: 'Turn on the IMAP/SMTP service, then click 开启 (Enable) next to 客户端授权密码. NetEase asks you to send a text message from the phone bound to the account.',
    },
    location: { zh: '同一页：IMAP/SMTP服务 → 客户端授权密码 → 开启', en: 'Same page: IMAP/SMTP service → 客户端授权密码 → 开启' },
    outcome: {
      zh: '验证通过后弹出一串 16 位字母的授权码。它只显示这一次，请马上复制。',
      en: 'Once verified, a 16-letter code appears. It is shown this once only: copy it straight away.',
    },
  },
  {
    id: 'configure-in-client',
    title: { zh: '粘贴授权码并检测', en: 'Paste the code and check' },
    instruction: {
      zh: '回到这里，把授权码粘贴进密码栏（不要填网页邮箱的登录密码），然后开始检测。',
      en: 'Come back here, paste the code into the password field (not your web-mail password) and start the check.',
    },
    outcome: {
      zh: '收信和发信都检测通过后，邮箱才会保存，状态显示为「正常」。',
      en: 'Only when both receiving and sending pass is the mailbox saved, with the status 正常 (OK).',
    },
  },
];

export const NETEASE_PERSONAL: MailProvider = {
  id: 'netease',
  name: { zh: '网易邮箱', en: 'NetEase Mail' },
  domains: DOMAINS.map(withEndpoints),
  usernameForm: { imap: 'address', smtp: 'address', pop3: 'address' },
  credential: {
    name: { zh: '客户端授权码', en: 'client authorization code' },
    kind: 'code',
    // Public samples show upper, lower and mixed case, so case is not part of the format.
    format: { length: 16 },
    shownOnce: true,
  },
  settingsPath: { zh: '设置 → POP3/SMTP/IMAP', en: 'Settings (设置) → POP3/SMTP/IMAP' },
  hostNote: {
    zh: '网易的配置指南说 imap.163.com / smtp.163.com 适用于所有网易邮箱后缀，但有公开的问题报告显示：126.com 地址连到 imap.163.com 时，会得到和密码错误一模一样的提示。所以我们默认使用与你的邮箱后缀对应的服务器；检测失败后，你可以选择改用 163.com 的服务器再试一次，我们不会自己换过去。',
    en: 'A NetEase setup guide says imap.163.com / smtp.163.com serve every NetEase suffix, yet a public bug report shows a 126.com address failing on imap.163.com with the very same message as a wrong password. We therefore use the servers that match your address, and only after a failed check offer the 163.com servers as a second try, which you choose.',
  },
  requiresIdAfterLogin: true,
  knownErrors: [
    {
      protocol: 'imap',
      // The same words cover a wrong or revoked code, the web password, IMAP switched off
      // and a 126 address on a 163 host: the UI needs a checklist, not "wrong password".
      match: 'Login error or password error',
      failure: 'auth_failed',
      sample: 'NO LOGIN Login error or password error',
    },
    {
      protocol: 'imap',
      match: 'Unsafe Login',
      failure: 'unsafe_login',
      sample: 'NO SELECT Unsafe Login. Please contact kefu@188.com for help',
    },
    {
      protocol: 'smtp',
      replyCode: 535,
      match: 'authentication failed',
      failure: 'auth_failed',
      sample: '535 Error: authentication failed',
    },
    {
      protocol: 'smtp',
      replyCode: 550,
      // Sent at AUTH and again at MAIL FROM when the SMTP switch is off.
      match: 'User has no permission',
      failure: 'smtp_not_enabled',
      sample: '550 User has no permission',
    },
    {
      protocol: 'smtp',
      replyCode: 553,
      match: 'Local user only',
      failure: 'sender_rejected',
      sample: '553 Local user only,...',
    },
    {
      protocol: 'smtp',
      replyCode: 554,
      // Failed logins ban our server's IP, which every user's test shares.
      match: 'IP is rejected',
      failure: 'ip_banned',
      sample: '554 IP is rejected, smtp auth error limit exceed',
    },
    {
      protocol: 'smtp',
      replyCode: 451,
      match: 'too much fail authentication',
      failure: 'ip_banned',
      sample: '451 Requested mail action not taken: too much fail authentication',
    },
    {
      protocol: 'smtp',
      replyCode: 554,
      // A spam verdict on the message, not a setup problem.
      match: 'DT:SPM',
      failure: 'content_flagged',
      sample: '554 DT:SPM ...',
    },
  ],
  guide: GUIDE,
  helpLinks: [
    { label: { zh: '163 网页邮箱', en: '163 web mail' }, url: 'https://mail.163.com' },
    { label: { zh: '126 网页邮箱', en: '126 web mail' }, url: 'https://mail.126.com' },
    { label: { zh: 'yeah.net 网页邮箱', en: 'yeah.net web mail' }, url: 'https://mail.yeah.net' },
  ],
  notes: [
    {
      zh: '一旦有了授权码，邮件客户端就不能再用网页登录密码；收信（IMAP、POP3）和发信（SMTP）共用同一个授权码。',
      en: 'Once a code exists, mail apps can no longer use the web password; receiving (IMAP, POP3) and sending (SMTP) share the same code.',
    },
    {
      zh: '关掉授权码功能会让所有已生成的授权码一起失效。',
      en: 'Switching the code feature off invalidates every code made so far.',
    },
  ],
  assumptions: [
    {
      zh: '同一个账号最多能同时保留几个授权码，公开资料说法不一（2 个和 20 个都有人报告）。',
      en: 'How many codes one account may keep at a time is unclear: both 2 and 20 have been reported.',
    },
  ],
};
