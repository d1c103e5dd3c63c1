import type { Locale } from '@/lib/i18n/locale';

// The words of manual setup, for any mail service we do not know: generic steps, and plain
// diagnoses where the general ones speak of NetEase. The facts (servers, formats, the replies it is
// known by) are lib/providers/manual.ts, which names these entries.

const zh = {
  name: '其他邮箱',
  credential: '邮箱密码或授权码',
  settingsPath: '邮箱网页版的设置里，名为“IMAP/SMTP”“POP3/SMTP/IMAP”或“第三方客户端”的一页',
  guide: {
    'core-parameters-configuration': {
      title: '邮箱地址和服务器',
      instruction: '填写完整的邮箱地址。我们认不出这家邮件服务，所以请在地址下面填写它的收信（IMAP）和发信（SMTP）服务器。',
      outcome: '服务器一栏先按常见做法填好了猜测；你改过的内容会一直保留。',
    },
    'access-settings': {
      title: '找到邮箱的客户端设置',
      instruction: '在浏览器里登录你的邮箱，打开设置，找名为“IMAP/SMTP”“POP3/SMTP/IMAP”或“第三方客户端”的一页。找不到时，可以问邮箱管理员或服务商的客服。',
      location: '邮箱网页版 → 设置',
      outcome: '页面列出收发信服务的开关，常常也写着服务器地址和端口：和第 1 步填的不一样时，回到第 1 步改过来。',
    },
    'enable-service-and-get-code': {
      title: '开启服务，准备密码',
      instruction: '把 IMAP 和 SMTP 两项服务都打开。如果服务商提供“授权码”“应用专用密码”或“客户端密码”，生成一个并复制下来；没有的话，通常可以直接用邮箱的登录密码。',
      location: '同一页',
      outcome: 'IMAP 和 SMTP 都显示为已开启，手上有要用的密码。',
    },
    'configure-in-client': {
      title: '粘贴密码并检测',
      instruction: '下面列出你在第 1 步填写的服务器，检测只连接它们。把密码粘贴到下面的框里，然后开始检测。',
      outcome: '收信和发信都检测通过后，邮箱会保存下来。',
    },
  },
  notes: [
    '服务器地址、端口和加密方式以你的邮件服务商公布的为准；我们预先填的只是按常见做法的猜测。',
  ],
  assumptions: [
    '我们不认识这家邮件服务，所以不检查密码的格式，出错时也只能给出一般的检查清单。',
  ],
  diagnoses: {
    auth_failed: {
      title: '邮件服务器没有接受这个地址和密码',
      explanation: '邮件服务器拒绝了这次登录，没有说明原因。请按下面的清单逐项检查。',
      checklist: [
        '密码是否输入正确：复制时没有多带空格或别的字符。',
        '如果服务商提供授权码或应用专用密码，这里要填它，而不是网页邮箱的登录密码。',
        '邮箱设置里 IMAP 和 SMTP 服务是否都已开启。',
        '服务商要求的用户名是否就是完整的邮箱地址（我们用完整地址登录）。',
        '服务器地址是否是这个邮箱的：不同服务商的服务器不能混用。',
      ],
    },
    unreachable: {
      explanation: '找不到这个服务器，它的地址不能从互联网连接，或者这个端口拒绝了连接。',
      checklist: [
        '核对服务器地址的拼写，以邮件服务商公布的为准。',
        '核对端口和加密方式：IMAP 一般是 993（SSL/TLS），SMTP 一般是 465（SSL/TLS）或 587（STARTTLS）。',
        '只在公司内网开放的邮件服务器，我们从互联网连不到。',
      ],
    },
    tls_failed: {
      explanation: '没能和服务器建立可信的加密连接：它的证书不是给这个服务器地址的，证书无法验证，或者加密方式和端口对不上。为了保护你的密码，我们不会在无法信任的连接上发送它。',
      checklist: [
        '服务器地址请填服务商公布的名称（证书上写的就是它），不要填 IP 地址或别名。',
        '核对加密方式和端口：SSL/TLS 一般配 993（IMAP）和 465（SMTP），STARTTLS 一般配 143（IMAP）和 587（SMTP）。',
        '自签名证书无法通过验证，这样的服务器不能在这里使用。',
      ],
    },
    no_auth_offered: {
      checklist: [
        '核对发信服务器（SMTP）的地址和端口。',
        '端口 25 通常只用于服务器之间转发邮件；邮件客户端发信一般用 465（SSL/TLS）或 587（STARTTLS）。',
      ],
    },
  },
};

export type ManualMessages = typeof zh;

const en: ManualMessages = {
  name: 'Other mail service',
  credential: 'mailbox password or app password',
  settingsPath: 'In your web mail settings, the page called “IMAP/SMTP”, “POP3/SMTP/IMAP” or “third-party clients”',
  guide: {
    'core-parameters-configuration': {
      title: 'Your address and servers',
      instruction: 'Enter your whole email address. We do not recognise this mail service, so please enter its incoming (IMAP) and outgoing (SMTP) servers below the address.',
      outcome: 'The server fields start from a common guess; whatever you change is kept.',
    },
    'access-settings': {
      title: "Find your mailbox's client settings",
      instruction: 'Sign in to your mailbox in a browser, open its settings and look for a page called “IMAP/SMTP”, “POP3/SMTP/IMAP” or “third-party clients”. If there is none, ask whoever runs your mail or the provider’s support.',
      location: 'Web mail → Settings',
      outcome: 'The page shows switches for the mail services, and often the server addresses and ports too: where they differ from step 1, go back and change them there.',
    },
    'enable-service-and-get-code': {
      title: 'Switch the services on and get a password',
      instruction: 'Switch on both IMAP and SMTP. If the provider offers an “authorization code”, an “app password” or a “client password”, create one and copy it; if it offers none, the mailbox’s own password usually works.',
      location: 'The same page',
      outcome: 'IMAP and SMTP both show as on, and you have the password to use.',
    },
    'configure-in-client': {
      title: 'Paste the password and check',
      instruction: 'Below are the servers you entered in step 1; the check connects to those only. Paste the password in the field below and start the check.',
      outcome: 'Once receiving and sending both pass, the mailbox is saved.',
    },
  },
  notes: [
    'The server addresses, ports and encryption your mail provider publishes are what count; what we filled in is only a common guess.',
  ],
  assumptions: [
    'We do not know this mail service, so we do not check the password’s format, and a failure gets the general checklist only.',
  ],
  diagnoses: {
    auth_failed: {
      title: 'The server did not accept the address and password',
      explanation: 'The mail server refused the login without saying why. Please go through the list below.',
      checklist: [
        'Is the password exactly right, copied without extra spaces or characters?',
        'If the provider offers an authorization code or app password, that is what goes here, not your web-mail password.',
        'Are IMAP and SMTP both switched on in your mailbox settings?',
        'Does the provider expect the whole email address as the user name? We sign in with the whole address.',
        "Are these your mailbox's own servers? One provider's servers do not work for another's mailboxes.",
      ],
    },
    unreachable: {
      explanation: 'The server cannot be found, its address cannot be reached from the internet, or the port refused the connection.',
      checklist: [
        'Check the spelling of the server address against what your mail provider publishes.',
        'Check the port and encryption: IMAP is usually 993 (SSL/TLS), SMTP usually 465 (SSL/TLS) or 587 (STARTTLS).',
        'A mail server open only inside a company network cannot be reached from the internet.',
      ],
    },
    tls_failed: {
      explanation: "No trusted encrypted connection could be set up: the server's certificate is not for this server address or cannot be verified, or the encryption does not match the port. To protect your password, we never send it over a connection we cannot trust.",
      checklist: [
        'Use the server name your provider publishes (the one its certificate carries), not an IP address or another alias.',
        'Check that encryption and port go together: SSL/TLS usually with 993 (IMAP) and 465 (SMTP), STARTTLS with 143 (IMAP) and 587 (SMTP).',
        'A self-signed certificate cannot be verified, so such a server cannot be used here.',
      ],
    },
    no_auth_offered: {
      checklist: [
        'Check the SMTP server name and port.',
        'Port 25 is usually for mail passed between servers; mail apps send through 465 (SSL/TLS) or 587 (STARTTLS).',
      ],
    },
  },
};

export const MANUAL_MESSAGES: Record<Locale, ManualMessages> = { zh, en };
