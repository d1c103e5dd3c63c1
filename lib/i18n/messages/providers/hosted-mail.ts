import type { Locale } from '@/lib/i18n/locale';

// The names of the company mail services we recognise by MX records but do not guide through, by
// service id. The facts (MX hosts, servers) are lib/providers/hosted-mail.ts, which names these.

const zh = {
  'tencent-exmail': '腾讯企业邮箱',
  'alibaba-mail': '阿里企业邮箱',
};

export type HostedMailMessages = typeof zh;

const en: HostedMailMessages = {
  'tencent-exmail': 'Tencent Exmail',
  'alibaba-mail': 'Alibaba Mail (enterprise)',
};

export const HOSTED_MAIL_MESSAGES: Record<Locale, HostedMailMessages> = { zh, en };
