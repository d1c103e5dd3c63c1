import { describe, expect, it } from 'vitest';
import { ACCOUNTS_MESSAGES } from '@/lib/i18n/messages/accounts';
import { format } from '@/lib/i18n/locale';
import { getProvider } from '@/lib/providers/registry';
import { credentialWording } from './credential-wording';

const wording = (id: string, locale: 'zh' | 'en') => credentialWording(getProvider(id)!, locale, ACCOUNTS_MESSAGES[locale].replace);

describe('the replace-code form’s words for each provider', () => {
  it('names each provider’s own credential', () => {
    expect(['netease', 'qq', 'icloud', 'sohu', 'manual'].map((id) => wording(id, 'zh').name)).toEqual([
      '客户端授权码',
      '授权码',
      'App 专用密码',
      '独立密码',
      '邮箱密码或授权码',
    ]);
    expect(format(ACCOUNTS_MESSAGES.zh.replace.label, { credential: wording('icloud', 'zh').name })).toBe('新的App 专用密码');
    expect(format(ACCOUNTS_MESSAGES.en.replace.label, { credential: wording('netease', 'en').name })).toBe('New client authorization code');
  });

  it('describes a format only where one is on record', () => {
    expect(wording('netease', 'zh').hint).toBe('16 位字母。粘贴进来的空格、换行和看不见的字符会被自动去掉。');
    expect(wording('icloud', 'zh').hint).toContain('「-」');
    expect(wording('icloud', 'en').hint).toBe(
      '16 letters, with or without the “-” between the groups. Spaces, line breaks and invisible characters that come with a paste are removed.',
    );
  });

  it('says a password is sent as typed, and has the form keep it so', () => {
    for (const id of ['sohu', 'manual']) {
      expect(wording(id, 'zh'), id).toMatchObject({ hint: ACCOUNTS_MESSAGES.zh.replace.asTyped, kind: 'password' });
      expect(wording(id, 'en').hint, id).toMatch(/exactly as typed/);
    }
    expect(wording('sohu', 'zh').hint).toContain('空格、全角字符和符号都保留');
    for (const id of ['netease', 'qq', 'icloud', 'netease-enterprise']) expect(wording(id, 'zh').kind, id).toBe('code');
  });
});
