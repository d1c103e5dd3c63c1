import { wordsFrom } from '@/lib/i18n/localized';
import { NETEASE_MAIN_MESSAGES } from '@/lib/i18n/messages/providers/netease-main';
import type { MailProvider, ProviderDomain } from './types';

// NetEase's main domain (163.com) as the wizard shows it until an address or the chooser names a
// provider: what most readers have. The page's first load carries this and not NetEase's whole
// data (./netease.ts, with its guide and its catalog in both languages), which arrives with the
// detection code once someone types. A test holds every fact and word here equal to netease.ts's.

const { text } = wordsFrom(NETEASE_MAIN_MESSAGES);

/** What the steps read of a provider: its name, its servers' note, its code and its login names. */
export type ShownProvider = Pick<MailProvider, 'id' | 'name' | 'credential' | 'usernameForm' | 'hostNote'>;

export const NETEASE_ID = 'netease';

export const NETEASE_MAIN_PROVIDER: ShownProvider = {
  id: NETEASE_ID,
  name: text((m) => m.name),
  usernameForm: { imap: 'address', smtp: 'address', pop3: 'address' },
  credential: { name: text((m) => m.credential), kind: 'code', format: { length: 16 }, shownOnce: true },
  hostNote: text((m) => m.hostNote),
};

export const NETEASE_MAIN_DOMAIN: ProviderDomain = {
  domain: '163.com',
  confirmed: true,
  name: text((m) => m.mainDomain),
  webmailUrl: 'https://mail.163.com',
  endpoints: {
    imap: { host: 'imap.163.com', port: 993, tls: 'implicit' },
    smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' },
    pop3: { host: 'pop.163.com', port: 995, tls: 'implicit' },
  },
  alternatives: [],
};
