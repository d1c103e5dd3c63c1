import { describe, expect, it } from 'vitest';
import { EnvError, isPracticeModeOn, parseEnv } from '@/lib/env';

// When practice mode is on: everywhere but a production server on PostgreSQL, unless
// PRACTICE_MODE says otherwise. `npm start` is production on the embedded database.

const POSTGRES = 'postgres://app@127.0.0.1:5432/mail';
const on = (source: Record<string, string>) => isPracticeModeOn(parseEnv(source));

describe('PRACTICE_MODE', () => {
  it('is on by default in development and in tests', () => {
    expect(on({})).toBe(true);
    expect(on({ NODE_ENV: 'development', DATABASE_URL: POSTGRES })).toBe(true);
    expect(on({ NODE_ENV: 'test' })).toBe(true);
  });

  it('is on by default for npm start: production on the embedded database', () => {
    expect(on({ NODE_ENV: 'production' })).toBe(true);
    expect(on({ NODE_ENV: 'production', DATABASE_URL: '' })).toBe(true);
  });

  it('is off by default in production on PostgreSQL, and on there only when configured', () => {
    expect(on({ NODE_ENV: 'production', DATABASE_URL: POSTGRES })).toBe(false);
    expect(on({ NODE_ENV: 'production', DATABASE_URL: POSTGRES, PRACTICE_MODE: 'on' })).toBe(true);
    expect(on({ NODE_ENV: 'production', DATABASE_URL: POSTGRES, PRACTICE_MODE: '1' })).toBe(true);
  });

  it('can be switched off anywhere', () => {
    for (const value of ['off', '0', 'false']) {
      expect(on({ PRACTICE_MODE: value })).toBe(false);
      expect(on({ NODE_ENV: 'production', PRACTICE_MODE: value })).toBe(false);
    }
  });

  it('refuses anything but on/off (1/0, true/false)', () => {
    expect(() => parseEnv({ PRACTICE_MODE: 'yes' })).toThrow(EnvError);
    expect(() => parseEnv({ PRACTICE_MODE: 'yes' })).toThrow(/PRACTICE_MODE/);
  });
});

describe('PRACTICE_CODE', () => {
  it('is unset by default (the practice provider’s own code is used)', () => {
    expect(parseEnv({}).PRACTICE_CODE).toBeUndefined();
    expect(parseEnv({ PRACTICE_CODE: '  ' }).PRACTICE_CODE).toBeUndefined();
  });

  it('takes 16 letters, as a NetEase code is', () => {
    expect(parseEnv({ PRACTICE_CODE: ' AbcdEfghIjklMnop ' }).PRACTICE_CODE).toBe('AbcdEfghIjklMnop');
  });

  it.each(['short', 'AbcdEfghIjklMnop1', 'AbcdEfgh IjklMnop', 'Abcd-EfghIjklMno'])('refuses %j', (code) => {
    expect(() => parseEnv({ PRACTICE_CODE: code })).toThrow(/PRACTICE_CODE: must be 16 letters/);
  });
});
