import { isIP } from 'node:net';

// What the app reads about the client of a request. scripts/serve.mjs (lib/net/client-address.mjs)
// has already replaced every forwarding header with what it decided from the socket and
// TRUSTED_PROXIES, so one X-Forwarded-For value is the client's address and X-Forwarded-Proto the
// scheme the client used; nothing here trusts anything a client wrote.

/** The client's address as the server decided it; `unknown` when the request did not come through it. */
export function clientAddressFrom(headers: Pick<Headers, 'get'>): string {
  const value = headers.get('x-forwarded-for')?.trim();
  // One address is all the server ever sets; anything else did not come from it.
  return value && isIP(value) ? value : 'unknown';
}

/** Whether the client reached the app over https (the socket was TLS, or a trusted proxy said so). */
export function requestIsHttps(headers: Pick<Headers, 'get'>): boolean {
  return headers.get('x-forwarded-proto') === 'https';
}

/**
 * The key a per-address limit counts under: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's network: anyone with one address has the other 2^64 as well).
 */
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
