import { wordsFrom } from '@/lib/i18n/localized';
import { NETEASE_MESSAGES } from '@/lib/i18n/messages/providers/netease';
import type { WrittenGuideText } from '@/lib/i18n/messages/written-guides';
import { guideFrom } from './catalog';
import type { DomainInfo, MailEndpoints, MailProvider, ProviderDomain, WrittenGuideStep } from './types';

// NetEase personal mail: seven domains, one host pattern. The words are
// lib/i18n/messages/providers/netease.ts's; this file keeps the facts.
const { text, list } = wordsFrom(NETEASE_MESSAGES);

// Every NetEase personal domain follows one host pattern; building the endpoints from it
// keeps the seven domains from drifting apart when a port changes.
function neteaseEndpoints(hostDomain: string): MailEndpoints {
  return {
    imap: { host: `imap.${hostDomain}`, port: 993, tls: 'implicit' },
    // 994 and 25 (STARTTLS) are also published; 465 is the one every source agrees on.
    smtp: { host: `smtp.${hostDomain}`, port: 465, tls: 'implicit' },
    pop3: { host: `pop.${hostDomain}`, port: 995, tls: 'implicit' },
  };
}

// The seed guide recommends the 163.com servers for every suffix, but a public report shows
// a 126.com address failing on imap.163.com exactly like a wrong password. The suffix's own
// servers are therefore the default and the 163.com set the fallback.
const FALLBACK_HOST_DOMAIN = '163.com';

const DOMAINS: readonly DomainInfo[] = [
  {
    domain: '163.com',
    confirmed: true,
    name: text((m) => m.domains['163.com']),
    webmailUrl: 'https://mail.163.com',
  },
  {
    domain: '126.com',
    confirmed: true,
    name: text((m) => m.domains['126.com']),
    webmailUrl: 'https://mail.126.com',
  },
  {
    domain: 'yeah.net',
    confirmed: true,
    name: text((m) => m.domains['yeah.net']),
    webmailUrl: 'https://mail.yeah.net',
  },
  {
    domain: '188.com',
    confirmed: false,
    name: text((m) => m.domains['188.com']),
    webmailUrl: 'https://mail.188.com',
  },
  {
    domain: 'vip.163.com',
    confirmed: false,
    name: text((m) => m.domains['vip.163.com']),
    webmailUrl: 'https://vip.163.com',
  },
  {
    domain: 'vip.126.com',
    confirmed: false,
    name: text((m) => m.domains['vip.126.com']),
    webmailUrl: 'https://vip.126.com',
  },
  {
    domain: 'vip.188.com',
    confirmed: false,
    name: text((m) => m.domains['vip.188.com']),
    webmailUrl: 'https://vip.188.com',
  },
];

function withEndpoints(info: DomainInfo): ProviderDomain {
  return {
    ...info,
    endpoints: neteaseEndpoints(info.domain),
    alternatives: info.domain === FALLBACK_HOST_DOMAIN ? [] : [neteaseEndpoints(FALLBACK_HOST_DOMAIN)],
  };
}

// Steps 2 to 4 as the wizard shows them: written out at length around drawings of NetEase's own
// screens, in this order. The numbered lists continue through a step, so their numbers match the
// call-outs on the drawings. The words are NetEase's written guide
// (lib/i18n/messages/written-guides.ts).
type WrittenWords<Step extends Exclude<keyof WrittenGuideText, 'figures'>> = Extract<keyof WrittenGuideText[Step], string>;

const WRITTEN_ACCESS: WrittenGuideStep<WrittenWords<'access-settings'>> = {
  body: [
    { kind: 'text', tone: 'lead', text: 'intro' },
    { kind: 'webmail-link', text: 'open' },
    { kind: 'other-webmails', text: 'otherWebmail' },
    { kind: 'steps', items: 'instructions' },
    { kind: 'settings-path', text: 'path' },
    { kind: 'figure', figure: 'webmail' },
    { kind: 'text', tone: 'muted', text: 'phoneNote' },
  ],
};

const WRITTEN_ENABLE: WrittenGuideStep<WrittenWords<'enable-service-and-get-code'>> = {
  body: [
    { kind: 'text', tone: 'lead', text: 'intro' },
    { kind: 'steps', items: 'switchOn' },
    { kind: 'figure', figure: 'switches' },
    { kind: 'steps', items: 'verify' },
    { kind: 'text', tone: 'muted', text: 'noPhone' },
    { kind: 'figure', figure: 'sms' },
    { kind: 'steps', items: 'copy' },
    { kind: 'figure', figure: 'code' },
    { kind: 'warning', id: 'code-once', title: 'onceTitle', text: 'once' },
    { kind: 'text', tone: 'plain', text: 'afterCode' },
  ],
};

const WRITTEN_CONFIGURE: WrittenGuideStep<WrittenWords<'configure-in-client'>> = {
  body: [
    { kind: 'text', tone: 'lead', text: 'intro' },
    { kind: 'steps', items: 'instructions' },
    { kind: 'figure', figure: 'client' },
  ],
  // What the account list shows once the check has passed, under the form that runs it.
  afterForm: [{ kind: 'figure', figure: 'status' }],
};

// The four steps for NetEase, as data: the summaries below, and steps 2 to 4 written out.
const GUIDE = guideFrom(NETEASE_MESSAGES, {
  'access-settings': { url: 'https://mail.163.com', written: WRITTEN_ACCESS },
  'enable-service-and-get-code': { written: WRITTEN_ENABLE },
  'configure-in-client': { written: WRITTEN_CONFIGURE },
});

export const NETEASE_PERSONAL: MailProvider = {
  id: 'netease',
  name: text((m) => m.name),
  domains: DOMAINS.map(withEndpoints),
  usernameForm: { imap: 'address', smtp: 'address', pop3: 'address' },
  credential: {
    name: text((m) => m.credential),
    kind: 'code',
    // Public samples show upper, lower and mixed case, so case is not part of the format.
    format: { length: 16 },
    shownOnce: true,
  },
  settingsPath: text((m) => m.settingsPath),
  hostNote: text((m) => m.hostNote),
  requiresIdAfterLogin: true,
  knownErrors: [
    {
      protocol: 'imap',
      // The same words cover a wrong or revoked code, the web password, IMAP switched off
      // and a 126 address on a 163 host: the UI needs a checklist, not "wrong password".
      match: 'Login error or password error',
      failure: 'auth_failed',
      sample: 'NO LOGIN Login error or password error',
    },
    {
      protocol: 'imap',
      match: 'Unsafe Login',
      failure: 'unsafe_login',
      sample: 'NO SELECT Unsafe Login. Please contact kefu@188.com for help',
    },
    {
      protocol: 'smtp',
      replyCode: 535,
      match: 'authentication failed',
      failure: 'auth_failed',
      sample: '535 Error: authentication failed',
    },
    {
      protocol: 'smtp',
      replyCode: 550,
      // Sent at AUTH and again at MAIL FROM when the SMTP switch is off.
      match: 'User has no permission',
      failure: 'smtp_not_enabled',
      sample: '550 User has no permission',
    },
    {
      protocol: 'smtp',
      replyCode: 553,
      match: 'Local user only',
      failure: 'sender_rejected',
      sample: '553 Local user only,...',
    },
    {
      protocol: 'smtp',
      replyCode: 554,
      // Failed logins ban our server's IP, which every user's test shares.
      match: 'IP is rejected',
      failure: 'ip_banned',
      sample: '554 IP is rejected, smtp auth error limit exceed',
    },
    {
      protocol: 'smtp',
      replyCode: 451,
      match: 'too much fail authentication',
      failure: 'ip_banned',
      sample: '451 Requested mail action not taken: too much fail authentication',
    },
    {
      protocol: 'smtp',
      replyCode: 554,
      // A spam verdict on the message, not a setup problem.
      match: 'DT:SPM',
      failure: 'content_flagged',
      sample: '554 DT:SPM ...',
    },
  ],
  guide: GUIDE,
  helpLinks: [
    { label: text((m) => m.helpLinks.web163), url: 'https://mail.163.com' },
    { label: text((m) => m.helpLinks.web126), url: 'https://mail.126.com' },
    { label: text((m) => m.helpLinks.webYeah), url: 'https://mail.yeah.net' },
  ],
  notes: list((m) => m.notes),
  assumptions: list((m) => m.assumptions),
};
