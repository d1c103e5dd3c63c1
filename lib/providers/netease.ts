import type { DomainInfo, MailEndpoints, MailProvider, ProviderDomain } from './types';

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

export const NETEASE_PERSONAL: MailProvider = {
  id: 'netease',
  name: { zh: '网易邮箱', en: 'NetEase Mail' },
  domains: DOMAINS.map(withEndpoints),
  usernameForm: { imap: 'address', smtp: 'address', pop3: 'address' },
  credential: {
    name: { zh: '客户端授权码', en: 'client authorization code' },
    // Public samples show upper, lower and mixed case, so case is not part of the format.
    format: { length: 16 },
    shownOnce: true,
  },
  settingsPath: { zh: '设置 → POP3/SMTP/IMAP', en: 'Settings (设置) → POP3/SMTP/IMAP' },
  hostNote: {
    zh: '网易的配置指南说 imap.163.com / smtp.163.com 适用于所有网易邮箱后缀，但有公开的问题报告显示：126.com 地址连到 imap.163.com 时，会得到和密码错误一模一样的提示。所以我们默认使用与你的邮箱后缀对应的服务器；如果连不上，可以改用 163.com 的服务器再试一次。',
    en: 'A NetEase setup guide says imap.163.com / smtp.163.com serve every NetEase suffix, yet a public bug report shows a 126.com address failing on imap.163.com with the very same message as a wrong password. We therefore start with the servers that match your address and offer the 163.com servers as a second try.',
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
};
