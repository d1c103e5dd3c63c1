import type { MailEndpoints } from '../../lib/providers/types';
import { startProviderImap, type ImapScript, type LoginNameRule, type ProviderImapServer } from './provider-imap';
import { startProviderSmtp, type ProviderSmtpServer, type SmtpScript } from './provider-smtp';

// What each provider says, for the scripted peers. The failure texts are the providers' own
// words as the provider notes record them (../shared/reference/providers.md); everything else
// (greetings, the words around a bare error token, a plain "authentication failed") is a
// neutral stand-in, since nothing more is on record, and says so with "(simulated)".

export type ScriptedProviderId = 'qq' | 'sohu' | 'icloud' | 'netease-enterprise';

export interface ProviderScript {
  imap: ImapScript;
  smtp: SmtpScript;
  /** How the provider's submission port is secured. */
  smtpTls: 'implicit' | 'starttls';
}

export const QQ_FIVE_CAUSES =
  'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.';
export const QQ_ENTER_AUTH_CODE =
  'Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256';
export const ICLOUD_AUTH_FAILED = '[AUTHENTICATIONFAILED] Authentication failed';
export const ENTERPRISE_IP_DENY = 'ERR.LOGIN.IPDENY';
export const ENTERPRISE_DOMAIN_NOT_EXIST = 'ERR.LOGIN.DOMAINNOTEXIST';

const neutralImap = (name: string) => ({
  greeting: `* OK IMAP4rev1 ${name} ready (simulated)`,
  // No AUTH= mechanisms: clients log in with LOGIN, the command the check uses.
  capabilities: 'IMAP4rev1 ID LITERAL+',
  idReply: `* ID ("name" "${name} (simulated)")`,
});

export const PROVIDER_SCRIPTS: Record<ScriptedProviderId, ProviderScript> = {
  qq: {
    imap: {
      provider: 'qq',
      ...neutralImap('QQ Mail'),
      // QQ's one answer to a wrong code, a switched-off service, an abnormal account, a rate
      // limit and a busy server; which protocol sends it is not on record, so both do here.
      loginFailed: QQ_FIVE_CAUSES,
      refusals: { limited: QQ_FIVE_CAUSES },
      loginNames: 'address',
    },
    smtp: {
      provider: 'qq',
      name: 'smtp.qq.com',
      banner: 'ESMTP (simulated QQ Mail)',
      authFailed: { code: 535, text: QQ_FIVE_CAUSES },
      webPasswordUsed: { code: 535, text: QQ_ENTER_AUTH_CODE },
      refusals: { limited: { code: 535, text: QQ_FIVE_CAUSES } },
      loginNames: 'address',
    },
    smtpTls: 'implicit',
  },
  sohu: {
    // None of Sohu's failure texts are on record: plain, provider-neutral refusals.
    imap: {
      provider: 'sohu',
      ...neutralImap('Sohu Mail'),
      loginFailed: 'LOGIN failed (simulated)',
      refusals: {},
      loginNames: 'address',
    },
    smtp: {
      provider: 'sohu',
      name: 'smtp.sohu.com',
      banner: 'ESMTP (simulated Sohu Mail)',
      authFailed: { code: 535, text: '5.7.8 Authentication failed (simulated)' },
      refusals: {},
      loginNames: 'address',
    },
    smtpTls: 'implicit',
  },
  icloud: {
    imap: {
      provider: 'icloud',
      ...neutralImap('iCloud Mail'),
      // One answer for an Apple Account password, a login name iCloud does not take, an alias.
      loginFailed: ICLOUD_AUTH_FAILED,
      refusals: {},
      // The record disagrees on the form (local part per ISPDB, full address per users), so a
      // test sets the one it plays.
      loginNames: 'either',
    },
    smtp: {
      provider: 'icloud',
      name: 'smtp.mail.me.com',
      banner: 'ESMTP (simulated iCloud Mail)',
      authFailed: { code: 535, text: '5.7.8 Authentication failed (simulated)' },
      refusals: {},
      loginNames: 'address',
    },
    // 587 with STARTTLS; implicit TLS there fails.
    smtpTls: 'starttls',
  },
  'netease-enterprise': {
    // Only the error tokens are on record, not the words or reply codes around them.
    imap: {
      provider: 'netease-enterprise',
      ...neutralImap('NetEase Enterprise Mail'),
      loginFailed: 'LOGIN Login failed (simulated)',
      domainNotServed: `LOGIN ${ENTERPRISE_DOMAIN_NOT_EXIST} (simulated)`,
      refusals: { ip_denied: `LOGIN ${ENTERPRISE_IP_DENY} (simulated)` },
      loginNames: 'address',
    },
    smtp: {
      provider: 'netease-enterprise',
      name: 'hwhzsmtp.qiye.163.com',
      banner: 'ESMTP (simulated NetEase Enterprise Mail)',
      authFailed: { code: 535, text: 'Authentication failed (simulated)' },
      domainNotServed: { code: 535, text: `${ENTERPRISE_DOMAIN_NOT_EXIST} (simulated)` },
      refusals: { ip_denied: { code: 535, text: `${ENTERPRISE_IP_DENY} (simulated)` } },
      loginNames: 'address',
    },
    smtpTls: 'implicit',
  },
};

export interface ProviderPeersOptions {
  users: Record<string, string>;
  webPasswords?: Record<string, string>;
  /** IMAP only: which login names the account takes (iCloud's is not settled). */
  imapLoginNames?: LoginNameRule;
  servedDomains?: readonly string[];
}

export interface ProviderPeers {
  imap: ProviderImapServer;
  smtp: ProviderSmtpServer;
  /** Where a check finds these peers, with the provider's TLS modes. */
  endpoints: MailEndpoints;
  stop(): Promise<void>;
}

/** The IMAP and SMTP peers of one provider, on loopback with the test CA. */
export async function startProviderPeers(providerId: ScriptedProviderId, options: ProviderPeersOptions): Promise<ProviderPeers> {
  const script = PROVIDER_SCRIPTS[providerId];
  const [imap, smtp] = await Promise.all([
    startProviderImap({
      script: script.imap,
      users: options.users,
      webPasswords: options.webPasswords,
      loginNames: options.imapLoginNames,
      servedDomains: options.servedDomains,
    }),
    startProviderSmtp({
      script: script.smtp,
      users: options.users,
      webPasswords: options.webPasswords,
      tls: script.smtpTls,
      servedDomains: options.servedDomains,
    }),
  ]);
  return {
    imap,
    smtp,
    endpoints: {
      imap: { host: imap.host, port: imap.port, tls: 'implicit' },
      smtp: { host: smtp.host, port: smtp.port, tls: script.smtpTls },
    },
    stop: async () => {
      await Promise.all([imap.stop(), smtp.stop()]);
    },
  };
}
