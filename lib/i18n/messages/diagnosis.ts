import type { Locale } from '@/lib/i18n/locale';

// What a failed check tells the user, by failure code (lib/mail-check/types.ts FailureCode): a
// title, an explanation and a checklist, written for this product (the setup guide is a source of
// facts, not of sentences); and the check's stages as the user would describe them. Which step
// fixes a failure and how long to wait are facts, kept with the logic in lib/mail-check/diagnosis.ts.
// The general texts of the codes NetEase's replies produce speak of NetEase, the product's first
// provider; other providers word their own where that would mislead (their `diagnoses`).

const zh = {
  codes: {
    auth_failed: {
      title: '邮箱地址或授权码没有通过验证',
      explanation: '邮件服务器拒绝了这次登录。网易对好几种不同的原因只回复同一句话，所以请按下面的清单逐项排查。',
      checklist: [
        '授权码是否输入正确：16 位字母，复制时不要带上空格或其他字符。',
        '填的是不是授权码：开启授权码之后，邮件客户端不能再用网页邮箱的登录密码。',
        '授权码是否还有效：在网页邮箱里删除过它，或把授权码功能关掉又重新打开过，都需要重新生成一个。',
        '网页邮箱「设置 → POP3/SMTP/IMAP」里，IMAP/SMTP 服务是否已经开启。',
        '服务器是否和邮箱后缀一致：例如 126.com 的地址要连 126.com 的服务器。',
      ],
    },
    unsafe_login: {
      title: '服务器要求邮件客户端先表明身份',
      explanation: '登录已经成功，但服务器拒绝打开收件箱，理由是客户端没有表明身份（网易称为 “Unsafe Login”）。我们的检测在登录后会发送身份信息，正常情况下不会遇到这个问题。',
      checklist: [
        '过几分钟再检测一次。',
        '如果一直出现，请联系我们的客服，并附上下面的服务器原文。',
      ],
    },
    smtp_not_enabled: {
      title: '发信（SMTP）服务没有开启',
      explanation: '服务器表示这个邮箱没有通过邮件客户端发信的权限，通常是因为网页邮箱里的 SMTP 服务还没有开启。',
      checklist: [
        '在网页邮箱「设置 → POP3/SMTP/IMAP」里开启 IMAP/SMTP 服务。',
        '开启后等一两分钟再检测。',
      ],
    },
    sender_rejected: {
      title: '服务器不允许用这个地址发信',
      explanation: '服务器只允许用登录的邮箱本身作为发件人，这次检测使用的发件地址没有被接受。',
      checklist: [
        '确认填写的邮箱地址和登录账号完全一致。',
        '如果填的是别名或转发地址，请改用主邮箱地址。',
      ],
    },
    ip_banned: {
      title: '邮件服务器暂时拒绝我们的连接',
      explanation: '登录失败太多次之后，网易会暂时封禁发起连接的服务器地址。被封的是我们的检测服务器，不是你的邮箱。我们已经暂停对这家服务商的检测；请不要反复重试，否则封禁可能持续更久。',
      checklist: [
        '等一段时间（通常几十分钟）再检测。',
        '趁这段时间核对一下授权码，免得下次还是失败。',
      ],
    },
    content_flagged: {
      title: '服务器按反垃圾规则拒绝了发信',
      explanation: '检测本身不发送任何邮件内容，出现这个回应通常说明这个账号的发信受到了限制，而不是设置有误。',
      checklist: [
        '登录网页邮箱，看看有没有关于发信限制的通知。',
        '稍后再试；如果一直出现，请联系邮箱服务商。',
      ],
    },
    password_instead_of_code: {
      title: '填的是账号密码，不是授权码',
      explanation: '服务器明确表示：这次登录用的是邮箱账号本身的密码（例如 QQ 密码）。邮件客户端必须改用专门为它生成的授权码。',
      checklist: [
        '如果还没有授权码，先在网页邮箱的设置里生成一个。',
        '把授权码粘贴进密码栏，替换掉现在填的密码。',
      ],
    },
    auth_failed_or_limited: {
      title: '登录被拒绝，原因有五种可能',
      explanation: '服务器用同一句话回答五种情况：授权码不对、IMAP/SMTP 服务没有开启、账号状态异常、登录太频繁被限制，或者服务器正忙。单看这句话分不出是哪一种。',
      checklist: [
        '核对授权码：完整复制，没有多余的空格或字符。',
        '确认网页邮箱里 IMAP/SMTP 服务已经开启。',
        '登录网页邮箱，看看有没有账号安全提醒或异常提示。',
        '至少等 15 分钟再检测：如果是登录太频繁被限制，提前重试只会让限制更久。',
      ],
    },
    ip_not_allowed: {
      title: '这个邮箱只允许指定的网络地址登录',
      explanation: '服务器拒绝了来自我们检测服务器的登录，因为它的网络地址不在允许的名单上。这是邮箱的访问限制（例如企业管理员设的 IP 限制，或个人开启的 IP 白名单），和授权码对不对无关。',
      checklist: [
        '企业邮箱：请管理员放开对邮件客户端登录的 IP 限制，或把我们的检测服务器加进允许名单。',
        '个人邮箱：如果开启过 IP 白名单模式，请在邮箱设置里把它关掉。',
        '限制解除以后再检测；在那之前重试不会成功。',
      ],
    },
    wrong_server_group: {
      title: '这组服务器不负责你的域名',
      explanation: '服务器回答说不认识你的邮箱域名。网易企业邮箱把各家公司的域名分在不同的服务器组，你的域名在另一组上。换一组服务器就能解决，授权码不用改。',
      checklist: [
        '改用备用服务器（imap.qiye.163.com / smtp.qiye.163.com）再检测一次。',
        '如果几组服务器都不行，请向公司的邮箱管理员确认该用哪一组。',
      ],
    },
    no_auth_offered: {
      title: '发信服务器没有提供登录方式',
      explanation: '发信服务器没有提供任何身份验证方式，所以无法证明这个邮箱可以发信。这通常说明服务器地址或端口不对，和授权码无关。',
      checklist: [
        '核对发信服务器（SMTP）的地址和端口。',
        '如果用的是我们提供的默认设置，请联系我们的客服。',
      ],
    },
    server_busy: {
      title: '服务器暂时处理不了登录',
      explanation: '服务器表示它眼下无法处理这次登录，例如同时连接的客户端太多、某项服务暂时停了，或者服务器自己出了错。这说明不了授权码对不对，我们也不把它算作一次登录失败。',
      checklist: [
        '过几分钟再检测一次。',
        '如果别的设备上同时开着好几个邮件客户端，先关掉一些：有的服务器限制一个邮箱同时连接的数量。',
        '如果一直出现，请把下面的服务器原文发给我们的客服。',
      ],
    },
    auth_setup_failed: {
      title: '服务器不接受这种登录方式',
      explanation: '服务器在核对授权码之前就拒绝了登录：它要求先加密连接，或者要求换一种登录方式。这和授权码对不对无关，多半是服务器地址、端口或加密方式没有选对。',
      checklist: [
        '核对服务器地址、端口和加密方式：收信一般是 993（SSL/TLS），发信一般是 465（SSL/TLS）或 587（STARTTLS）。',
        '如果服务商要求邮件客户端使用专用密码（授权码、应用专用密码），确认填的是它，而不是账号密码。',
        '如果用的是我们提供的默认设置，请联系我们的客服，并附上下面的服务器原文。',
      ],
    },
    not_attempted: {
      title: '没有登录发信服务器',
      explanation: '收信服务器（IMAP）的登录没有成功，所以我们没有再用同样的登录信息去登录发信服务器：服务商会记下每一次被拒绝的登录，多试一次只会增加我们的服务器被封的风险。收信服务器的提示才是要处理的问题；下次检测时会一并验证发信。',
      checklist: [
        '先按收信服务器（IMAP）的提示处理，然后重新检测。',
      ],
    },
    tls_failed: {
      title: '无法建立安全连接',
      explanation: '服务器的证书没有通过验证，或者加密握手被中途断开。为了保护你的授权码，我们不会在无法信任的连接上发送它。这不是你的设置造成的。',
      checklist: [
        '稍后再试一次。',
        '如果一直出现，请联系我们的客服。',
      ],
    },
    timeout: {
      title: '服务器响应超时',
      explanation: '服务器没有在限定时间内回应。这通常是网络拥堵或服务器繁忙造成的，和授权码无关。',
      checklist: [
        '过一会儿再检测一次。',
        '如果每次都停在同一步，请核对服务器地址和端口。',
      ],
    },
    unreachable: {
      title: '连接不到邮件服务器',
      explanation: '服务器名称无法解析，或者这个端口拒绝了连接。',
      checklist: [
        '核对服务器地址的拼写，例如 imap.163.com、smtp.163.com。',
        '核对端口：IMAP 一般是 993，SMTP 一般是 465。',
      ],
    },
    aborted: {
      title: '检测已取消',
      explanation: '检测在得出结论之前被取消了。',
      checklist: [
        '需要时重新开始检测。',
      ],
    },
    unexpected: {
      title: '服务器的回应出乎意料',
      explanation: '服务器的回应不在我们的预料之中。下面附有服务器的原文，可以帮助判断原因。',
      checklist: [
        '过一会儿再检测一次。',
        '如果一直出现，请把服务器原文发给我们的客服。',
      ],
    },
  },
  stages: {
    connect: '建立网络连接',
    tls: '加密握手（TLS）',
    greeting: '等待服务器的欢迎信息',
    starttls: '切换到加密连接（STARTTLS）',
    login: '登录收信服务器（IMAP LOGIN）',
    id: '向服务器表明客户端身份（IMAP ID）',
    examine: '打开收件箱',
    ehlo: '与发信服务器握手（EHLO）',
    auth: '登录发信服务器（SMTP AUTH）',
    mail_from: '确认发件人（MAIL FROM）',
  },
  // For the codes where the user needs to know where the check stopped.
  stoppedAt: '停在「{stage}」这一步。{explanation}',
};

export type DiagnosisMessages = typeof zh;

const en: DiagnosisMessages = {
  codes: {
    auth_failed: {
      title: 'The server did not accept the address and code',
      explanation: 'The mail server refused the login. NetEase answers several different causes with the same sentence, so please go through the list below.',
      checklist: [
        'Is the code exactly right? It is 16 letters; make sure no spaces or other characters were copied with it.',
        'Did you enter the authorization code? Once a code exists, mail apps can no longer log in with your web-mail password.',
        'Is the code still valid? If it was deleted in web mail, or the code feature was switched off and on again, create a new one.',
        'Is the IMAP/SMTP service switched on under Settings → POP3/SMTP/IMAP in web mail?',
        'Does the server match your address? A 126.com address, for example, should use the 126.com servers.',
      ],
    },
    unsafe_login: {
      title: 'The server wants the mail app to identify itself',
      explanation: 'The login worked, but the server refused to open the inbox because it considers the mail app unidentified (NetEase calls this "Unsafe Login"). Our check identifies itself right after logging in, so this should not normally happen.',
      checklist: [
        'Check again in a few minutes.',
        "If it keeps happening, contact our support and include the server's words shown below.",
      ],
    },
    smtp_not_enabled: {
      title: 'Sending (SMTP) is not switched on',
      explanation: 'The server says this mailbox may not send through a mail app. Usually the SMTP service has not been switched on in web mail yet.',
      checklist: [
        'In web mail, switch on IMAP/SMTP under Settings → POP3/SMTP/IMAP.',
        'Wait a minute or two after switching it on, then check again.',
      ],
    },
    sender_rejected: {
      title: 'The server will not send from this address',
      explanation: 'The server only lets you send as the mailbox you logged in with, and it did not accept the sender address of this check.',
      checklist: [
        'Make sure the address you entered is exactly the account you log in with.',
        'If you entered an alias or a forwarding address, use the main address instead.',
      ],
    },
    ip_banned: {
      title: 'The mail server is refusing our connections for now',
      explanation: 'After too many failed logins, NetEase blocks the server address the attempts came from for a while. What is blocked is our checking server, not your mailbox. We have paused checks against this provider; please do not keep retrying, as that can make the block last longer.',
      checklist: [
        'Wait a while (usually some tens of minutes) before checking again.',
        'Use the wait to double-check your code, so that the next attempt does not fail again.',
      ],
    },
    content_flagged: {
      title: 'The server refused on anti-spam grounds',
      explanation: 'The check sends no message content, so this answer usually means sending from this account is restricted, not that a setting is wrong.',
      checklist: [
        'Log in to web mail and look for a notice about sending restrictions.',
        'Try again later; if it persists, contact the mail provider.',
      ],
    },
    password_instead_of_code: {
      title: 'That was the account password, not the code',
      explanation: "The server said plainly that this login used the account's own password (the QQ password, for example). Mail apps have to use the code made for them instead.",
      checklist: [
        'If you have no code yet, make one in the web-mail settings first.',
        'Paste the code into the password field in place of the password that is there now.',
      ],
    },
    auth_failed_or_limited: {
      title: 'The login was refused for one of five reasons',
      explanation: 'The server answers five situations with the same sentence: a wrong code, the IMAP/SMTP service switched off, an account in an abnormal state, too many logins in a short time, or a busy server. The sentence alone does not tell which.',
      checklist: [
        'Check the code: copied whole, with no stray spaces or characters.',
        'Make sure the IMAP/SMTP service is switched on in web mail.',
        'Sign in to web mail and look for a security notice or a warning about the account.',
        'Wait at least 15 minutes before checking again: if logins were rate-limited, an early retry only makes the limit last longer.',
      ],
    },
    ip_not_allowed: {
      title: 'This mailbox only accepts logins from approved addresses',
      explanation: "The server refused the login from our checking server because its network address is not on the allowed list. This is an access restriction on the mailbox (an administrator's IP restriction, or a personal IP whitelist); it says nothing about whether the code is right.",
      checklist: [
        'Enterprise mail: ask your administrator to lift the IP restriction on mail-app logins, or to add our checking server to the allowed list.',
        'Personal mail: if you turned on an IP-whitelist mode, turn it off in the mailbox settings.',
        'Check again once the restriction is lifted; until then a retry cannot succeed.',
      ],
    },
    wrong_server_group: {
      title: 'These servers do not serve your domain',
      explanation: "The server says it does not know your mail domain. NetEase Enterprise Mail keeps companies' domains on different server groups, and yours is on another one. Switching to the other servers fixes it; the code can stay as it is.",
      checklist: [
        'Check again with the backup servers (imap.qiye.163.com / smtp.qiye.163.com).',
        "If none of the server sets works, ask your company's mail administrator which one to use.",
      ],
    },
    no_auth_offered: {
      title: 'The sending server offered no way to log in',
      explanation: 'The sending server offered no way to authenticate, so there is no way to prove this mailbox may send. This usually means the server name or port is wrong; it has nothing to do with the code.',
      checklist: [
        'Check the SMTP server name and port.',
        'If you are using the settings we filled in, contact our support.',
      ],
    },
    server_busy: {
      title: 'The server could not take the login just now',
      explanation: 'The server said it cannot handle a login at the moment: too many mail apps connected at once, a service briefly down, or an error on its own side. That says nothing about whether the code is right, and we do not count it as a failed login.',
      checklist: [
        'Check again in a few minutes.',
        'If several mail apps on other devices are connected to this mailbox, close some first: some servers limit how many connections one mailbox may have.',
        "If it keeps happening, send the server's words shown below to our support.",
      ],
    },
    auth_setup_failed: {
      title: 'The server turned down the way we logged in',
      explanation: 'The server refused the login before looking at the code: it wants the connection encrypted first, or another way of logging in. This is not about whether the code is right; most often the server name, port or encryption does not match.',
      checklist: [
        'Check the server names, ports and encryption: receiving is usually 993 (SSL/TLS), sending 465 (SSL/TLS) or 587 (STARTTLS).',
        'If your provider gives mail apps a password of their own (an authorization code or app password), make sure that is what you entered, not the account password.',
        "If you are using the settings we filled in, contact our support and include the server's words shown below.",
      ],
    },
    not_attempted: {
      title: 'The sending server was not logged in to',
      explanation: 'The login to the incoming server (IMAP) did not succeed, so we did not try the same login on the sending server: providers note every refused login, and one more would only add to the risk of our server being blocked. What the incoming server reported is the problem to solve; the next check verifies sending as well.',
      checklist: [
        'Deal with what the incoming server (IMAP) reported, then check again.',
      ],
    },
    tls_failed: {
      title: 'A secure connection could not be set up',
      explanation: "The server's certificate could not be verified, or the encrypted handshake was cut off. To protect your code, we never send it over a connection we cannot trust. This is not caused by your settings.",
      checklist: [
        'Try again a little later.',
        'If it keeps happening, contact our support.',
      ],
    },
    timeout: {
      title: 'The server took too long to answer',
      explanation: 'The server did not answer within the time allowed. This is usually network congestion or a busy server, and has nothing to do with the code.',
      checklist: [
        'Check again in a little while.',
        'If it always stops at the same step, check the server name and port.',
      ],
    },
    unreachable: {
      title: 'The mail server could not be reached',
      explanation: 'The server name does not resolve, or the port refused the connection.',
      checklist: [
        'Check the spelling of the server name, for example imap.163.com and smtp.163.com.',
        'Check the port: usually 993 for IMAP and 465 for SMTP.',
      ],
    },
    aborted: {
      title: 'The check was cancelled',
      explanation: 'The check was cancelled before it reached a verdict.',
      checklist: [
        'Start the check again when you are ready.',
      ],
    },
    unexpected: {
      title: 'The server answered unexpectedly',
      explanation: "The server's answer was not one we expected. Its own words are shown below and may explain what went wrong.",
      checklist: [
        'Check again in a little while.',
        "If it keeps happening, send the server's words to our support.",
      ],
    },
  },
  stages: {
    connect: 'opening the network connection',
    tls: 'the encrypted handshake (TLS)',
    greeting: "waiting for the server's greeting",
    starttls: 'switching to an encrypted connection (STARTTLS)',
    login: 'logging in to the incoming server (IMAP LOGIN)',
    id: 'identifying the mail app (IMAP ID)',
    examine: 'opening the inbox',
    ehlo: 'greeting the sending server (EHLO)',
    auth: 'logging in to the sending server (SMTP AUTH)',
    mail_from: 'confirming the sender (MAIL FROM)',
  },
  stoppedAt: 'It stopped at {stage}. {explanation}',
};

export const DIAGNOSIS_MESSAGES: Record<Locale, DiagnosisMessages> = { zh, en };
