import { addressListHas, normaliseAddress, parseAddressList } from '@/lib/net/client-address.mjs';

// Who may read /metrics. The counts there say how many checks fail at which provider and how
// busy the instance is: nothing for the public, and scraping runs database queries. So only the
// client addresses METRICS_ALLOW lists may, loopback by default (a Prometheus on the same
// machine, or one reaching it through a proxy listed in TRUSTED_PROXIES that forwards for it).

/** METRICS_ALLOW when it is not set: this machine only. */
export const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1'];

const EXAMPLE = '127.0.0.1, 10.0.0.0/8, fd00::/8';

/**
 * METRICS_ALLOW as a list of addresses and CIDR blocks, separated by commas or spaces
 * (`127.0.0.1, 10.0.0.0/8, fd00::/8`); empty or unset: the default. Throws an Error naming the
 * first entry that is neither an address nor a block.
 */
export function parseMetricsAllow(value: string | undefined): string[] {
  const { entries } = parseAddressList(value, { example: EXAMPLE });
  return entries.length === 0 ? [...DEFAULT_METRICS_ALLOW] : entries;
}

// The lists are the environment's, parsed again only when it changes (tests change it).
const lists = new Map<string, ReturnType<typeof parseAddressList>>();

function addressListOf(entries: readonly string[]): ReturnType<typeof parseAddressList> {
  const key = entries.join(',');
  let list = lists.get(key);
  if (!list) {
    list = parseAddressList(key, { example: EXAMPLE });
    lists.set(key, list);
  }
  return list;
}

/**
 * Whether `client` (the address the server decided, lib/net/client.ts: never a header a client
 * wrote) may read the metrics. `unknown` (not served through scripts/serve.mjs) may not.
 */
export function mayReadMetrics(client: string, allow: readonly string[]): boolean {
  return addressListHas(addressListOf(allow), normaliseAddress(client));
}
