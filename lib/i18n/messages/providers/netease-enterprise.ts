import type { Locale } from '@/lib/i18n/locale';

// NetEase Enterprise Mail's words: its name, the client authorization password, why there are
// several server groups, its four steps, and how its passwords differ from personal ones. The facts
// (servers, formats, the replies it is known by) are lib/providers/netease-enterprise.ts, which
// names these entries.

const zh = {
  name: '网易企业邮箱',
  credential: '客户端授权密码',
  settingsPath: '设置 → 客户端设置 → 客户端授权密码',
  hostNote: '网易企业邮箱把各家公司的域名分在不同的服务器组。我们先用 hwhzimap / hwhzsmtp 这一组（域名的收信记录指向 ym.163.com 的，先用 imap.ym.163.com / smtp.ym.163.com）；如果服务器回答「ERR.LOGIN.DOMAINNOTEXIST」，说明你的域名在另一组，请改用 imap.qiye.163.com / smtp.qiye.163.com 再试。',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写你在公司域名下的完整邮箱地址。收信服务器 hwhzimap.qiye.163.com（备用 imap.qiye.163.com），端口 993；发信服务器 hwhzsmtp.qiye.163.com（备用 smtp.qiye.163.com），端口 465；都用 SSL/TLS，用户名是完整地址。',
      outcome: '我们从域名的邮件记录（MX）认出网易企业邮箱，并列出要用的服务器。',
    },
    'access-settings': {
      title: '打开企业邮箱的客户端设置',
      instruction: '在浏览器里登录网易企业邮箱网页版，点「设置」，再找到「客户端设置」。',
      location: '网页版 → 设置 → 客户端设置',
      outcome: '页面上有「客户端授权密码」一项和它的开关。',
    },
    'enable-service-and-get-code': {
      title: '生成客户端授权密码',
      instruction: '开启「客户端授权密码」，点「生成授权密码」，给它起个名字（例如用在哪个客户端），选好有效期，最后一定要点「确定」：不点确定，这个授权密码不会生效。',
      location: '设置 → 客户端设置 → 客户端授权密码 → 生成授权密码',
      outcome: '页面显示一个 16 位的授权密码，并在列表里出现你起的名字和到期日。授权密码只显示这一次，请马上复制。',
    },
    'configure-in-client': {
      title: '粘贴授权密码并检测',
      instruction: '回到这里，把授权密码粘贴进密码栏（不是网页版的登录密码），然后开始检测。',
      outcome: '收信和发信都检测通过后，邮箱会保存下来。授权密码到期后需要重新生成并更新。',
    },
  },
  helpLinks: {
    web: '网易企业邮箱',
  },
  notes: [
    '每个客户端授权密码都有到期日；到期后检测会失败，需要重新生成一个。',
    '公司的管理员可以限制哪些网络地址能登录邮箱；如果开启了这种限制，需要管理员允许我们的检测服务器。',
  ],
  assumptions: [
    '设置页里的菜单名称来自公开教程，网易没有正式文档可以对照。',
    'imaphz.qiye.163.com 也出现在公开资料里，但没有配套的发信服务器，我们把它和 smtp.qiye.163.com 放在一起，排在两组服务器之后。',
    '网易早年的免费企业邮箱（ym.163.com）有自己的服务器 imap.ym.163.com / smtp.ym.163.com。域名的收信记录（MX）指向 ym.163.com 时，我们先用这组服务器；其他域名则把它放在备选的最后。它的域名是否也在上面几组服务器上，公开资料没有说明。',
  ],
  diagnoses: {
    auth_failed: {
      explanation: '企业邮箱服务器拒绝了这次登录。请按下面的清单逐项检查，企业邮箱的授权密码有几处和个人邮箱不同。',
      checklist: [
        '生成授权密码时点了「确定」吗？没点确定，它不会生效。',
        '授权密码是否已过有效期：在「客户端授权密码」列表里看它的到期日。',
        '填的是授权密码，不是网页版的登录密码；16 个字符，复制时没有带上空格。',
        '邮箱地址是否完整，包括 @ 后面的公司域名。',
      ],
    },
  },
};

export type NeteaseEnterpriseMessages = typeof zh;

const en: NeteaseEnterpriseMessages = {
  name: 'NetEase Enterprise Mail',
  credential: 'client authorization password',
  settingsPath: 'Settings (设置) → Client settings (客户端设置) → 客户端授权密码',
  hostNote: "NetEase Enterprise Mail keeps companies' domains on different server groups. We start with hwhzimap / hwhzsmtp (or imap.ym.163.com / smtp.ym.163.com, for a domain whose mail records point to ym.163.com); if the server answers ERR.LOGIN.DOMAINNOTEXIST, your domain lives on the other group: try imap.qiye.163.com / smtp.qiye.163.com instead.",
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: "Enter your whole address on your company's domain. Incoming server hwhzimap.qiye.163.com (backup imap.qiye.163.com), port 993; outgoing server hwhzsmtp.qiye.163.com (backup smtp.qiye.163.com), port 465; all with SSL/TLS, and the user name is the whole address.",
      outcome: "We recognise NetEase Enterprise Mail from the domain's mail records (MX) and list the servers to use.",
    },
    'access-settings': {
      title: 'Open the client settings of your enterprise mailbox',
      instruction: 'Sign in to NetEase Enterprise Mail on the web, click 设置 (Settings) and find 客户端设置 (client settings).',
      location: 'Web mail → 设置 (Settings) → 客户端设置 (client settings)',
      outcome: 'The page has a 客户端授权密码 (client authorization password) item with its switch.',
    },
    'enable-service-and-get-code': {
      title: 'Make a client authorization password',
      instruction: 'Switch on 客户端授权密码, click 生成授权密码 (generate), give it a name (say, the app it is for), pick how long it stays valid, and be sure to click 确定 (OK) at the end: without it, the password never takes effect.',
      location: 'Settings → client settings → 客户端授权密码 → 生成授权密码',
      outcome: 'A 16-character password appears, and the list shows the name you gave it and its expiry date. It is shown this once only: copy it straight away.',
    },
    'configure-in-client': {
      title: 'Paste the password and check',
      instruction: 'Come back here, paste the authorization password into the password field (not your web-mail password) and start the check.',
      outcome: 'Once receiving and sending both pass, the mailbox is saved. When the password expires, make a new one and update it here.',
    },
  },
  helpLinks: {
    web: 'NetEase Enterprise Mail',
  },
  notes: [
    'Each client authorization password has an expiry date; after it, the check fails until you make a new one.',
    "Your company's administrator can limit which network addresses may sign in; with such a limit on, the administrator has to allow our checking server.",
  ],
  assumptions: [
    'The menu names in the settings come from public guides; NetEase has no official page to check them against.',
    'imaphz.qiye.163.com also appears in public sources, without an outgoing server of its own; we pair it with smtp.qiye.163.com, after the two groups.',
    "NetEase's older free company mail (ym.163.com) has servers of its own, imap.ym.163.com / smtp.ym.163.com. For a domain whose mail records (MX) point to ym.163.com we start with them; for any other domain they are the last alternative. Public sources do not say whether its domains also answer on the groups above.",
  ],
  diagnoses: {
    auth_failed: {
      explanation: 'The enterprise mail server refused the login. Please go through the list below: enterprise authorization passwords differ from personal ones in a few ways.',
      checklist: [
        'Did you click 确定 (OK) when making the password? Without it, the password never takes effect.',
        'Has the password expired? Its expiry date is in the 客户端授权密码 list.',
        'Did you enter the authorization password, not your web-mail password? It is 16 characters, copied without spaces.',
        "Is the address complete, with your company's domain after the @?",
      ],
    },
  },
};

export const NETEASE_ENTERPRISE_MESSAGES: Record<Locale, NeteaseEnterpriseMessages> = { zh, en };
