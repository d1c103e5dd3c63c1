import type { Locale } from '@/lib/i18n/locale';

// What MX discovery, the address guard and manual setup say to the user, by code
// (lib/discovery/messages.ts names the codes and hands these out in both languages). Plain data,
// so the manual-setup form can carry these strings to the browser. `{name}`-style placeholders are
// filled with `format`.

const zh = {
  // MX discovery's verdicts; `provider_guess` is `provider` from an unconfirmed mapping.
  mx: {
    provider: '从这个域名的收信记录（MX）认出了它的邮件服务商。',
    provider_guess: '从这个域名的收信记录（MX）看，它可能由我们认识的服务商托管，但这是推测，连接前请核对服务器设置。',
    unknown_provider: '这个域名有收信服务器，但不是我们认识的服务商。请手动填写服务器设置；我们按常见做法先填了一个猜测，最好向邮箱管理员确认。',
    no_mx: '这个域名没有设置收信服务器（MX 记录），可能收不到邮件。请检查“@”后面的部分，或手动填写服务器设置。',
    no_domain: '找不到这个域名。请检查“@”后面的部分是否拼写正确。',
    timeout: '查询这个域名的收信记录超时。可以稍后再试，或直接手动填写服务器设置。',
    dns_error: '暂时查不到这个域名的收信记录（域名服务器出错）。可以稍后再试，或直接手动填写服务器设置。',
    aborted: '查询已取消。',
  },
  // Where the servers step 1 found come from (lib/discovery/manual.ts GuessSource), under the
  // lookup's own line. `{domain}`: the address's domain as typed; `{publisher}`: the domain that
  // published the autoconfig file.
  source: {
    srv: '下面的服务器来自「{domain}」的 SRV 记录：这是域名自己在 DNS 里公布的收信和发信服务器。',
    autoconfig: '下面的服务器来自 {publisher} 发布的自动配置文件（autoconfig）。',
    hosted_service: '下面的服务器来自我们整理的企业邮箱服务商资料：「{domain}」的收信记录（MX）指向这家服务商。',
    guess: '下面的服务器是我们的猜测：没有找到这个域名自己公布的设置。',
  },
  // Why a server host was not connected to, in the user's terms. No text repeats the address a name
  // resolved to: the codes are for our logs.
  guard: {
    invalid_host: '服务器地址的格式不对。请填写域名（例如 imap.example.com）或 IP 地址。',
    unresolvable: '找不到这个服务器。请检查服务器地址的拼写。',
    timeout: '查找这个服务器的地址超时，请稍后再试。',
    dns_error: '暂时查不到这个服务器的地址，请稍后再试。',
    aborted: '检查已取消。',
    loopback: '这个服务器地址指向本机，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
    private: '这个服务器地址属于内部网络，我们无法从互联网连接到它。如果邮件服务器只在公司内网开放，这里无法使用。',
    provider_host: '这是我们认识的邮件服务商的服务器，不能用手动设置连接。请填写你在这家服务商的邮箱地址，按它的设置步骤操作。',
    // Link-local and metadata addresses share one text on purpose; so do the special-purpose ranges.
    localOnly: '这个服务器地址只在本地网络里有效，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
    specialPurpose: '这个服务器地址是保留或特殊用途的地址，不能用作邮件服务器。请填写邮件服务商公布的服务器地址。',
  },
  // Problems with one field of the manual server form.
  manualFields: {
    host_empty: '请填写服务器地址。',
    host_space: '服务器地址里不能有空格或看不见的字符。',
    host_has_port: '端口请填在“端口”一栏，这里只填服务器地址。',
    host_url: '只填服务器地址，例如 imap.example.com，不要带“://”、“/”或“@”。',
    host_too_long: '服务器地址太长，最多 253 个字符。',
    host_invalid: '服务器地址的格式不对。请填写域名（例如 imap.example.com）或 IP 地址。',
    host_ip_form: 'IP 地址请写成用点隔开的四组数字，例如 203.0.113.5。',
    host_single_label: '请填写完整的服务器地址，例如 imap.example.com。',
    port_invalid: '端口是 1 到 65535 之间的整数，例如 993。',
    port_not_mail_imap: '收信服务器（IMAP）的端口只能是 993（SSL/TLS）或 143（STARTTLS）：我们只连接收发邮件用的端口。',
    port_not_mail_smtp: '发信服务器（SMTP）的端口只能是 465（SSL/TLS）、587（STARTTLS）、25 或 2525：我们只连接收发邮件用的端口。',
    tls_invalid: '请选择加密方式：SSL/TLS 或 STARTTLS。',
    login_invalid: '登录名的格式不对，请重新填写。',
    login_invisible: '登录名里有换行、制表符或看不见的字符（常常是复制时带进来的），请删掉后重新输入。',
    login_too_long: '登录名太长，最多 254 个字符。',
  },
  // The link under a refused host to the provider's own steps, opened in a new tab.
  providerGuideLink: '在新标签页打开{provider}的设置步骤',
  // A typed host that is a known provider's server: what it is, then where to go instead. `{typed}`
  // is the host as typed, `{owned}` the provider's name for it, `{name}` the provider's name.
  providerHost: {
    own: '{typed} 是{name}的服务器，手动设置不能使用它。',
    alias: '{typed} 指向{name}的服务器 {owned}，手动设置不能使用它。',
    // A provider of companies' own domains is recognised by the domain's MX records.
    companyDomains:
      '公司域名的收信记录（MX）指向{name}时，我们会自动认出它，并按{name}自己的规则检测。请让管理员核对域名的 MX 记录，并按{name}的设置步骤操作。',
    // Any other provider: manual setup runs only for an address we did not recognise (vip.qq.com,
    // say, which no provider entry lists), so the text must not promise that this one will be.
    addressOnly:
      '上面的邮箱地址不是我们认得的{name}地址，而{name}的服务器我们只为认得的地址、按{name}自己的规则检测。如果你另有一个我们认得的{name}地址，请在上面改填它，按{name}的设置步骤操作；否则请向邮箱管理员要这个地址自己的服务器。',
    joined: '{what}{next}',
  },
};

export type DiscoveryMessages = typeof zh;

const en: DiscoveryMessages = {
  mx: {
    provider: "This domain's mail records (MX) point to a provider we know.",
    provider_guess: "This domain's mail records (MX) suggest a provider we know, but that is a guess: please check the server settings before connecting.",
    unknown_provider: 'This domain has mail servers, but not from a provider we know. Please enter the server settings yourself; we filled in a common guess, best confirmed with whoever runs your mail.',
    no_mx: 'This domain has no mail servers set up (no MX records), so it may not receive mail. Check the part after “@”, or enter the server settings yourself.',
    no_domain: 'This domain does not exist. Please check the spelling of the part after “@”.',
    timeout: "Looking up this domain's mail records took too long. Try again later, or enter the server settings yourself.",
    dns_error: "This domain's mail records cannot be looked up right now (its name servers answered with an error). Try again later, or enter the server settings yourself.",
    aborted: 'The lookup was cancelled.',
  },
  source: {
    srv: 'The servers below come from the SRV records of “{domain}”: the incoming and outgoing servers the domain itself publishes in DNS.',
    autoconfig: 'The servers below come from the autoconfig file published by {publisher}.',
    hosted_service: 'The servers below come from our list of company mail services: the mail records (MX) of “{domain}” point to that service.',
    guess: 'The servers below are our guess: we found no settings that the domain publishes itself.',
  },
  guard: {
    invalid_host: 'The server address is not valid. Please enter a host name (such as imap.example.com) or an IP address.',
    unresolvable: 'This server cannot be found. Please check the spelling of the server address.',
    timeout: "Looking up this server's address took too long. Please try again later.",
    dns_error: "This server's address cannot be looked up right now. Please try again later.",
    aborted: 'The check was cancelled.',
    loopback: 'This server address points back at our own machine and cannot be a mail server. Please use the server address your mail provider publishes.',
    private: 'This server address belongs to a private network that we cannot reach from the internet. A mail server open only inside a company network cannot be used here.',
    provider_host: 'This is a server of a mail provider we know, and manual setup cannot connect to it. Enter your address at that provider and follow its own setup steps.',
    localOnly: 'This server address only works inside a local network and cannot be a mail server. Please use the server address your mail provider publishes.',
    specialPurpose: 'This server address is reserved for special purposes and cannot be a mail server. Please use the server address your mail provider publishes.',
  },
  manualFields: {
    host_empty: 'Please enter the server address.',
    host_space: 'A server address cannot contain spaces or invisible characters.',
    host_has_port: 'Put the port in the “Port” field; this field takes the server address only.',
    host_url: 'Enter the server address only, such as imap.example.com, without “://”, “/” or “@”.',
    host_too_long: 'This server address is too long: 253 characters at most.',
    host_invalid: 'This is not a valid server address. Please enter a host name (such as imap.example.com) or an IP address.',
    host_ip_form: 'Please write an IP address as four numbers separated by dots, such as 203.0.113.5.',
    host_single_label: 'Please enter the full server address, such as imap.example.com.',
    port_invalid: 'The port is a whole number from 1 to 65535, such as 993.',
    port_not_mail_imap: 'The incoming (IMAP) port must be 993 (SSL/TLS) or 143 (STARTTLS): we only connect to the ports mail is served on.',
    port_not_mail_smtp: 'The outgoing (SMTP) port must be 465 (SSL/TLS), 587 (STARTTLS), 25 or 2525: we only connect to the ports mail is served on.',
    tls_invalid: 'Please choose the encryption: SSL/TLS or STARTTLS.',
    login_invalid: 'This login name cannot be used. Please type it again.',
    login_invisible: 'The login name has a line break, a tab or an invisible character in it (often brought along by copying). Please remove it and type the name again.',
    login_too_long: 'This login name is too long: 254 characters at most.',
  },
  providerGuideLink: "Open {provider}'s setup steps in a new tab",
  providerHost: {
    own: '{typed} is a server of {name}, and manual setup cannot use it.',
    alias: '{typed} points to {owned}, a server of {name}, and manual setup cannot use it.',
    companyDomains:
      "When your company domain's mail records (MX) point to {name}, we recognise it ourselves and check it by {name}'s own rules. Ask your administrator to check the domain's MX records, and follow {name}'s setup steps.",
    addressOnly:
      "The address above is not a {name} address we recognise, and we check {name}'s servers only for addresses we do, by {name}'s own rules. If you also have a {name} address we recognise, enter that one above and follow {name}'s setup steps; otherwise ask whoever runs your mail for this address's own servers.",
    joined: '{what} {next}',
  },
};

export const DISCOVERY_MESSAGES: Record<Locale, DiscoveryMessages> = { zh, en };
