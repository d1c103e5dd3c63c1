// Which addresses a mail check may connect to: public unicast only. The ranges come from the
// IANA IPv4 and IPv6 special-purpose address registries (RFC 6890 and successors) plus the
// addresses clouds serve instance metadata on. IPv4 is refused by range; IPv6 is accepted only
// inside global unicast (2000::/3) minus its special blocks, so a range nobody listed here is
// refused rather than let through. IPv6 forms that carry an IPv4 address (mapped, compatible,
// NAT64, 6to4) are judged by the IPv4 address inside.

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

type Ipv4Range = readonly [network: string, prefix: number, kind: Exclude<AddressClass, 'public'>];

// Instance metadata and platform endpoints. Most sit in ranges refused anyway; naming them gives
// server logs the reason that matters.
const METADATA_V4: ReadonlySet<string> = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, Huawei Cloud, Baidu Cloud
  '169.254.170.2', // AWS ECS task metadata
  '169.254.0.23', // Tencent Cloud
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure platform (wireserver): a public-looking address only the VM's host answers
]);
const METADATA_V6: ReadonlySet<string> = new Set(['fd00:ec2::254']);

const IPV4_RANGES: readonly Ipv4Range[] = [
  ['0.0.0.0', 8, 'unspecified'], // "this network"
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT, shared address space
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'reserved'], // documentation
  // AS112 and AMT anycast answer from anywhere but are never mail servers.
  ['192.31.196.0', 24, 'reserved'],
  ['192.52.193.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['192.175.48.0', 24, 'reserved'], // AS112 direct delegation
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // documentation
  ['203.0.113.0', 24, 'reserved'], // documentation
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // future use, and 255.255.255.255 broadcast
];

function ipv4ToNumber(address: string): number {
  const parts = address.split('.').map(Number);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

const IPV4_TABLE = IPV4_RANGES.map(([network, prefix, kind]) => {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (ipv4ToNumber(network) & mask) >>> 0, mask, kind };
});

function classifyIpv4Number(value: number): AddressClass {
  const dotted = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
  if (METADATA_V4.has(dotted)) return 'metadata';
  for (const range of IPV4_TABLE) {
    if (((value & range.mask) >>> 0) === range.base) return range.kind;
  }
  return 'public';
}

/** Classifies a dotted-quad IPv4 address. */
export function classifyIpv4(address: string): AddressClass {
  return classifyIpv4Number(ipv4ToNumber(address));
}

/**
 * The eight 16-bit groups of a compressed IPv6 address in the form the URL parser writes it
 * (hex groups, at most one `::`, no dotted tail).
 */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4From = (high: number, low: number) => ((high << 16) | low) >>> 0;

/** Classifies a canonical (URL-serialised) IPv6 address without brackets or zone. */
export function classifyIpv6(address: string): AddressClass {
  if (METADATA_V6.has(address)) return 'metadata';
  const g = ipv6Groups(address);
  if (g.length !== 8) return 'reserved';
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const firstSixZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;

  if (firstSixZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified';
    if (g6 === 0 && g7 === 1) return 'loopback';
    // IPv4-compatible (::a.b.c.d, deprecated): never a real server, but say what it hides.
    const inner = classifyIpv4Number(v4From(g6, g7));
    return inner === 'public' ? 'reserved' : inner;
  }
  // IPv4-mapped ::ffff:a.b.c.d: a dual-stack socket connects to the IPv4 address itself.
  if (firstSixZero && g5 === 0xffff) return classifyIpv4Number(v4From(g6, g7));
  // NAT64 well-known prefix 64:ff9b::/96: the gateway connects to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return classifyIpv4Number(v4From(g6, g7));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'; // local-use NAT64, 64:ff9b:1::/48
  if (g0 >= 0xff00) return 'multicast';
  if ((g0 & 0xffc0) === 0xfe80) return 'link_local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g0 & 0xe000) !== 0x2000) return 'reserved'; // outside global unicast 2000::/3
  // 6to4 2002::/16: relayed to the IPv4 address in groups 1 and 2.
  if (g0 === 0x2002) return classifyIpv4Number(v4From(g1, g2));
  if (g0 === 0x2001 && g1 < 0x200) return 'reserved'; // IETF protocol assignments 2001::/23, Teredo included
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved'; // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return 'reserved'; // documentation 3fff::/20
  return 'public';
}
