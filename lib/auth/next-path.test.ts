import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeNextPath('/#configure-in-client')).toBe('/#configure-in-client');
    expect(safeNextPath('/accounts?x=1')).toBe('/accounts?x=1');
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, 42])(
    'refuses %s',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );
});
