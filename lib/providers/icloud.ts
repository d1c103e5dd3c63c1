import { wordsFrom } from '@/lib/i18n/localized';
import { ICLOUD_MESSAGES } from '@/lib/i18n/messages/providers/icloud';
import { diagnosesFrom, guideFrom } from './catalog';
import type { DomainInfo, MailEndpoints, MailProvider, ProviderDomain } from './types';

// Apple iCloud Mail. Three domains, one set of servers. Sending goes through 587 with
// STARTTLS: a client that opens TLS straight away on 587 fails there.

// The words are lib/i18n/messages/providers/icloud.ts's; this file keeps the facts.
const { text, list } = wordsFrom(ICLOUD_MESSAGES);

const ICLOUD_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.mail.me.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.mail.me.com', port: 587, tls: 'starttls' },
};

const WEBMAIL = 'https://www.icloud.com/mail';
const ACCOUNT_SITE = 'https://appleid.apple.com';

const DOMAINS: readonly DomainInfo[] = [
  { domain: 'icloud.com', confirmed: true, name: text((m) => m.domains['icloud.com']), webmailUrl: WEBMAIL },
  { domain: 'me.com', confirmed: true, name: text((m) => m.domains['me.com']), webmailUrl: WEBMAIL },
  { domain: 'mac.com', confirmed: true, name: text((m) => m.domains['mac.com']), webmailUrl: WEBMAIL },
];

const withEndpoints = (info: DomainInfo): ProviderDomain => ({ ...info, endpoints: ICLOUD_ENDPOINTS, alternatives: [] });

export const ICLOUD_MAIL: MailProvider = {
  id: 'icloud',
  name: text((m) => m.name),
  domains: DOMAINS.map(withEndpoints),
  // Thunderbird's ISPDB gives the local part for IMAP, users report the full address working:
  // the check tries the local part and, only if iCloud refuses that login, the address once.
  usernameForm: { imap: 'local_part', imapFallback: 'address', smtp: 'address' },
  credential: {
    name: text((m) => m.credential),
    // A password by name, but Apple makes it (xxxx-xxxx-xxxx-xxxx): a code in everything that counts here.
    kind: 'code',
    // Shown as xxxx-xxxx-xxxx-xxxx in lower-case letters; the hyphens are not counted.
    format: { length: 16, separator: '-' },
    // Copying at once is the safe advice; the record does not say whether Apple shows it again.
    shownOnce: true,
    prerequisite: text((m) => m.prerequisite),
  },
  settingsPath: text((m) => m.settingsPath),
  requiresIdAfterLogin: false,
  knownErrors: [
    {
      protocol: 'imap',
      // One answer for an Apple Account password instead of an app-specific one, a login name
      // iCloud does not take, and an alias instead of the primary address.
      match: 'AUTHENTICATIONFAILED',
      failure: 'auth_failed',
      sample: 'NO [AUTHENTICATIONFAILED] Authentication failed',
    },
  ],
  guide: guideFrom(ICLOUD_MESSAGES, { 'access-settings': { url: ACCOUNT_SITE } }),
  helpLinks: [
    { label: text((m) => m.helpLinks.account), url: ACCOUNT_SITE },
    { label: text((m) => m.helpLinks.web), url: WEBMAIL },
  ],
  notes: list((m) => m.notes),
  assumptions: list((m) => m.assumptions),
  diagnoses: diagnosesFrom(ICLOUD_MESSAGES),
};
