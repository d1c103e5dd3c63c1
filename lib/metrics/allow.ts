import { BlockList, isIP } from 'node:net';
import { normaliseAddress } from '@/lib/net/client-address.mjs';

// Who may read /metrics. The counts there say how many checks fail at which provider and how
// busy the instance is: nothing for the public, and scraping runs database queries. So only the
// client addresses METRICS_ALLOW lists may, loopback by default (a Prometheus on the same
// machine, or one reaching it through a proxy listed in TRUSTED_PROXIES that forwards for it).

/** METRICS_ALLOW when it is not set: this machine only. */
export const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1'];

/**
 * METRICS_ALLOW as a list of addresses and CIDR blocks, separated by commas or spaces
 * (`127.0.0.1, 10.0.0.0/8, fd00::/8`); empty or unset: the default. Throws an Error naming the
 * first entry that is neither an address nor a block.
 */
export function parseMetricsAllow(value: string | undefined): string[] {
  const entries = String(value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return [...DEFAULT_METRICS_ALLOW];
  for (const entry of entries) {
    if (!parseEntry(entry)) throw new Error(`"${entry}" is not an IP address or a CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, fd00::/8)`);
  }
  return entries;
}

function parseEntry(entry: string): { address: string; family: 'ipv4' | 'ipv6'; bits: number | undefined } | undefined {
  const [address, prefix, ...rest] = entry.split('/');
  const normalised = normaliseAddress(address);
  if (!normalised || rest.length > 0) return undefined;
  const family = isIP(normalised) === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) return { address: normalised, family, bits: undefined };
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 'ipv6' ? 128 : 32)) return undefined;
  return { address: normalised, family, bits };
}

const lists = new Map<string, BlockList>();

function blockListOf(entries: readonly string[]): BlockList {
  const key = entries.join(',');
  let list = lists.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) continue; // parseMetricsAllow refused it at start
      if (parsed.bits === undefined) list.addAddress(parsed.address, parsed.family);
      else list.addSubnet(parsed.address, parsed.bits, parsed.family);
    }
    lists.set(key, list);
  }
  return list;
}

/**
 * Whether `client` (the address the server decided, lib/net/client.ts: never a header a client
 * wrote) may read the metrics. `unknown` (not served through scripts/serve.mjs) may not.
 */
export function mayReadMetrics(client: string, allow: readonly string[]): boolean {
  const address = normaliseAddress(client);
  if (!address) return false;
  return blockListOf(allow).check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}
