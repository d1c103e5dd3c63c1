import 'server-only';
import type { Localized } from '@/lib/i18n/locale';
import { withDnsSession, type DnsOptions, type DnsSession, type QueryOutcome } from './dns';
import { parseHost } from './host';
import { classifyIpv4, classifyIpv6, type AddressClass } from './ip-ranges';
import { GUARD_MESSAGES, type GuardRefusalCode } from './messages';

// The SSRF guard for hosts a user types into manual setup. Our server makes the connection, so
// without it a user could aim the mail check at our own machine, our private network or a
// cloud metadata service. The host is resolved here, every answer must be a public unicast
// address, and the caller connects to one of the returned addresses (never to the name again),
// so a name cannot pass the check with one answer and be connected to with another.

export interface VettedAddress {
  /** Canonical text: dotted quad, or compressed IPv6 without brackets. */
  address: string;
  family: 4 | 6;
}

export type GuardResult =
  | {
      ok: true;
      /** Connect to these, in this order (IPv4 answers first), and to nothing else. */
      addresses: VettedAddress[];
      /** The name for TLS SNI and the certificate check; absent when the host is an IP literal. */
      servername?: string;
      /** True when the allow-list, not the address check, let the host through. */
      allowListed: boolean;
      /**
       * The names a typed name is an alias of, following its CNAME chain in order; absent when it
       * has none (or is an IP literal). For the caller to see whose server the name really is.
       */
      aliases?: string[];
    }
  | {
      ok: false;
      code: GuardRefusalCode;
      message: Localized;
      /** The offending address or resolver errno, for server logs only: the browser gets the code. */
      detail?: string;
    };

export interface GuardOptions extends DnsOptions {
  /**
   * Hosts let through whatever they resolve to: the test servers of MAIL_MANUAL_ALLOW_HOSTS
   * (never those of MAIL_ENDPOINT_OVERRIDES, so that loopback stays refused where the tests
   * point providers at it). Compared after normalisation, by host only. Nothing else bypasses
   * the check.
   */
  allow?: readonly string[];
}

function refuse(code: GuardRefusalCode, detail?: string): GuardResult {
  return { ok: false, code, message: GUARD_MESSAGES[code], ...(detail ? { detail } : {}) };
}

/** The canonical form a host is compared in; undefined for text that is no host. */
function canonicalHost(text: string): string | undefined {
  const parsed = parseHost(text);
  return parsed.ok ? parsed.host : undefined;
}

function vet(address: string, family: 4 | 6): AddressClass {
  return family === 4 ? classifyIpv4(address) : classifyIpv6(address);
}

/** A resolver's answer in canonical form, or undefined when it is not an address at all. */
function canonicalAnswer(answer: string, family: 4 | 6): VettedAddress | undefined {
  const parsed = parseHost(answer);
  if (!parsed.ok || parsed.zone) return undefined;
  if (parsed.kind !== (family === 4 ? 'ipv4' : 'ipv6')) return undefined;
  return { address: parsed.host, family };
}

// RFC 6761 §6.3: localhost and every name under it are the loopback interface and are never
// sent to DNS; refused without asking anyone (unless allow-listed).
const LOCALHOST_ADDRESSES: readonly VettedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

type Answers = { addresses: VettedAddress[]; aliases: string[] } | { refusal: GuardResult };

// Enough for any real chain (CDNs use two or three hops); a longer one is not followed further.
const MAX_ALIAS_HOPS = 8;

/**
 * The CNAME chain from `name`, one hop per question, within the session's budget. A lookup that
 * fails just ends the chain: the aliases only say whose server a name is, never whether it may
 * be dialled (the addresses decide that).
 */
async function aliasChain(session: DnsSession, name: string): Promise<string[]> {
  const chain: string[] = [];
  let current = name;
  for (let hop = 0; hop < MAX_ALIAS_HOPS; hop += 1) {
    const from = current;
    const outcome = await session.query((r) => (r.resolveCname ? r.resolveCname(from) : Promise.resolve([])));
    if (outcome.status !== 'answer') break;
    const next = canonicalHost(outcome.value[0] ?? '');
    if (next === undefined || next === name || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

async function resolveName(name: string, options: GuardOptions): Promise<Answers> {
  if (name === 'localhost' || name.endsWith('.localhost')) return { addresses: [...LOCALHOST_ADDRESSES], aliases: [] };
  const [v4, v6, aliases] = await withDnsSession(options, (session) =>
    Promise.all([session.query((r) => r.resolve4(name)), session.query((r) => r.resolve6(name)), aliasChain(session, name)]),
  );
  const addresses: VettedAddress[] = [];
  const collect = (outcome: QueryOutcome<string[]>, family: 4 | 6): string | undefined => {
    if (outcome.status !== 'answer') return undefined;
    for (const answer of outcome.value) {
      const vetted = canonicalAnswer(answer, family);
      if (!vetted) return answer;
      if (!addresses.some((a) => a.address === vetted.address)) addresses.push(vetted);
    }
    return undefined;
  };
  const malformed = collect(v4, 4) ?? collect(v6, 6);
  if (malformed !== undefined) return { refusal: refuse('dns_error', `malformed answer ${JSON.stringify(malformed)}`) };
  // Answers from one family are enough: a family that failed gave no address we could connect
  // to, and only returned addresses are ever connected to.
  if (addresses.length > 0) return { addresses, aliases };
  const outcomes = [v4, v6];
  if (outcomes.some((o) => o.status === 'aborted')) return { refusal: refuse('aborted') };
  if (outcomes.some((o) => o.status === 'timeout')) return { refusal: refuse('timeout') };
  const failed = outcomes.find((o) => o.status === 'error');
  if (failed && failed.status === 'error') return { refusal: refuse('dns_error', failed.errno) };
  return { refusal: refuse('unresolvable') };
}

/**
 * Decides whether the mail check may connect to `host` as a user typed it (name, IPv4 in any
 * form a resolver would accept, IPv6 bare or bracketed, with or without a zone id). Names are
 * resolved (A and AAAA, and the CNAME chain for `aliases`, within `budgetMs`, default 3 s) and
 * refused when ANY answer is not a public unicast address. Never throws.
 *
 * On success, connect to one of `addresses` with `servername` for TLS: connecting to the name
 * would resolve it a second time, and the second answer is not checked.
 */
export async function guardHost(host: string, options: GuardOptions = {}): Promise<GuardResult> {
  const parsed = parseHost(host);
  if (!parsed.ok) return refuse('invalid_host');
  const allowed = new Set((options.allow ?? []).map(canonicalHost).filter((h) => h !== undefined));
  const allowListed = allowed.has(parsed.host);

  let addresses: VettedAddress[];
  let aliases: string[] = [];
  if (parsed.kind === 'name') {
    const answers = await resolveName(parsed.host, options);
    if ('refusal' in answers) return answers.refusal;
    addresses = answers.addresses;
    aliases = answers.aliases;
  } else {
    // A zone id names the interface a link-local address lives on; no public address has one.
    if (parsed.zone && vet(parsed.host, 6) === 'public') return refuse('invalid_host');
    addresses = [{ address: parsed.host, family: parsed.kind === 'ipv4' ? 4 : 6 }];
  }

  if (!allowListed) {
    for (const { address, family } of addresses) {
      const kind = vet(address, family);
      if (kind !== 'public') return refuse(kind, address);
    }
  }
  return {
    ok: true,
    addresses,
    ...(parsed.kind === 'name' ? { servername: parsed.host } : {}),
    allowListed,
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}
