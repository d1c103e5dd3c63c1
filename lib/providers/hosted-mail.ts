import type { Localized } from '@/lib/i18n/locale';
import { wordsFrom } from '@/lib/i18n/localized';
import { HOSTED_MAIL_MESSAGES } from '@/lib/i18n/messages/providers/hosted-mail';
import type { MailEndpoints } from './types';

// Company mail services we recognise by a domain's MX records but do not guide through: no
// steps, no known error texts, no limits of their own. A domain hosted by one of them is set up
// by hand (manual setup), starting from the servers the service publishes instead of a guess
// made from the MX host's name (which would be imap.qq.com for Tencent Exmail: QQ Mail's server,
// not the company's). Data, no server-only imports: the manual-setup form loads it.

// The names are lib/i18n/messages/providers/hosted-mail.ts's; this file keeps the facts.
const { text } = wordsFrom(HOSTED_MAIL_MESSAGES);

export interface MxHostPattern {
  /** MX hosts equal to this name or under it match. */
  suffix: string;
  /** When set, the MX host's first label must match too (the suffix is shared with other services). */
  firstLabel?: RegExp;
}

export interface HostedMailService {
  id: string;
  name: Localized;
  /** MX hosts that mark a domain as hosted by this service. */
  mxHosts: readonly MxHostPattern[];
  /** The servers to start manual setup from. */
  endpoints: MailEndpoints;
  /**
   * Zones this service's servers live in. One under a provider's zone (exmail.qq.com under
   * qq.com) still belongs to this service: typing its servers is manual setup, not QQ Mail's.
   */
  hostZones: readonly string[];
  /** False: not stated in ../shared/reference/providers.md; the form says its fill-in is a guess anyway. */
  confirmed: boolean;
  source: string;
}

export const TENCENT_EXMAIL: HostedMailService = {
  id: 'tencent-exmail',
  name: text((m) => m['tencent-exmail']),
  mxHosts: [{ suffix: 'qq.com', firstLabel: /^mxbiz\d+$/ }, { suffix: 'exmail.qq.com' }],
  endpoints: {
    imap: { host: 'imap.exmail.qq.com', port: 993, tls: 'implicit' },
    smtp: { host: 'smtp.exmail.qq.com', port: 465, tls: 'implicit' },
  },
  hostZones: ['exmail.qq.com'],
  confirmed: false,
  source: 'public client presets and Exmail customer DNS (MX mxbiz1/mxbiz2.qq.com; imap/smtp.exmail.qq.com on 993/465); not in providers.md',
};

export const ALIBABA_MAIL: HostedMailService = {
  id: 'alibaba-mail',
  name: text((m) => m['alibaba-mail']),
  mxHosts: [{ suffix: 'mxhichina.com' }, { suffix: 'qiye.aliyun.com' }],
  endpoints: {
    imap: { host: 'imap.qiye.aliyun.com', port: 993, tls: 'implicit' },
    smtp: { host: 'smtp.qiye.aliyun.com', port: 465, tls: 'implicit' },
  },
  hostZones: ['qiye.aliyun.com', 'mxhichina.com'],
  confirmed: false,
  source: 'public client presets and customer DNS (MX mxw/mxn.mxhichina.com, mx1-3.qiye.aliyun.com; imap/smtp.qiye.aliyun.com on 993/465); not in providers.md',
};

export const HOSTED_MAIL_SERVICES: readonly HostedMailService[] = [TENCENT_EXMAIL, ALIBABA_MAIL];

const normalise = (host: string) => host.trim().toLowerCase().replace(/\.$/, '');

/** True when `host` (normalised) is `zone` or a name under it. */
export const isInZone = (host: string, zone: string) => host === zone || host.endsWith(`.${zone}`);

/** True when `mxHost` (any case, trailing dot or not) matches `pattern`. */
export function matchesMxHost(mxHost: string, pattern: MxHostPattern): boolean {
  const host = normalise(mxHost);
  if (!isInZone(host, pattern.suffix)) return false;
  return !pattern.firstLabel || pattern.firstLabel.test(host.split('.')[0] ?? '');
}

/**
 * The service hosting a domain whose MX hosts (most preferred first) are `mxHosts`: the first
 * host any service matches decides.
 */
export function findHostedMailServiceByMx(mxHosts: readonly string[]): HostedMailService | undefined {
  for (const host of mxHosts) {
    const service = HOSTED_MAIL_SERVICES.find((s) => s.mxHosts.some((pattern) => matchesMxHost(host, pattern)));
    if (service) return service;
  }
  return undefined;
}
