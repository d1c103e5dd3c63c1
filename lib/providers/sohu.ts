import { wordsFrom } from '@/lib/i18n/localized';
import { SOHU_MESSAGES } from '@/lib/i18n/messages/providers/sohu';
import { diagnosesFrom, guideFrom } from './catalog';
import type { MailEndpoints, MailProvider } from './types';

// Sohu mail. No failure texts of Sohu's are on record, so it has no knownErrors: its refusals
// fall to the generic rules, and its auth_failed diagnosis carries what we do know, the
// IP-whitelist mode among it.

// The words are lib/i18n/messages/providers/sohu.ts's; this file keeps the facts.
const { text, list } = wordsFrom(SOHU_MESSAGES);

const SOHU_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.sohu.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.sohu.com', port: 465, tls: 'implicit' },
};

const WEBMAIL = 'https://mail.sohu.com';

export const SOHU_MAIL: MailProvider = {
  id: 'sohu',
  name: text((m) => m.name),
  domains: [
    {
      domain: 'sohu.com',
      confirmed: true,
      name: text((m) => m.domains['sohu.com']),
      webmailUrl: WEBMAIL,
      endpoints: SOHU_ENDPOINTS,
      alternatives: [],
    },
  ],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: text((m) => m.credential),
    // With no format on record, a space or a full-width letter may be part of it: sent as typed.
    kind: 'password',
    // Nothing reliable is on record about its length or characters: no format, no warnings.
    shownOnce: true,
  },
  settingsPath: text((m) => m.settingsPath),
  requiresIdAfterLogin: false,
  knownErrors: [],
  guide: guideFrom(SOHU_MESSAGES, { 'access-settings': { url: WEBMAIL } }),
  helpLinks: [{ label: text((m) => m.helpLinks.web), url: WEBMAIL }],
  notes: list((m) => m.notes),
  assumptions: list((m) => m.assumptions),
  diagnoses: diagnosesFrom(SOHU_MESSAGES),
};
