import type { Localized } from '@/lib/i18n/locale';

// What discovery and manual setup say to the user, Chinese first. Plain data with no imports
// beyond types, so the manual-setup form can carry these strings to the browser.

/** Keys of the MX discovery messages; `provider_guess` is `provider` from an unconfirmed mapping. */
export type MxMessageKey =
  | 'provider'
  | 'provider_guess'
  | 'unknown_provider'
  | 'no_mx'
  | 'no_domain'
  | 'timeout'
  | 'dns_error'
  | 'aborted';

export const MX_MESSAGES: Readonly<Record<MxMessageKey, Localized>> = {
  provider: {
    zh: '从这个域名的收信记录（MX）认出了它的邮件服务商。',
    en: "This domain's mail records (MX) point to a provider we know.",
  },
  provider_guess: {
    zh: '从这个域名的收信记录（MX）看，它可能由我们认识的服务商托管，但这是推测，连接前请核对服务器设置。',
    en: "This domain's mail records (MX) suggest a provider we know, but that is a guess: please check the server settings before connecting.",
  },
  unknown_provider: {
    zh: '这个域名有收信服务器，但不是我们认识的服务商。请手动填写服务器设置；我们按常见做法先填了一个猜测，最好向邮箱管理员确认。',
    en: 'This domain has mail servers, but not from a provider we know. Please enter the server settings yourself; we filled in a common guess, best confirmed with whoever runs your mail.',
  },
  no_mx: {
    zh: '这个域名没有设置收信服务器（MX 记录），可能收不到邮件。请检查“@”后面的部分，或手动填写服务器设置。',
    en: 'This domain has no mail servers set up (no MX records), so it may not receive mail. Check the part after “@”, or enter the server settings yourself.',
  },
  no_domain: {
    zh: '找不到这个域名。请检查“@”后面的部分是否拼写正确。',
    en: 'This domain does not exist. Please check the spelling of the part after “@”.',
  },
  timeout: {
    zh: '查询这个域名的收信记录超时。可以稍后再试，或直接手动填写服务器设置。',
    en: "Looking up this domain's mail records took too long. Try again later, or enter the server settings yourself.",
  },
  dns_error: {
    zh: '暂时查不到这个域名的收信记录（域名服务器出错）。可以稍后再试，或直接手动填写服务器设置。',
    en: "This domain's mail records cannot be looked up right now (its name servers answered with an error). Try again later, or enter the server settings yourself.",
  },
  aborted: {
    zh: '查询已取消。',
    en: 'The lookup was cancelled.',
  },
};

/** Why a server host was not connected to. */
export type GuardRefusalCode =
  | 'invalid_host'
  | 'unresolvable'
  | 'timeout'
  | 'dns_error'
  | 'aborted'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  // Not the address guard's own: the host is a known provider's server (lib/providers/
  // provider-hosts.ts), which manual setup does not dial; the check words it per provider.
  | 'provider_host';

// The reason is given in the user's terms. Link-local and metadata addresses share one text on
// purpose, and no text repeats the address a name resolved to: the codes are for our logs.
const LOCAL_ONLY: Localized = {
  zh: '这个服务器地址只在本地网络里有效，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
  en: "This server address only works inside a local network and cannot be a mail server. Please use the server address your mail provider publishes.",
};
const SPECIAL_PURPOSE: Localized = {
  zh: '这个服务器地址是保留或特殊用途的地址，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
  en: 'This server address is reserved for special purposes and cannot be a mail server. Please use the server address your mail provider publishes.',
};

export const GUARD_MESSAGES: Readonly<Record<GuardRefusalCode, Localized>> = {
  invalid_host: {
    zh: '服务器地址的格式不对。请填写域名（例如 imap.example.com）或 IP 地址。',
    en: 'The server address is not valid. Please enter a host name (such as imap.example.com) or an IP address.',
  },
  unresolvable: {
    zh: '找不到这个服务器。请检查服务器地址的拼写。',
    en: 'This server cannot be found. Please check the spelling of the server address.',
  },
  timeout: {
    zh: '查找这个服务器的地址超时，请稍后再试。',
    en: "Looking up this server's address took too long. Please try again later.",
  },
  dns_error: {
    zh: '暂时查不到这个服务器的地址，请稍后再试。',
    en: "This server's address cannot be looked up right now. Please try again later.",
  },
  aborted: {
    zh: '检查已取消。',
    en: 'The check was cancelled.',
  },
  loopback: {
    zh: '这个服务器地址指向本机，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
    en: "This server address points back at our own machine and cannot be a mail server. Please use the server address your mail provider publishes.",
  },
  private: {
    zh: '这个服务器地址属于内部网络，我们无法从互联网连接到它。如果邮件服务器只在公司内网开放，这里无法使用。',
    en: 'This server address belongs to a private network that we cannot reach from the internet. A mail server open only inside a company network cannot be used here.',
  },
  link_local: LOCAL_ONLY,
  metadata: LOCAL_ONLY,
  unspecified: SPECIAL_PURPOSE,
  multicast: SPECIAL_PURPOSE,
  reserved: SPECIAL_PURPOSE,
  provider_host: {
    zh: '这是我们认识的邮件服务商的服务器，不能用手动设置连接。请填写你在这家服务商的邮箱地址，按它的设置步骤操作。',
    en: 'This is a server of a mail provider we know, and manual setup cannot connect to it. Enter your address at that provider and follow its own setup steps.',
  },
};

/**
 * Why a typed host is refused for being `provider`'s server, naming the provider. `owned` is the
 * provider's name for it: the typed host itself, or the name it is an alias of. The address is
 * always one no provider was recognised by (else there would be no manual setup). A provider of
 * companies' own domains (NetEase Enterprise) is recognised by the domain's MX records instead
 * of by an address, so its text says where to look.
 */
export function providerHostMessage(
  provider: { name: Localized; hostsCompanyDomains: boolean },
  typed: string,
  owned: string,
): Localized {
  const { zh: name, en: nameEn } = provider.name;
  const what: Localized =
    typed === owned
      ? { zh: `${typed} 是${name}的服务器，手动设置不能使用它。`, en: `${typed} is a server of ${nameEn}, and manual setup cannot use it.` }
      : {
          zh: `${typed} 指向${name}的服务器 ${owned}，手动设置不能使用它。`,
          en: `${typed} points to ${owned}, a server of ${nameEn}, and manual setup cannot use it.`,
        };
  const next: Localized = provider.hostsCompanyDomains
    ? {
        zh: `公司域名的收信记录（MX）指向${name}时，我们会自动认出它，并按${name}自己的规则检测。请让管理员核对域名的 MX 记录，并按${name}的设置步骤操作。`,
        en: `When your company domain's mail records (MX) point to ${nameEn}, we recognise it ourselves and check it by ${nameEn}'s own rules. Ask your administrator to check the domain's MX records, and follow ${nameEn}'s setup steps.`,
      }
    : // Manual setup runs only for an address we did not recognise (vip.qq.com, say, which no
      // provider entry lists), so the text must not promise that this one will be.
      {
        zh: `上面的邮箱地址不是我们认得的${name}地址，而${name}的服务器我们只为认得的地址、按${name}自己的规则检测。如果你另有一个我们认得的${name}地址，请在上面改填它，按${name}的设置步骤操作；否则请向邮箱管理员要这个地址自己的服务器。`,
        en: `The address above is not a ${nameEn} address we recognise, and we check ${nameEn}'s servers only for addresses we do, by ${nameEn}'s own rules. If you also have a ${nameEn} address we recognise, enter that one above and follow ${nameEn}'s setup steps; otherwise ask whoever runs your mail for this address's own servers.`,
      };
  return { zh: `${what.zh}${next.zh}`, en: `${what.en} ${next.en}` };
}

/** The link under a refused host to the provider's own steps, opened in a new tab; `{provider}` is its name. */
export const PROVIDER_GUIDE_LINK: Localized = {
  zh: '在新标签页打开{provider}的设置步骤',
  en: "Open {provider}'s setup steps in a new tab",
};

/** Problems with one field of the manual server form. */
export type ManualFieldProblem =
  | 'host_empty'
  | 'host_space'
  | 'host_has_port'
  | 'host_url'
  | 'host_too_long'
  | 'host_invalid'
  | 'host_ip_form'
  | 'host_single_label'
  | 'port_invalid'
  | 'port_not_mail_imap'
  | 'port_not_mail_smtp'
  | 'tls_invalid';

export const MANUAL_FIELD_MESSAGES: Readonly<Record<ManualFieldProblem, Localized>> = {
  host_empty: {
    zh: '请填写服务器地址。',
    en: 'Please enter the server address.',
  },
  host_space: {
    zh: '服务器地址里不能有空格或看不见的字符。',
    en: 'A server address cannot contain spaces or invisible characters.',
  },
  host_has_port: {
    zh: '端口请填在“端口”一栏，这里只填服务器地址。',
    en: 'Put the port in the “Port” field; this field takes the server address only.',
  },
  host_url: {
    zh: '只填服务器地址，例如 imap.example.com，不要带“://”、“/”或“@”。',
    en: 'Enter the server address only, such as imap.example.com, without “://”, “/” or “@”.',
  },
  host_too_long: {
    zh: '服务器地址太长，最多 253 个字符。',
    en: 'This server address is too long: 253 characters at most.',
  },
  host_invalid: {
    zh: '服务器地址的格式不对。请填写域名（例如 imap.example.com）或 IP 地址。',
    en: 'This is not a valid server address. Please enter a host name (such as imap.example.com) or an IP address.',
  },
  host_ip_form: {
    zh: 'IP 地址请写成用点隔开的四组数字，例如 203.0.113.5。',
    en: 'Please write an IP address as four numbers separated by dots, such as 203.0.113.5.',
  },
  host_single_label: {
    zh: '请填写完整的服务器地址，例如 imap.example.com。',
    en: 'Please enter the full server address, such as imap.example.com.',
  },
  port_invalid: {
    zh: '端口是 1 到 65535 之间的整数，例如 993。',
    en: 'The port is a whole number from 1 to 65535, such as 993.',
  },
  port_not_mail_imap: {
    zh: '收信服务器（IMAP）的端口只能是 993（SSL/TLS）或 143（STARTTLS）：我们只连接收发邮件用的端口。',
    en: 'The incoming (IMAP) port must be 993 (SSL/TLS) or 143 (STARTTLS): we only connect to the ports mail is served on.',
  },
  port_not_mail_smtp: {
    zh: '发信服务器（SMTP）的端口只能是 465（SSL/TLS）、587（STARTTLS）、25 或 2525：我们只连接收发邮件用的端口。',
    en: 'The outgoing (SMTP) port must be 465 (SSL/TLS), 587 (STARTTLS), 25 or 2525: we only connect to the ports mail is served on.',
  },
  tls_invalid: {
    zh: '请选择加密方式：SSL/TLS 或 STARTTLS。',
    en: 'Please choose the encryption: SSL/TLS or STARTTLS.',
  },
};
