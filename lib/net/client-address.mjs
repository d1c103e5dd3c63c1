// Who is on the other end of a request, decided once, by the HTTP server that holds the socket
// (scripts/serve.mjs), before Next or any library sees the request (issue 13 item 1).
//
// The client's address is the socket's peer address, unless that peer is a proxy the operator
// named in TRUSTED_PROXIES; then it is the right-most hop of X-Forwarded-For that is not itself a
// trusted proxy (or, without X-Forwarded-For, that proxy's X-Real-IP). Every forwarding header a
// request arrives with is removed and replaced by what the server decided, so the app, better-auth
// and Next all read one value that no client can choose:
//   x-forwarded-for    the client's address, one address, nothing else
//   x-forwarded-proto  https when the socket is TLS, or a trusted proxy says so; else http
//   x-forwarded-host   the trusted proxy's, else removed (Next falls back to Host)
// Plain JavaScript: the server runs it before anything is compiled.
import { BlockList, isIP } from 'node:net';

/** The request headers this module owns: removed from every request, then set from what the server saw. */
export const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip'];

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) → `192.0.2.1`; other addresses as they are, IPv6 lower-cased. */
export function normaliseAddress(address) {
  if (typeof address !== 'string') return undefined;
  let value = address.trim();
  // [2001:db8::1] and [2001:db8::1]:443 as some proxies write them; 192.0.2.1:1234 likewise.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  if (!isIP(value)) return undefined;
  return isIP(value) === 6 ? value.toLowerCase() : value;
}

/**
 * A list of addresses and CIDR blocks, separated by commas or spaces (`10.0.0.5, 192.168.1.0/24,
 * ::1`), as `{ entries, list }`. Throws an Error naming the first entry that is neither, as
 * `${label}"entry" is not an IP address or a CIDR block (e.g. ${example})`.
 */
export function parseAddressList(value, { label = '', example = '10.0.0.5, 10.0.0.0/8, fd00::/8' } = {}) {
  const list = new BlockList();
  const entries = String(value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const normalised = normaliseAddress(address);
    const family = normalised ? (isIP(normalised) === 6 ? 'ipv6' : 'ipv4') : undefined;
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 'ipv6' ? 128 : 32;
    if (!normalised || rest.length > 0 || (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || bits > maxBits))) {
      throw new Error(`${label}"${entry}" is not an IP address or a CIDR block (e.g. ${example})`);
    }
    if (bits === undefined) list.addAddress(normalised, family);
    else list.addSubnet(normalised, bits, family);
  }
  return { entries, list };
}

/** Whether `address` (already normalised) is in an address list made by parseAddressList. */
export function addressListHas(addresses, address) {
  if (!address || addresses.entries.length === 0) return false;
  return addresses.list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** TRUSTED_PROXIES as an address list (parseAddressList). */
export function parseTrustedProxies(value) {
  return parseAddressList(value, { label: 'TRUSTED_PROXIES: ' });
}

/** Whether `address` (already normalised) is one of the trusted proxies. */
export function isTrustedProxy(trusted, address) {
  return addressListHas(trusted, address);
}

/** The values of a header that may arrive more than once, comma lists flattened. */
function headerList(value) {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
}

/**
 * The client's address for a request from `peer` (the socket's remote address) with `headers`
 * (Node's lower-cased IncomingHttpHeaders). Headers count only when the peer is trusted.
 */
export function clientAddressOf(peer, headers, trusted) {
  const peerAddress = normaliseAddress(peer) ?? 'unknown';
  if (!isTrustedProxy(trusted, peerAddress)) return peerAddress;
  const hops = headerList(headers['x-forwarded-for']);
  if (hops.length === 0) {
    const realIp = normaliseAddress(headerList(headers['x-real-ip'])[0]);
    return realIp ?? peerAddress;
  }
  // From the right: each hop was appended by the proxy to its right, the first of them by our
  // trusted peer. A hop that is not an address ends the walk: whoever wrote it is the client.
  let client = peerAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!isTrustedProxy(trusted, hop)) return hop;
  }
  return client;
}

/** `https` when the socket itself is TLS, or a trusted proxy says the client used https. */
export function protocolOf(encrypted, peer, headers, trusted) {
  if (encrypted) return 'https';
  if (!isTrustedProxy(trusted, normaliseAddress(peer))) return 'http';
  const proto = headerList(headers['x-forwarded-proto'])[0]?.toLowerCase();
  return proto === 'https' ? 'https' : 'http';
}

/**
 * Rewrites `request.headers` in place (a Node IncomingMessage): the forwarding headers become
 * what this server decided. Returns the decision, for the server's log.
 */
export function settleForwardingHeaders(request, trusted) {
  const peer = request.socket?.remoteAddress;
  const headers = request.headers;
  const peerTrusted = isTrustedProxy(trusted, normaliseAddress(peer));
  const client = clientAddressOf(peer, headers, trusted);
  const protocol = protocolOf(Boolean(request.socket?.encrypted), peer, headers, trusted);
  const forwardedHost = peerTrusted ? headerList(headers['x-forwarded-host'])[0] : undefined;
  for (const name of FORWARDING_HEADERS) delete headers[name];
  // rawHeaders too: Next copies headers from either, depending on the path a request takes.
  if (Array.isArray(request.rawHeaders)) {
    const kept = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (!FORWARDING_HEADERS.includes(String(request.rawHeaders[i]).toLowerCase())) kept.push(request.rawHeaders[i], request.rawHeaders[i + 1]);
    }
    request.rawHeaders.splice(0, request.rawHeaders.length, ...kept);
  }
  headers['x-forwarded-for'] = client;
  headers['x-forwarded-proto'] = protocol;
  if (forwardedHost) headers['x-forwarded-host'] = forwardedHost;
  return { client, protocol, peerTrusted };
}
