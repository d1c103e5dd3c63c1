import type { Locale } from '@/lib/i18n/locale';

// The few words of NetEase's that the wizard's first step shows before an address names any
// provider (lib/providers/netease-main-domain.ts): its name, its code's, the note on its servers
// and its main domain's name. The same entries as NetEase's catalog (./netease.ts), which carries
// its whole guide in both languages and so stays out of the page's first load; a test holds the
// two equal.

const zh = {
  name: '网易邮箱',
  mainDomain: '网易 163 邮箱',
  credential: '客户端授权码',
  hostNote: '网易的配置指南说 imap.163.com / smtp.163.com 适用于所有网易邮箱后缀，但有公开的问题报告显示：126.com 地址连到 imap.163.com 时，会得到和密码错误一模一样的提示。所以我们默认使用与你的邮箱后缀对应的服务器；检测失败后，你可以选择改用 163.com 的服务器再试一次，我们不会自己换过去。',
};

export type NeteaseMainMessages = typeof zh;

const en: NeteaseMainMessages = {
  name: 'NetEase Mail',
  mainDomain: 'NetEase 163 Mail',
  credential: 'client authorization code',
  hostNote: 'A NetEase setup guide says imap.163.com / smtp.163.com serve every NetEase suffix, yet a public bug report shows a 126.com address failing on imap.163.com with the very same message as a wrong password. We therefore use the servers that match your address, and only after a failed check offer the 163.com servers as a second try, which you choose.',
};

export const NETEASE_MAIN_MESSAGES: Record<Locale, NeteaseMainMessages> = { zh, en };
