import type { MailProvider } from './types';

// Any mail service we do not know, set up by hand: the user types the servers (lib/discovery/
// manual.ts) and the check connects only where the address guard allows. Not in PROVIDERS on
// purpose: it names no domains to detect, is no tile in the chooser, and its servers come from
// the user, so none of them may join the endpoint allow-list. `getProvider('manual')` finds it,
// so the check, the diagnosis and /accounts can speak of it. With nothing known about the
// service, there are no known errors and the diagnoses stay general.

export const MANUAL_PROVIDER: MailProvider = {
  id: 'manual',
  name: { zh: '其他邮箱', en: 'Other mail service' },
  domains: [],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: { zh: '邮箱密码或授权码', en: 'mailbox password or app password' },
    // Often the mailbox password itself, which a person chose: sent exactly as typed.
    kind: 'password',
    // Every service words and shapes it differently: no format, no warnings.
    shownOnce: false,
  },
  settingsPath: {
    zh: '邮箱网页版的设置里，名为“IMAP/SMTP”“POP3/SMTP/IMAP”或“第三方客户端”的一页',
    en: 'In your web mail settings, the page called “IMAP/SMTP”, “POP3/SMTP/IMAP” or “third-party clients”',
  },
  requiresIdAfterLogin: false,
  knownErrors: [],
  guide: [
    {
      id: 'core-parameters-configuration',
      title: { zh: '邮箱地址和服务器', en: 'Your address and servers' },
      instruction: {
        zh: '填写完整的邮箱地址。我们认不出这家邮件服务，所以请在地址下面填写它的收信（IMAP）和发信（SMTP）服务器。',
        en: 'Enter your whole email address. We do not recognise this mail service, so please enter its incoming (IMAP) and outgoing (SMTP) servers below the address.',
      },
      outcome: {
        zh: '服务器一栏先按常见做法填好了猜测；你改过的内容会一直保留。',
        en: 'The server fields start from a common guess; whatever you change is kept.',
      },
    },
    {
      id: 'access-settings',
      title: { zh: '找到邮箱的客户端设置', en: "Find your mailbox's client settings" },
      instruction: {
        zh: '在浏览器里登录你的邮箱，打开设置，找名为“IMAP/SMTP”“POP3/SMTP/IMAP”或“第三方客户端”的一页。找不到时，可以问邮箱管理员或服务商的客服。',
        en: 'Sign in to your mailbox in a browser, open its settings and look for a page called “IMAP/SMTP”, “POP3/SMTP/IMAP” or “third-party clients”. If there is none, ask whoever runs your mail or the provider’s support.',
      },
      location: {
        zh: '邮箱网页版 → 设置',
        en: 'Web mail → Settings',
      },
      outcome: {
        zh: '页面列出收发信服务的开关，常常也写着服务器地址和端口：和第 1 步填的不一样时，回到第 1 步改过来。',
        en: 'The page shows switches for the mail services, and often the server addresses and ports too: where they differ from step 1, go back and change them there.',
      },
    },
    {
      id: 'enable-service-and-get-code',
      title: { zh: '开启服务，准备密码', en: 'Switch the services on and get a password' },
      instruction: {
        zh: '把 IMAP 和 SMTP 两项服务都打开。如果服务商提供“授权码”“应用专用密码”或“客户端密码”，生成一个并复制下来；没有的话，通常可以直接用邮箱的登录密码。',
        en: 'Switch on both IMAP and SMTP. If the provider offers an “authorization code”, an “app password” or a “client password”, create one and copy it; if it offers none, the mailbox’s own password usually works.',
      },
      location: {
        zh: '同一页',
        en: 'The same page',
      },
      outcome: {
        zh: 'IMAP 和 SMTP 都显示为已开启，手上有要用的密码。',
        en: 'IMAP and SMTP both show as on, and you have the password to use.',
      },
    },
    {
      id: 'configure-in-client',
      title: { zh: '粘贴密码并检测', en: 'Paste the password and check' },
      instruction: {
        zh: '下面列出你在第 1 步填写的服务器，检测只连接它们。把密码粘贴到下面的框里，然后开始检测。',
        en: 'Below are the servers you entered in step 1; the check connects to those only. Paste the password in the field below and start the check.',
      },
      outcome: {
        zh: '收信和发信都检测通过后，邮箱会保存下来。',
        en: 'Once receiving and sending both pass, the mailbox is saved.',
      },
    },
  ],
  helpLinks: [],
  notes: [
    {
      zh: '服务器地址、端口和加密方式以你的邮件服务商公布的为准；我们预先填的只是按常见做法的猜测。',
      en: 'The server addresses, ports and encryption your mail provider publishes are what count; what we filled in is only a common guess.',
    },
  ],
  // The general texts of these codes speak of NetEase (its one reply for many causes, its
  // 16-letter code, its server names); for a service we know nothing of, plain ones.
  diagnoses: {
    auth_failed: {
      title: { zh: '邮件服务器没有接受这个地址和密码', en: 'The server did not accept the address and password' },
      explanation: {
        zh: '邮件服务器拒绝了这次登录，没有说明原因。请按下面的清单逐项检查。',
        en: 'The mail server refused the login without saying why. Please go through the list below.',
      },
      checklist: [
        {
          zh: '密码是否输入正确：复制时没有多带空格或别的字符。',
          en: 'Is the password exactly right, copied without extra spaces or characters?',
        },
        {
          zh: '如果服务商提供授权码或应用专用密码，这里要填它，而不是网页邮箱的登录密码。',
          en: 'If the provider offers an authorization code or app password, that is what goes here, not your web-mail password.',
        },
        {
          zh: '邮箱设置里 IMAP 和 SMTP 服务是否都已开启。',
          en: 'Are IMAP and SMTP both switched on in your mailbox settings?',
        },
        {
          zh: '服务商要求的用户名是否就是完整的邮箱地址（我们用完整地址登录）。',
          en: 'Does the provider expect the whole email address as the user name? We sign in with the whole address.',
        },
        {
          zh: '服务器地址是否是这个邮箱的：不同服务商的服务器不能混用。',
          en: "Are these your mailbox's own servers? One provider's servers do not work for another's mailboxes.",
        },
      ],
      guideStep: 'enable-service-and-get-code',
    },
    unreachable: {
      explanation: {
        zh: '找不到这个服务器，它的地址不能从互联网连接，或者这个端口拒绝了连接。',
        en: 'The server cannot be found, its address cannot be reached from the internet, or the port refused the connection.',
      },
      checklist: [
        {
          zh: '核对服务器地址的拼写，以邮件服务商公布的为准。',
          en: 'Check the spelling of the server address against what your mail provider publishes.',
        },
        {
          zh: '核对端口和加密方式：IMAP 一般是 993（SSL/TLS），SMTP 一般是 465（SSL/TLS）或 587（STARTTLS）。',
          en: 'Check the port and encryption: IMAP is usually 993 (SSL/TLS), SMTP usually 465 (SSL/TLS) or 587 (STARTTLS).',
        },
        {
          zh: '只在公司内网开放的邮件服务器，我们从互联网连不到。',
          en: 'A mail server open only inside a company network cannot be reached from the internet.',
        },
      ],
      guideStep: 'configure-in-client',
    },
    // The general text says a TLS failure is not the user's doing; with typed servers it
    // usually is: a name the certificate does not carry, or the encryption of another port.
    tls_failed: {
      explanation: {
        zh: '没能和服务器建立可信的加密连接：它的证书不是给这个服务器地址的，证书无法验证，或者加密方式和端口对不上。为了保护你的密码，我们不会在无法信任的连接上发送它。',
        en: "No trusted encrypted connection could be set up: the server's certificate is not for this server address or cannot be verified, or the encryption does not match the port. To protect your password, we never send it over a connection we cannot trust.",
      },
      checklist: [
        {
          zh: '服务器地址请填服务商公布的名称（证书上写的就是它），不要填 IP 地址或别名。',
          en: 'Use the server name your provider publishes (the one its certificate carries), not an IP address or another alias.',
        },
        {
          zh: '核对加密方式和端口：SSL/TLS 一般配 993（IMAP）和 465（SMTP），STARTTLS 一般配 143（IMAP）和 587（SMTP）。',
          en: 'Check that encryption and port go together: SSL/TLS usually with 993 (IMAP) and 465 (SMTP), STARTTLS with 143 (IMAP) and 587 (SMTP).',
        },
        {
          zh: '自签名证书无法通过验证，这样的服务器不能在这里使用。',
          en: 'A self-signed certificate cannot be verified, so such a server cannot be used here.',
        },
      ],
      guideStep: 'configure-in-client',
    },
    no_auth_offered: {
      checklist: [
        { zh: '核对发信服务器（SMTP）的地址和端口。', en: 'Check the SMTP server name and port.' },
        {
          zh: '端口 25 通常只用于服务器之间转发邮件；邮件客户端发信一般用 465（SSL/TLS）或 587（STARTTLS）。',
          en: 'Port 25 is usually for mail passed between servers; mail apps send through 465 (SSL/TLS) or 587 (STARTTLS).',
        },
      ],
      guideStep: 'configure-in-client',
    },
  },
  assumptions: [
    {
      zh: '我们不认识这家邮件服务，所以不检查密码的格式，出错时也只能给出一般的检查清单。',
      en: 'We do not know this mail service, so we do not check the password’s format, and a failure gets the general checklist only.',
    },
  ],
};
