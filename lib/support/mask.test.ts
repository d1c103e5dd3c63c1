import { describe, expect, it } from 'vitest';
import { maskAddress, maskAddressIn } from './mask';

describe('maskAddress', () => {
  it('keeps two letters of the local part and the domain', () => {
    expect(maskAddress('lisi@163.com')).toBe('li***@163.com');
    expect(maskAddress('zhang.san@yeah.net')).toBe('zh***@yeah.net');
  });

  it('keeps one letter of a short local part, so the whole of it never shows', () => {
    expect(maskAddress('ab@126.com')).toBe('a***@126.com');
    expect(maskAddress('a@126.com')).toBe('a***@126.com');
  });

  it('shows nothing of something that is not an address', () => {
    expect(maskAddress('no-at-sign')).toBe('***');
    expect(maskAddress('@163.com')).toBe('***');
  });
});

describe('maskAddressIn', () => {
  it('masks the address and its local part wherever a server repeated them', () => {
    const text = 'NO LOGIN failed for LiSi@163.com (user lisi)';
    expect(maskAddressIn(text, 'lisi@163.com')).toBe('NO LOGIN failed for li***@163.com (user li***)');
  });

  it('leaves text without the address alone', () => {
    expect(maskAddressIn('550 User has no permission', 'lisi@163.com')).toBe('550 User has no permission');
    expect(maskAddressIn('anything', null)).toBe('anything');
  });
});
