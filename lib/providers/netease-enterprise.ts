import { wordsFrom } from '@/lib/i18n/localized';
import { NETEASE_ENTERPRISE_MESSAGES } from '@/lib/i18n/messages/providers/netease-enterprise';
import { diagnosesFrom, guideFrom } from './catalog';
import type { MailEndpoints, MailProvider } from './types';

// NetEase enterprise mail hosts companies' own domains, so there is no list of domains to
// match: a domain is recognised by MX hosts under qiye.163.com and then given these servers.
// Domains are spread over server groups; the wrong group answers ERR.LOGIN.DOMAINNOTEXIST, and
// the cure is the other host set, hence the alternatives.

// The words are lib/i18n/messages/providers/netease-enterprise.ts's; this file keeps the facts.
const { text, list } = wordsFrom(NETEASE_ENTERPRISE_MESSAGES);

const PRIMARY: MailEndpoints = {
  imap: { host: 'hwhzimap.qiye.163.com', port: 993, tls: 'implicit' },
  smtp: { host: 'hwhzsmtp.qiye.163.com', port: 465, tls: 'implicit' },
};

const BACKUP: MailEndpoints = {
  imap: { host: 'imap.qiye.163.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.qiye.163.com', port: 465, tls: 'implicit' },
};

// imaphz.qiye.163.com is listed as well, without an SMTP host of its own: paired with the
// backup SMTP server, after both groups, so a wrong guess costs one more choice and nothing else.
const LISTED_ALSO: MailEndpoints = {
  imap: { host: 'imaphz.qiye.163.com', port: 993, tls: 'implicit' },
  smtp: BACKUP.smtp,
};

// NetEase's older free company mail (ym.163.com) publishes servers of its own; its domains are
// recognised by MX hosts under ym.163.com (lib/discovery/mx.ts), whose rule starts them on this
// set, the qiye.163.com groups following: a first login at a group that does not hold the domain
// would be a refused login for nothing. For every other domain it comes last, for the user to pick.
// Whether ym.163.com domains answer on the qiye.163.com groups is not on record.
const YM: MailEndpoints = {
  imap: { host: 'imap.ym.163.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.ym.163.com', port: 465, tls: 'implicit' },
};

const WEBMAIL = 'https://qiye.163.com';

export const NETEASE_ENTERPRISE: MailProvider = {
  id: 'netease-enterprise',
  name: text((m) => m.name),
  domains: [],
  customDomains: {
    endpoints: PRIMARY,
    alternatives: [BACKUP, LISTED_ALSO, YM],
    mxHostSuffixes: ['qiye.163.com'],
    webmailUrl: WEBMAIL,
  },
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: text((m) => m.credential),
    // Made by NetEase, 16 characters, shown once: a code, whatever the name. Which characters it
    // uses is not on record, but a generated code has no spaces or full-width forms, so the
    // cleaning cannot change a real one; it only rescues a copy that brought spaces along.
    kind: 'code',
    // 16 characters is on record; which characters is not, so only the length is assessed.
    format: { length: 16, alphabet: 'any' },
    shownOnce: true,
    named: true,
    expires: true,
  },
  settingsPath: text((m) => m.settingsPath),
  hostNote: text((m) => m.hostNote),
  // Not on record for the enterprise servers; the check sends ID after LOGIN anyway.
  requiresIdAfterLogin: false,
  // Only the error tokens are on record, not the words around them; the tokens are specific
  // enough to match anywhere in a reply, on either protocol.
  knownErrors: [
    { protocol: 'imap', match: 'ERR.LOGIN.IPDENY', failure: 'ip_not_allowed', sample: 'ERR.LOGIN.IPDENY' },
    { protocol: 'smtp', match: 'ERR.LOGIN.IPDENY', failure: 'ip_not_allowed', sample: 'ERR.LOGIN.IPDENY' },
    { protocol: 'imap', match: 'ERR.LOGIN.DOMAINNOTEXIST', failure: 'wrong_server_group', sample: 'ERR.LOGIN.DOMAINNOTEXIST' },
    { protocol: 'smtp', match: 'ERR.LOGIN.DOMAINNOTEXIST', failure: 'wrong_server_group', sample: 'ERR.LOGIN.DOMAINNOTEXIST' },
  ],
  guide: guideFrom(NETEASE_ENTERPRISE_MESSAGES, { 'access-settings': { url: WEBMAIL } }),
  helpLinks: [{ label: text((m) => m.helpLinks.web), url: WEBMAIL }],
  notes: list((m) => m.notes),
  assumptions: list((m) => m.assumptions),
  diagnoses: diagnosesFrom(NETEASE_ENTERPRISE_MESSAGES),
};
