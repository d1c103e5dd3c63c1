import { describe, expect, it } from 'vitest';
import { parseHost } from './host';
import { classifyIpv4, classifyIpv6, type AddressClass } from './ip-ranges';

// The edges of each range: the first and last address inside, and the neighbours just outside.

describe('classifyIpv4', () => {
  it.each<[string, AddressClass]>([
    ['0.255.255.255', 'unspecified'],
    ['1.0.0.0', 'public'],
    ['9.255.255.255', 'public'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['11.0.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.0', 'private'],
    ['100.127.255.255', 'private'],
    ['100.128.0.0', 'public'],
    ['126.255.255.255', 'public'],
    ['127.0.0.0', 'loopback'],
    ['128.0.0.0', 'public'],
    ['169.253.255.255', 'public'],
    ['169.254.0.0', 'link_local'],
    ['169.254.0.23', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['169.255.0.0', 'public'],
    ['168.63.129.16', 'metadata'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.0.0.0', 'reserved'],
    ['192.0.1.0', 'public'],
    ['192.88.99.1', 'reserved'],
    ['192.167.255.255', 'public'],
    ['192.168.0.0', 'private'],
    ['192.169.0.0', 'public'],
    ['198.17.255.255', 'public'],
    ['198.19.255.255', 'reserved'],
    ['198.20.0.0', 'public'],
    ['223.255.255.255', 'public'],
    ['224.0.0.0', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.0', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyIpv4(address)).toBe(kind);
  });
});

describe('classifyIpv6', () => {
  // Written as a person would; classified in the canonical form the URL parser gives.
  const canonical = (text: string) => {
    const parsed = parseHost(text);
    if (!parsed.ok || parsed.kind !== 'ipv6') throw new Error(`not IPv6: ${text}`);
    return parsed.host;
  };

  it.each<[string, AddressClass]>([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::2', 'unspecified'], // IPv4-compatible 0.0.0.2
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:93.184.215.14', 'public'],
    ['::fffe:7f00:1', 'reserved'],
    ['0:0:0:0:1:ffff:7f00:1', 'reserved'],
    ['64:ff9b::93.184.215.14', 'public'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['64:ff9b:1::1', 'private'],
    ['100::', 'reserved'],
    ['1fff:ffff::', 'reserved'],
    ['2000::', 'public'],
    ['2001::', 'reserved'],
    ['2001:1ff::1', 'reserved'],
    ['2001:200::1', 'public'],
    ['2001:db7:ffff::1', 'public'],
    ['2001:db8::', 'reserved'],
    ['2001:db9::', 'public'],
    ['2002:5db8:d70e::1', 'public'],
    ['2002:a00:1::', 'private'],
    ['2002:e000:1::', 'multicast'],
    ['2400:3200::1', 'public'],
    ['3ffe:ffff::1', 'public'],
    ['3fff::', 'reserved'],
    ['3fff:fff::', 'reserved'],
    ['3fff:1000::', 'public'],
    ['4000::1', 'reserved'],
    ['5f00::1', 'reserved'],
    ['fbff::1', 'reserved'],
    ['fc00::', 'private'],
    ['fdff:ffff::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['fd00:ec2::253', 'private'],
    ['fe7f::1', 'reserved'],
    ['fe80::', 'link_local'],
    ['febf::1', 'link_local'],
    ['fec0::1', 'private'],
    ['ff00::', 'multicast'],
    ['ff02::fb', 'multicast'],
  ])('%s is %s', (address, kind) => {
    expect(classifyIpv6(canonical(address))).toBe(kind);
  });
});
