import { describe, expect, it } from 'vitest';
import { providerHintOf, withProviderHint, wizardStepHref } from './provider-hint';

describe('wizardStepHref', () => {
  it('names the provider before the step’s anchor, and nothing when there is none', () => {
    expect(wizardStepHref('access-settings', 'qq')).toBe('/?provider=qq#access-settings');
    expect(wizardStepHref('result', 'netease-enterprise', 'https://mail.example')).toBe('https://mail.example/?provider=netease-enterprise#result');
    expect(wizardStepHref('access-settings')).toBe('/#access-settings');
    expect(wizardStepHref('access-settings', null, 'http://x')).toBe('http://x/#access-settings');
  });

  it('leaves out an id that is not a plain slug rather than put it in a link', () => {
    expect(wizardStepHref('access-settings', 'qq&step=1')).toBe('/#access-settings');
    expect(wizardStepHref('access-settings', '')).toBe('/#access-settings');
    expect(wizardStepHref('access-settings', 'QQ')).toBe('/#access-settings');
  });
});

describe('providerHintOf', () => {
  const known = ['netease', 'qq', 'icloud'];

  it('reads a known provider from the query', () => {
    expect(providerHintOf('?provider=qq', known)).toBe('qq');
    expect(providerHintOf('?lang=zh&provider=icloud', known)).toBe('icloud');
  });

  it('ignores a missing, unknown or malformed hint', () => {
    expect(providerHintOf('', known)).toBeUndefined();
    expect(providerHintOf('?provider=', known)).toBeUndefined();
    expect(providerHintOf('?provider=gmail', known)).toBeUndefined();
    expect(providerHintOf('?provider=QQ', known)).toBeUndefined();
    expect(providerHintOf('?provider=%3Cscript%3E', known)).toBeUndefined();
    expect(providerHintOf('?provider=__proto__', known)).toBeUndefined();
  });
});

describe('withProviderHint', () => {
  it('sets, replaces or drops the hint and the hash, and keeps every other parameter', () => {
    expect(withProviderHint('/?utm_source=sms&utm_campaign=x#access-settings', 'qq', '#result')).toBe('/?utm_source=sms&utm_campaign=x&provider=qq#result');
    expect(withProviderHint('/?provider=netease&utm_source=sms', 'icloud', '')).toBe('/?provider=icloud&utm_source=sms');
    expect(withProviderHint('/?provider=netease&utm_source=sms#result', null, '#result')).toBe('/?utm_source=sms#result');
    expect(withProviderHint('/?provider=qq', null, '')).toBe('/');
  });

  it('never puts an id that is not a plain slug in the address', () => {
    expect(withProviderHint('/?provider=qq', 'qq&step=1', '')).toBe('/');
  });
});
