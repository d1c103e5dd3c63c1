import { wordsFrom } from '@/lib/i18n/localized';
import { QQ_MESSAGES } from '@/lib/i18n/messages/providers/qq';
import { diagnosesFrom, guideFrom } from './catalog';
import type { MailEndpoints, MailProvider } from './types';

// QQ mail. qq.com and foxmail.com addresses live on the same servers and share one flow.

// The words are lib/i18n/messages/providers/qq.ts's; this file keeps the facts.
const { text, list } = wordsFrom(QQ_MESSAGES);

const QQ_ENDPOINTS: MailEndpoints = {
  imap: { host: 'imap.qq.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.qq.com', port: 465, tls: 'implicit' },
};

const WEBMAIL = 'https://mail.qq.com';

// The text QQ answers to five different causes; matched on both protocols, since the record
// does not say which one sends it and the words cannot be mistaken for anything else.
const FIVE_CAUSES =
  'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.';

export const QQ_MAIL: MailProvider = {
  id: 'qq',
  name: text((m) => m.name),
  domains: [
    {
      domain: 'qq.com',
      confirmed: true,
      name: text((m) => m.domains['qq.com']),
      webmailUrl: WEBMAIL,
      endpoints: QQ_ENDPOINTS,
      alternatives: [],
    },
    {
      domain: 'foxmail.com',
      confirmed: true,
      name: text((m) => m.domains['foxmail.com']),
      webmailUrl: WEBMAIL,
      endpoints: QQ_ENDPOINTS,
      alternatives: [],
    },
  ],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: text((m) => m.credential),
    kind: 'code',
    // Public samples are all lower-case letters; case is not enforced, as for NetEase.
    format: { length: 16 },
    // Not on record either way; telling the user to copy it at once costs nothing if QQ
    // shows it again.
    shownOnce: true,
  },
  settingsPath: text((m) => m.settingsPath),
  requiresIdAfterLogin: false,
  // The IMAP refusal is the five-cause text ("service is not open, password is incorrect...").
  // SMTP's answer can tell more: QQ names the QQ password outright there ("Please enter your
  // authorization code"), and an accepted SMTP login shows the code itself is right. QQ is not
  // on record banning IPs for refused logins, as NetEase does.
  smtpLoginAfterImapRefusal: true,
  knownErrors: [
    {
      protocol: 'smtp',
      replyCode: 535,
      // QQ says outright that the QQ password was typed instead of the code.
      match: 'Please enter your authorization code',
      failure: 'password_instead_of_code',
      sample:
        '535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    },
    {
      protocol: 'imap',
      match: 'Account is abnormal, service is not open',
      failure: 'auth_failed_or_limited',
      sample: FIVE_CAUSES,
    },
    {
      protocol: 'smtp',
      match: 'Account is abnormal, service is not open',
      failure: 'auth_failed_or_limited',
      sample: FIVE_CAUSES,
    },
  ],
  guide: guideFrom(QQ_MESSAGES, { 'access-settings': { url: WEBMAIL } }),
  helpLinks: [
    { label: text((m) => m.helpLinks.web), url: WEBMAIL },
    {
      // The page QQ's own 535 reply points to.
      label: text((m) => m.helpLinks.codeHelp),
      url: 'http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    },
  ],
  notes: list((m) => m.notes),
  assumptions: list((m) => m.assumptions),
  diagnoses: diagnosesFrom(QQ_MESSAGES),
};
