import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS_ALLOW, mayReadMetrics, parseMetricsAllow } from './allow';

// Who may read /metrics (METRICS_ALLOW), given the client address the server decided.

describe('parseMetricsAllow', () => {
  it('is loopback when unset or empty', () => {
    expect(parseMetricsAllow(undefined)).toEqual(DEFAULT_METRICS_ALLOW);
    expect(parseMetricsAllow('  ')).toEqual(DEFAULT_METRICS_ALLOW);
  });

  it('reads addresses and CIDR blocks separated by commas or spaces', () => {
    expect(parseMetricsAllow('10.0.0.5, 192.168.1.0/24 fd00::/8,::1')).toEqual(['10.0.0.5', '192.168.1.0/24', 'fd00::/8', '::1']);
  });

  it.each(['prometheus.internal', '10.0.0.0/33', '::/129', '10.0.0.1/8/8', '10.0.0/8', '*'])('refuses %s, naming it', (entry) => {
    expect(() => parseMetricsAllow(`127.0.0.1, ${entry}`)).toThrow(`"${entry}" is not an IP address or a CIDR block`);
  });
});

describe('mayReadMetrics', () => {
  it('lets loopback in by default, and nobody else', () => {
    for (const client of ['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1']) expect(mayReadMetrics(client, DEFAULT_METRICS_ALLOW), client).toBe(true);
    for (const client of ['10.0.0.5', '203.0.113.9', '2001:db8::1', 'unknown', '']) expect(mayReadMetrics(client, DEFAULT_METRICS_ALLOW), client).toBe(false);
  });

  it('lets in exactly the listed addresses and blocks', () => {
    const allow = parseMetricsAllow('10.0.0.5, 192.168.1.0/24, fd00::/8');
    expect(mayReadMetrics('10.0.0.5', allow)).toBe(true);
    expect(mayReadMetrics('10.0.0.6', allow)).toBe(false);
    expect(mayReadMetrics('192.168.1.200', allow)).toBe(true);
    expect(mayReadMetrics('192.168.2.1', allow)).toBe(false);
    expect(mayReadMetrics('fd00::1234', allow)).toBe(true);
    // The default is replaced, not added to.
    expect(mayReadMetrics('127.0.0.1', allow)).toBe(false);
  });
});
