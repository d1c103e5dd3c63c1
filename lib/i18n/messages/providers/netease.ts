import type { Locale } from '@/lib/i18n/locale';

// NetEase personal mail's words: its name and its domains', what its code is called, where in
// webmail it is made, its four steps in summary, and what it says about its codes. The wizard shows
// steps 2 to 4 written out at length instead (lib/i18n/messages/written-guides.ts). The facts
// (servers, formats, the replies it is known by) are lib/providers/netease.ts, which names these
// entries.

const zh = {
  name: '网易邮箱',
  domains: {
    '163.com': '网易 163 邮箱',
    '126.com': '网易 126 邮箱',
    'yeah.net': '网易 yeah.net 邮箱',
    '188.com': '网易 188 邮箱',
    'vip.163.com': '网易 VIP 邮箱（vip.163.com）',
    'vip.126.com': '网易 VIP 邮箱（vip.126.com）',
    'vip.188.com': '网易 VIP 邮箱（vip.188.com）',
  },
  credential: '客户端授权码',
  settingsPath: '设置 → POP3/SMTP/IMAP',
  hostNote: '网易的配置指南说 imap.163.com / smtp.163.com 适用于所有网易邮箱后缀，但有公开的问题报告显示：126.com 地址连到 imap.163.com 时，会得到和密码错误一模一样的提示。所以我们默认使用与你的邮箱后缀对应的服务器；检测失败后，你可以选择改用 163.com 的服务器再试一次，我们不会自己换过去。',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写完整的网易邮箱地址。收信用 IMAP 服务器 imap.<后缀>（端口 993），发信用 SMTP 服务器 smtp.<后缀>（端口 465），两者都走 SSL/TLS 加密；用户名就是完整地址。',
      outcome: '我们按地址后缀认出你的邮箱，并列出要用的服务器。',
    },
    'access-settings': {
      title: '打开网页邮箱的设置',
      instruction: '在浏览器里登录网易邮箱，点页面顶部的「设置」，再从左侧菜单选「POP3/SMTP/IMAP」。',
      location: '网页邮箱 → 设置 → POP3/SMTP/IMAP',
      outcome: '页面上有 IMAP/SMTP 和 POP3/SMTP 两个服务开关，下面是「客户端授权密码」一栏。',
    },
    'enable-service-and-get-code': {
      title: '开启服务，拿到授权码',
      instruction: '打开「IMAP/SMTP服务」开关，然后点「客户端授权密码」旁边的「开启」。网易会要求用绑定的手机发一条短信完成验证。',
      location: '同一页：IMAP/SMTP服务 → 客户端授权密码 → 开启',
      outcome: '验证通过后弹出一串 16 位字母的授权码。它只显示这一次，请马上复制。',
    },
    'configure-in-client': {
      title: '粘贴授权码并检测',
      instruction: '回到这里，把授权码粘贴进密码栏（不要填网页邮箱的登录密码），然后开始检测。',
      outcome: '收信和发信都检测通过后，邮箱才会保存，状态显示为「正常」。',
    },
  },
  helpLinks: {
    web163: '163 网页邮箱',
    web126: '126 网页邮箱',
    webYeah: 'yeah.net 网页邮箱',
  },
  notes: [
    '一旦有了授权码，邮件客户端就不能再用网页登录密码；收信（IMAP、POP3）和发信（SMTP）共用同一个授权码。',
    '关掉授权码功能会让所有已生成的授权码一起失效。',
  ],
  assumptions: [
    '同一个账号最多能同时保留几个授权码，公开资料说法不一（2 个和 20 个都有人报告）。',
  ],
};

export type NeteaseMessages = typeof zh;

const en: NeteaseMessages = {
  name: 'NetEase Mail',
  domains: {
    '163.com': 'NetEase 163 Mail',
    '126.com': 'NetEase 126 Mail',
    'yeah.net': 'NetEase yeah.net Mail',
    '188.com': 'NetEase 188 Mail',
    'vip.163.com': 'NetEase VIP Mail (vip.163.com)',
    'vip.126.com': 'NetEase VIP Mail (vip.126.com)',
    'vip.188.com': 'NetEase VIP Mail (vip.188.com)',
  },
  credential: 'client authorization code',
  settingsPath: 'Settings (设置) → POP3/SMTP/IMAP',
  hostNote: 'A NetEase setup guide says imap.163.com / smtp.163.com serve every NetEase suffix, yet a public bug report shows a 126.com address failing on imap.163.com with the very same message as a wrong password. We therefore use the servers that match your address, and only after a failed check offer the 163.com servers as a second try, which you choose.',
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: 'Enter your whole NetEase address. Mail comes in over IMAP from imap.<suffix> (port 993) and goes out over SMTP through smtp.<suffix> (port 465), both encrypted with SSL/TLS; the user name is the whole address.',
      outcome: 'We recognise your mailbox from its suffix and list the servers to use.',
    },
    'access-settings': {
      title: 'Open the web-mail settings',
      instruction: 'Sign in to NetEase web mail, click 设置 (Settings) at the top, then pick POP3/SMTP/IMAP in the menu on the left.',
      location: 'Web mail → 设置 (Settings) → POP3/SMTP/IMAP',
      outcome: 'The page shows switches for the IMAP/SMTP and POP3/SMTP services, with a 客户端授权密码 (client authorization password) section below.',
    },
    'enable-service-and-get-code': {
      title: 'Switch the service on and get the code',
      instruction: 'Turn on the IMAP/SMTP service, then click 开启 (Enable) next to 客户端授权密码. NetEase asks you to send a text message from the phone bound to the account.',
      location: 'Same page: IMAP/SMTP service → 客户端授权密码 → 开启',
      outcome: 'Once verified, a 16-letter code appears. It is shown this once only: copy it straight away.',
    },
    'configure-in-client': {
      title: 'Paste the code and check',
      instruction: 'Come back here, paste the code into the password field (not your web-mail password) and start the check.',
      outcome: 'Only when both receiving and sending pass is the mailbox saved, with the status 正常 (OK).',
    },
  },
  helpLinks: {
    web163: '163 web mail',
    web126: '126 web mail',
    webYeah: 'yeah.net web mail',
  },
  notes: [
    'Once a code exists, mail apps can no longer use the web password; receiving (IMAP, POP3) and sending (SMTP) share the same code.',
    'Switching the code feature off invalidates every code made so far.',
  ],
  assumptions: [
    'How many codes one account may keep at a time is unclear: both 2 and 20 have been reported.',
  ],
};

export const NETEASE_MESSAGES: Record<Locale, NeteaseMessages> = { zh, en };
