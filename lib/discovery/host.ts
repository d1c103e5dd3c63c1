// What a typed server host is: a DNS name, an IPv4 address or an IPv6 address, in one canonical
// spelling. The WHATWG URL host parser does the reading, as in every browser and in Node, so a
// host means here exactly what it would mean to a resolver: `2130706433`, `0177.0.0.1`,
// `0x7f.1` and `127.1` are all 127.0.0.1, `１２７.０.０.１` too, and `[::ffff:127.0.0.1]` is
// ::ffff:7f00:1. No node: imports: the manual-setup form validates hosts in the browser as well.

export type HostKind = 'name' | 'ipv4' | 'ipv6';

export type ParsedHost =
  | {
      ok: true;
      kind: HostKind;
      /** Lower-case ASCII name without a trailing dot, dotted-quad IPv4, or compressed IPv6 without brackets. */
      host: string;
      /** True when the text typed was already this canonical spelling (brackets and case aside). */
      canonical: boolean;
      /** An IPv6 zone id (`fe80::1%eth0`), kept apart: it names an interface, not an address. */
      zone?: string;
    }
  | { ok: false; problem: HostProblem };

export type HostProblem =
  | 'empty'
  | 'space'
  | 'has_port'
  | 'url'
  | 'too_long'
  | 'invalid';

// Characters that end a host inside a URL: left in, the parser would read `evil@127.0.0.1` as
// 127.0.0.1 and `host:993` as `host`, so they are refused before it runs.
const URL_DELIMITERS = /[/\\?#@\[\]%]/;
// Whitespace, control and format characters (zero-width spaces, bidi marks): the URL parser
// silently drops some of them, and a host with a hidden character is never what was meant.
const SPACE_OR_INVISIBLE = /[\s\p{C}]/u;
const EDGE_SPACE = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6_TEXT = /^[0-9a-f:.]+$/i;
const ZONE_ID = /^[a-z0-9_.~-]{1,64}$/i;
const MAX_NAME_LENGTH = 253;

function urlHostname(text: string): string | undefined {
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return undefined;
  }
}

function parseIpv6(text: string): ParsedHost {
  let address = text;
  let zone: string | undefined;
  const percent = text.indexOf('%');
  if (percent >= 0) {
    address = text.slice(0, percent);
    // As typed (`%eth0`) or as written inside a URL (`%25eth0`).
    zone = text.slice(percent + 1).replace(/^25(?=.)/, '');
    if (!ZONE_ID.test(zone)) return { ok: false, problem: 'invalid' };
  }
  if (!IPV6_TEXT.test(address)) return { ok: false, problem: 'invalid' };
  const hostname = urlHostname(`[${address}]`);
  if (!hostname) return { ok: false, problem: 'invalid' };
  const host = hostname.slice(1, -1);
  return { ok: true, kind: 'ipv6', host, canonical: host === address.toLowerCase(), ...(zone ? { zone } : {}) };
}

/** Reads a typed host; surrounding spaces are forgiven, anything hidden inside is not. */
export function parseHost(input: string): ParsedHost {
  const text = input.replace(EDGE_SPACE, '');
  if (text === '') return { ok: false, problem: 'empty' };
  if (SPACE_OR_INVISIBLE.test(text)) return { ok: false, problem: 'space' };

  if (text.startsWith('[')) {
    if (!text.endsWith(']')) {
      // `[::1]:993`: a port typed into the host field.
      return /^\[[^\]]*\]:\d*$/.test(text) ? { ok: false, problem: 'has_port' } : { ok: false, problem: 'invalid' };
    }
    const inner = text.slice(1, -1);
    return parseIpv6(inner);
  }
  const colons = text.split(':').length - 1;
  if (colons >= 2) return parseIpv6(text);
  if (colons === 1) {
    // `imap.example.com:993` or `imaps://imap.example.com`.
    return /^[^:]+:\d*$/.test(text) ? { ok: false, problem: 'has_port' } : { ok: false, problem: 'url' };
  }
  if (URL_DELIMITERS.test(text)) return { ok: false, problem: text.includes('/') || text.includes('@') ? 'url' : 'invalid' };

  const hostname = urlHostname(text);
  if (!hostname) return { ok: false, problem: 'invalid' };
  if (DOTTED_QUAD.test(hostname)) {
    // The parser serialises every IPv4 it reads as a dotted quad, and refuses a name whose last
    // label is numeric, so a dotted quad out means an IPv4 address in.
    return { ok: true, kind: 'ipv4', host: hostname, canonical: hostname === text };
  }
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problem: 'too_long' };
  if (!name.split('.').every((label) => LDH_LABEL.test(label))) return { ok: false, problem: 'invalid' };
  return { ok: true, kind: 'name', host: name, canonical: name === text.toLowerCase() };
}
