import { describe, expect, it } from 'vitest';
import { WIZARD_MESSAGES } from '@/lib/i18n/messages/wizard';
import { PROVIDERS } from '@/lib/providers/registry';
import { mainDomainOf } from './default-domain';
import { chooserProviders, withDomain } from './provider-choice';

describe('withDomain', () => {
  it('keeps what was typed before the "@" and puts the picked domain after it', () => {
    expect(withDomain('', 'qq.com')).toBe('@qq.com');
    expect(withDomain('zhangsan@163.com', 'qq.com')).toBe('zhangsan@qq.com');
    expect(withDomain(' zhangsan ', 'sohu.com')).toBe('zhangsan@sohu.com');
    expect(withDomain('@qq.com', 'icloud.com')).toBe('@icloud.com');
    expect(withDomain('a@b@163.com', 'qq.com')).toBe('a@b@qq.com');
  });
});

describe('the chooser', () => {
  const listed = chooserProviders(PROVIDERS);

  it('offers NetEase first, then QQ, Sohu and iCloud, then NetEase enterprise (company domains, nothing to fill in)', () => {
    expect(listed.map((p) => p.id)).toEqual(['netease', 'qq', 'sohu', 'icloud', 'netease-enterprise']);
    expect(withDomain('zhao', '')).toBe('zhao@');
  });

  it('prefills each provider’s main domain and shows its servers', () => {
    expect(listed.map((p) => mainDomainOf(p)?.info.domain)).toEqual(['163.com', 'qq.com', 'sohu.com', 'icloud.com', '']);
    // A company-domain provider shows its usual servers, and its backup group as the alternative.
    const enterprise = listed.find((p) => p.id === 'netease-enterprise')!;
    expect(mainDomainOf(enterprise)?.endpoints).toEqual(enterprise.customDomains!.endpoints);
    expect(mainDomainOf(enterprise)?.alternatives).toEqual(enterprise.customDomains!.alternatives);
    expect(mainDomainOf(PROVIDERS.find((p) => p.id === 'icloud')!)?.endpoints.smtp).toEqual({ host: 'smtp.mail.me.com', port: 587, tls: 'starttls' });
  });

  it('has the code field’s words and a tip for every provider after NetEase, in both languages', () => {
    for (const provider of listed.slice(1)) {
      for (const messages of [WIZARD_MESSAGES.zh, WIZARD_MESSAGES.en]) {
        const words = (messages.configure.byProvider as Record<string, { label: string } | undefined>)[provider.id];
        expect(words?.label, provider.id).toBeTruthy();
        expect((messages.guide.tips as Record<string, string | undefined>)[provider.id], provider.id).toBeTruthy();
      }
      // Every step of the guide is there to render.
      expect(provider.guide?.map((step) => step.id)).toEqual([
        'core-parameters-configuration',
        'access-settings',
        'enable-service-and-get-code',
        'configure-in-client',
      ]);
    }
  });
});
