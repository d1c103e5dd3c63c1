import 'server-only';
import type { Localized } from '@/lib/i18n/locale';
import { withDnsSession, type DnsOptions, type MxAnswer } from './dns';
import { MX_MESSAGES } from './messages';

// Custom-domain detection: an address on a domain no provider lists may still be hosted by one,
// and the domain's MX records say which. Rules are data; a rule not backed by
// ../shared/reference/providers.md is marked `confirmed: false` and the result says it guessed.

export interface MxProviderRule {
  providerId: string;
  /** MX hosts equal to this name or under it match. */
  suffix: string;
  /** When set, the MX host's first label must also match this (the suffix is shared with other services). */
  firstLabel?: RegExp;
  /** True when the mapping is stated in our provider reference; false for a guess. */
  confirmed: boolean;
  /** Where the mapping comes from. */
  source: string;
  /**
   * The provider's server set to check first for the domains this rule matches, named by its
   * IMAP host (see detectProviderById); absent: the provider's usual first set. A first login at
   * the wrong server group is a refused login that counts toward NetEase's ban.
   */
  firstImapHost?: string;
}

export const MX_PROVIDER_RULES: readonly MxProviderRule[] = [
  {
    providerId: 'netease-enterprise',
    suffix: 'qiye.163.com',
    confirmed: true,
    source: 'providers.md: "A custom domain is recognised by its MX records (…qiye.163.com)"',
  },
  {
    // NetEase's personal domains use the same parent (163mx00.mxmail.netease.com for 163.com),
    // so only the qiye163mx hosts count.
    providerId: 'netease-enterprise',
    suffix: 'mxmail.netease.com',
    firstLabel: /^qiye163mx\d+$/,
    confirmed: false,
    source: 'public DNS of NetEase enterprise customers (qiye163mx01/02.mxmail.netease.com); not in providers.md',
  },
  {
    // NetEase's older free company mail: without this rule, the guess made from the MX host's
    // base domain proposed imap.163.com, NetEase personal mail's server, for these domains.
    providerId: 'netease-enterprise',
    suffix: 'ym.163.com',
    confirmed: false,
    source: 'public client presets (MX mx.ym.163.com, servers imap/smtp.ym.163.com); not in providers.md',
    // Those presets name ym.163.com's own servers; the qiye.163.com groups come after them.
    firstImapHost: 'imap.ym.163.com',
  },
];

export type MxDiscoveryCode = 'provider' | 'unknown_provider' | 'no_mx' | 'no_domain' | 'timeout' | 'dns_error' | 'aborted';

export type MxDiscovery =
  | {
      code: 'provider';
      providerId: string;
      /** False when the matching rule is a guess; the UI says so. */
      confirmed: boolean;
      /** MX hosts, most preferred first. */
      mxHosts: string[];
      message: Localized;
      /** The rule's server set to start with (MxProviderRule.firstImapHost), when it names one. */
      firstImapHost?: string;
    }
  | { code: 'unknown_provider'; mxHosts: string[]; message: Localized }
  | { code: 'no_mx' | 'no_domain' | 'timeout' | 'aborted'; message: Localized }
  /** `errno` (ESERVFAIL, EREFUSED, ECONNREFUSED, ...) is for server logs. */
  | { code: 'dns_error'; errno: string; message: Localized };

export interface DiscoverByMxOptions extends DnsOptions {
  rules?: readonly MxProviderRule[];
}

/** MX hosts by preference (lowest priority value first), lower-case, no trailing dot, no repeats. */
export function orderMxHosts(answers: readonly MxAnswer[]): string[] {
  const sorted = [...answers].sort((a, b) => a.priority - b.priority);
  const hosts: string[] = [];
  for (const { exchange } of sorted) {
    const host = exchange.toLowerCase().replace(/\.$/, '');
    if (host !== '' && !hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

/** The first rule matching the most preferred MX host that any rule matches. */
export function matchMxProvider(mxHosts: readonly string[], rules: readonly MxProviderRule[] = MX_PROVIDER_RULES): MxProviderRule | undefined {
  for (const host of mxHosts) {
    for (const rule of rules) {
      if (host !== rule.suffix && !host.endsWith(`.${rule.suffix}`)) continue;
      if (rule.firstLabel && !rule.firstLabel.test(host.split('.')[0] ?? '')) continue;
      return rule;
    }
  }
  return undefined;
}

/**
 * Looks up `domain`'s MX records (one query, within `budgetMs`, default 3 s) and names the
 * provider they point to. `domain` is a normalised mail domain (lower-case ASCII). Never throws:
 * every way the lookup can end is a result with a stable code and a message.
 */
export async function discoverByMx(domain: string, options: DiscoverByMxOptions = {}): Promise<MxDiscovery> {
  const outcome = await withDnsSession(options, (session) => session.query((resolver) => resolver.resolveMx(domain)));
  switch (outcome.status) {
    case 'answer': {
      const mxHosts = orderMxHosts(outcome.value);
      // RFC 7505 null MX (a single "." exchange): the domain says it accepts no mail.
      if (mxHosts.length === 0) return { code: 'no_mx', message: MX_MESSAGES.no_mx };
      const rule = matchMxProvider(mxHosts, options.rules);
      if (!rule) return { code: 'unknown_provider', mxHosts, message: MX_MESSAGES.unknown_provider };
      return {
        code: 'provider',
        providerId: rule.providerId,
        confirmed: rule.confirmed,
        mxHosts,
        message: rule.confirmed ? MX_MESSAGES.provider : MX_MESSAGES.provider_guess,
        ...(rule.firstImapHost !== undefined ? { firstImapHost: rule.firstImapHost } : {}),
      };
    }
    case 'no_data':
      return { code: 'no_mx', message: MX_MESSAGES.no_mx };
    case 'no_domain':
      return { code: 'no_domain', message: MX_MESSAGES.no_domain };
    case 'timeout':
      return { code: 'timeout', message: MX_MESSAGES.timeout };
    case 'aborted':
      return { code: 'aborted', message: MX_MESSAGES.aborted };
    case 'error':
      return { code: 'dns_error', errno: outcome.errno, message: MX_MESSAGES.dns_error };
  }
}
