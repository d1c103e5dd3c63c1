import type { KnownServerError, MailProvider, ServerEndpoint } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';
import type { CheckStage, Diagnosis, FailureCode, GuideStep, MailCheckProtocol, ProtocolCheckResult } from './types';

// What a failed check tells the user: a title, an explanation and a checklist per failure
// code, in Chinese and English, written for this product (the setup guide is a source of
// facts, not of sentences). Data, keyed by code; `diagnose` only fills in the stage and lays a
// provider's own wording (`MailProvider.diagnoses`) over the general one. The general texts of
// the codes NetEase's replies produce speak of NetEase, the product's first provider; other
// providers override them where that would mislead.

interface DiagnosisText {
  title: Localized;
  explanation: Localized;
  checklist: Localized[];
  guideStep: GuideStep;
  waitMinutes?: number;
}

export const DIAGNOSES: Record<FailureCode, DiagnosisText> = {
  auth_failed: {
    title: { zh: '邮箱地址或授权码没有通过验证', en: 'The server did not accept the address and code' },
    explanation: {
      zh: '邮件服务器拒绝了这次登录。网易对好几种不同的原因只回复同一句话，所以请按下面的清单逐项排查。',
      en: 'The mail server refused the login. NetEase answers several different causes with the same sentence, so please go through the list below.',
    },
    checklist: [
      {
        zh: '授权码是否输入正确：16 位字母，复制时不要带上空格或其他字符。',
        en: 'Is the code exactly right? It is 16 letters; make sure no spaces or other characters were copied with it.',
      },
      {
        zh: '填的是不是授权码：开启授权码之后，邮件客户端不能再用网页邮箱的登录密码。',
        en: 'Did you enter the authorization code? Once a code exists, mail apps can no longer log in with your web-mail password.',
      },
      {
        zh: '授权码是否还有效：在网页邮箱里删除过它，或把授权码功能关掉又重新打开过，都需要重新生成一个。',
        en: 'Is the code still valid? If it was deleted in web mail, or the code feature was switched off and on again, create a new one.',
      },
      {
        zh: '网页邮箱「设置 → POP3/SMTP/IMAP」里，IMAP/SMTP 服务是否已经开启。',
        en: 'Is the IMAP/SMTP service switched on under Settings → POP3/SMTP/IMAP in web mail?',
      },
      {
        zh: '服务器是否和邮箱后缀一致：例如 126.com 的地址要连 126.com 的服务器。',
        en: 'Does the server match your address? A 126.com address, for example, should use the 126.com servers.',
      },
    ],
    guideStep: 'enable-service-and-get-code',
  },
  unsafe_login: {
    title: { zh: '服务器要求邮件客户端先表明身份', en: 'The server wants the mail app to identify itself' },
    explanation: {
      zh: '登录已经成功，但服务器拒绝打开收件箱，理由是客户端没有表明身份（网易称为 “Unsafe Login”）。我们的检测在登录后会发送身份信息，正常情况下不会遇到这个问题。',
      en: 'The login worked, but the server refused to open the inbox because it considers the mail app unidentified (NetEase calls this "Unsafe Login"). Our check identifies itself right after logging in, so this should not normally happen.',
    },
    checklist: [
      { zh: '过几分钟再检测一次。', en: 'Check again in a few minutes.' },
      {
        zh: '如果一直出现，请联系我们的客服，并附上下面的服务器原文。',
        en: "If it keeps happening, contact our support and include the server's words shown below.",
      },
    ],
    guideStep: 'configure-in-client',
  },
  smtp_not_enabled: {
    title: { zh: '发信（SMTP）服务没有开启', en: 'Sending (SMTP) is not switched on' },
    explanation: {
      zh: '服务器表示这个邮箱没有通过邮件客户端发信的权限，通常是因为网页邮箱里的 SMTP 服务还没有开启。',
      en: 'The server says this mailbox may not send through a mail app. Usually the SMTP service has not been switched on in web mail yet.',
    },
    checklist: [
      {
        zh: '在网页邮箱「设置 → POP3/SMTP/IMAP」里开启 IMAP/SMTP 服务。',
        en: 'In web mail, switch on IMAP/SMTP under Settings → POP3/SMTP/IMAP.',
      },
      { zh: '开启后等一两分钟再检测。', en: 'Wait a minute or two after switching it on, then check again.' },
    ],
    guideStep: 'access-settings',
  },
  sender_rejected: {
    title: { zh: '服务器不允许用这个地址发信', en: 'The server will not send from this address' },
    explanation: {
      zh: '服务器只允许用登录的邮箱本身作为发件人，这次检测使用的发件地址没有被接受。',
      en: 'The server only lets you send as the mailbox you logged in with, and it did not accept the sender address of this check.',
    },
    checklist: [
      {
        zh: '确认填写的邮箱地址和登录账号完全一致。',
        en: 'Make sure the address you entered is exactly the account you log in with.',
      },
      {
        zh: '如果填的是别名或转发地址，请改用主邮箱地址。',
        en: 'If you entered an alias or a forwarding address, use the main address instead.',
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  ip_banned: {
    title: { zh: '邮件服务器暂时拒绝我们的连接', en: 'The mail server is refusing our connections for now' },
    explanation: {
      zh: '登录失败太多次之后，网易会暂时封禁发起连接的服务器地址。被封的是我们的检测服务器，不是你的邮箱。我们已经暂停对这家服务商的检测；请不要反复重试，否则封禁可能持续更久。',
      en: 'After too many failed logins, NetEase blocks the server address the attempts came from for a while. What is blocked is our checking server, not your mailbox. We have paused checks against this provider; please do not keep retrying, as that can make the block last longer.',
    },
    checklist: [
      {
        zh: '等一段时间（通常几十分钟）再检测。',
        en: 'Wait a while (usually some tens of minutes) before checking again.',
      },
      {
        zh: '趁这段时间核对一下授权码，免得下次还是失败。',
        en: 'Use the wait to double-check your code, so that the next attempt does not fail again.',
      },
    ],
    guideStep: 'enable-service-and-get-code',
  },
  content_flagged: {
    title: { zh: '服务器按反垃圾规则拒绝了发信', en: 'The server refused on anti-spam grounds' },
    explanation: {
      zh: '检测本身不发送任何邮件内容，出现这个回应通常说明这个账号的发信受到了限制，而不是设置有误。',
      en: 'The check sends no message content, so this answer usually means sending from this account is restricted, not that a setting is wrong.',
    },
    checklist: [
      {
        zh: '登录网页邮箱，看看有没有关于发信限制的通知。',
        en: 'Log in to web mail and look for a notice about sending restrictions.',
      },
      {
        zh: '稍后再试；如果一直出现，请联系邮箱服务商。',
        en: 'Try again later; if it persists, contact the mail provider.',
      },
    ],
    guideStep: 'configure-in-client',
  },
  password_instead_of_code: {
    title: { zh: '填的是账号密码，不是授权码', en: 'That was the account password, not the code' },
    explanation: {
      zh: '服务器明确表示：这次登录用的是邮箱账号本身的密码（例如 QQ 密码）。邮件客户端必须改用专门为它生成的授权码。',
      en: "The server said plainly that this login used the account's own password (the QQ password, for example). Mail apps have to use the code made for them instead.",
    },
    checklist: [
      {
        zh: '如果还没有授权码，先在网页邮箱的设置里生成一个。',
        en: 'If you have no code yet, make one in the web-mail settings first.',
      },
      {
        zh: '把授权码粘贴进密码栏，替换掉现在填的密码。',
        en: 'Paste the code into the password field in place of the password that is there now.',
      },
    ],
    guideStep: 'enable-service-and-get-code',
  },
  auth_failed_or_limited: {
    title: { zh: '登录被拒绝，原因有五种可能', en: 'The login was refused for one of five reasons' },
    explanation: {
      zh: '服务器用同一句话回答五种情况：授权码不对、IMAP/SMTP 服务没有开启、账号状态异常、登录太频繁被限制，或者服务器正忙。单看这句话分不出是哪一种。',
      en: 'The server answers five situations with the same sentence: a wrong code, the IMAP/SMTP service switched off, an account in an abnormal state, too many logins in a short time, or a busy server. The sentence alone does not tell which.',
    },
    checklist: [
      {
        zh: '核对授权码：完整复制，没有多余的空格或字符。',
        en: 'Check the code: copied whole, with no stray spaces or characters.',
      },
      {
        zh: '确认网页邮箱里 IMAP/SMTP 服务已经开启。',
        en: 'Make sure the IMAP/SMTP service is switched on in web mail.',
      },
      {
        zh: '登录网页邮箱，看看有没有账号安全提醒或异常提示。',
        en: 'Sign in to web mail and look for a security notice or a warning about the account.',
      },
      {
        zh: '至少等 15 分钟再检测：如果是登录太频繁被限制，提前重试只会让限制更久。',
        en: 'Wait at least 15 minutes before checking again: if logins were rate-limited, an early retry only makes the limit last longer.',
      },
    ],
    guideStep: 'enable-service-and-get-code',
    waitMinutes: 15,
  },
  ip_not_allowed: {
    title: { zh: '这个邮箱只允许指定的网络地址登录', en: 'This mailbox only accepts logins from approved addresses' },
    explanation: {
      zh: '服务器拒绝了来自我们检测服务器的登录，因为它的网络地址不在允许的名单上。这是邮箱的访问限制（例如企业管理员设的 IP 限制，或个人开启的 IP 白名单），和授权码对不对无关。',
      en: "The server refused the login from our checking server because its network address is not on the allowed list. This is an access restriction on the mailbox (an administrator's IP restriction, or a personal IP whitelist); it says nothing about whether the code is right.",
    },
    checklist: [
      {
        zh: '企业邮箱：请管理员放开对邮件客户端登录的 IP 限制，或把我们的检测服务器加进允许名单。',
        en: 'Enterprise mail: ask your administrator to lift the IP restriction on mail-app logins, or to add our checking server to the allowed list.',
      },
      {
        zh: '个人邮箱：如果开启过 IP 白名单模式，请在邮箱设置里把它关掉。',
        en: 'Personal mail: if you turned on an IP-whitelist mode, turn it off in the mailbox settings.',
      },
      {
        zh: '限制解除以后再检测；在那之前重试不会成功。',
        en: 'Check again once the restriction is lifted; until then a retry cannot succeed.',
      },
    ],
    guideStep: 'access-settings',
  },
  wrong_server_group: {
    title: { zh: '这组服务器不负责你的域名', en: 'These servers do not serve your domain' },
    explanation: {
      zh: '服务器回答说不认识你的邮箱域名。网易企业邮箱把各家公司的域名分在不同的服务器组，你的域名在另一组上。换一组服务器就能解决，授权码不用改。',
      en: "The server says it does not know your mail domain. NetEase Enterprise Mail keeps companies' domains on different server groups, and yours is on another one. Switching to the other servers fixes it; the code can stay as it is.",
    },
    checklist: [
      {
        zh: '改用备用服务器（imap.qiye.163.com / smtp.qiye.163.com）再检测一次。',
        en: 'Check again with the backup servers (imap.qiye.163.com / smtp.qiye.163.com).',
      },
      {
        zh: '如果几组服务器都不行，请向公司的邮箱管理员确认该用哪一组。',
        en: "If none of the server sets works, ask your company's mail administrator which one to use.",
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  no_auth_offered: {
    title: { zh: '发信服务器没有提供登录方式', en: 'The sending server offered no way to log in' },
    explanation: {
      zh: '发信服务器没有提供任何身份验证方式，所以无法证明这个邮箱可以发信。这通常说明服务器地址或端口不对，和授权码无关。',
      en: 'The sending server offered no way to authenticate, so there is no way to prove this mailbox may send. This usually means the server name or port is wrong; it has nothing to do with the code.',
    },
    checklist: [
      { zh: '核对发信服务器（SMTP）的地址和端口。', en: 'Check the SMTP server name and port.' },
      {
        zh: '如果用的是我们提供的默认设置，请联系我们的客服。',
        en: 'If you are using the settings we filled in, contact our support.',
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  server_busy: {
    title: { zh: '服务器暂时处理不了登录', en: 'The server could not take the login just now' },
    explanation: {
      zh: '服务器表示它眼下无法处理这次登录，例如同时连接的客户端太多、某项服务暂时停了，或者服务器自己出了错。这说明不了授权码对不对，我们也不把它算作一次登录失败。',
      en: 'The server said it cannot handle a login at the moment: too many mail apps connected at once, a service briefly down, or an error on its own side. That says nothing about whether the code is right, and we do not count it as a failed login.',
    },
    checklist: [
      { zh: '过几分钟再检测一次。', en: 'Check again in a few minutes.' },
      {
        zh: '如果别的设备上同时开着好几个邮件客户端，先关掉一些：有的服务器限制一个邮箱同时连接的数量。',
        en: 'If several mail apps on other devices are connected to this mailbox, close some first: some servers limit how many connections one mailbox may have.',
      },
      {
        zh: '如果一直出现，请把下面的服务器原文发给我们的客服。',
        en: "If it keeps happening, send the server's words shown below to our support.",
      },
    ],
    guideStep: 'configure-in-client',
  },
  auth_setup_failed: {
    title: { zh: '服务器不接受这种登录方式', en: 'The server turned down the way we logged in' },
    explanation: {
      zh: '服务器在核对授权码之前就拒绝了登录：它要求先加密连接，或者要求换一种登录方式。这和授权码对不对无关，多半是服务器地址、端口或加密方式没有选对。',
      en: 'The server refused the login before looking at the code: it wants the connection encrypted first, or another way of logging in. This is not about whether the code is right; most often the server name, port or encryption does not match.',
    },
    checklist: [
      {
        zh: '核对服务器地址、端口和加密方式：收信一般是 993（SSL/TLS），发信一般是 465（SSL/TLS）或 587（STARTTLS）。',
        en: 'Check the server names, ports and encryption: receiving is usually 993 (SSL/TLS), sending 465 (SSL/TLS) or 587 (STARTTLS).',
      },
      {
        zh: '如果服务商要求邮件客户端使用专用密码（授权码、应用专用密码），确认填的是它，而不是账号密码。',
        en: 'If your provider gives mail apps a password of their own (an authorization code or app password), make sure that is what you entered, not the account password.',
      },
      {
        zh: '如果用的是我们提供的默认设置，请联系我们的客服，并附上下面的服务器原文。',
        en: "If you are using the settings we filled in, contact our support and include the server's words shown below.",
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  not_attempted: {
    title: { zh: '没有登录发信服务器', en: 'The sending server was not logged in to' },
    explanation: {
      zh: '收信服务器（IMAP）的登录没有成功，所以我们没有再用同样的登录信息去登录发信服务器：服务商会记下每一次被拒绝的登录，多试一次只会增加我们的服务器被封的风险。收信服务器的提示才是要处理的问题；下次检测时会一并验证发信。',
      en: 'The login to the incoming server (IMAP) did not succeed, so we did not try the same login on the sending server: providers note every refused login, and one more would only add to the risk of our server being blocked. What the incoming server reported is the problem to solve; the next check verifies sending as well.',
    },
    checklist: [
      {
        zh: '先按收信服务器（IMAP）的提示处理，然后重新检测。',
        en: 'Deal with what the incoming server (IMAP) reported, then check again.',
      },
    ],
    guideStep: 'configure-in-client',
  },
  tls_failed: {
    title: { zh: '无法建立安全连接', en: 'A secure connection could not be set up' },
    explanation: {
      zh: '服务器的证书没有通过验证，或者加密握手被中途断开。为了保护你的授权码，我们不会在无法信任的连接上发送它。这不是你的设置造成的。',
      en: "The server's certificate could not be verified, or the encrypted handshake was cut off. To protect your code, we never send it over a connection we cannot trust. This is not caused by your settings.",
    },
    checklist: [
      { zh: '稍后再试一次。', en: 'Try again a little later.' },
      { zh: '如果一直出现，请联系我们的客服。', en: 'If it keeps happening, contact our support.' },
    ],
    guideStep: 'core-parameters-configuration',
  },
  timeout: {
    title: { zh: '服务器响应超时', en: 'The server took too long to answer' },
    explanation: {
      zh: '服务器没有在限定时间内回应。这通常是网络拥堵或服务器繁忙造成的，和授权码无关。',
      en: 'The server did not answer within the time allowed. This is usually network congestion or a busy server, and has nothing to do with the code.',
    },
    checklist: [
      { zh: '过一会儿再检测一次。', en: 'Check again in a little while.' },
      {
        zh: '如果每次都停在同一步，请核对服务器地址和端口。',
        en: 'If it always stops at the same step, check the server name and port.',
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  unreachable: {
    title: { zh: '连接不到邮件服务器', en: 'The mail server could not be reached' },
    explanation: {
      zh: '服务器名称无法解析，或者这个端口拒绝了连接。',
      en: 'The server name does not resolve, or the port refused the connection.',
    },
    checklist: [
      {
        zh: '核对服务器地址的拼写，例如 imap.163.com、smtp.163.com。',
        en: 'Check the spelling of the server name, for example imap.163.com and smtp.163.com.',
      },
      {
        zh: '核对端口：IMAP 一般是 993，SMTP 一般是 465。',
        en: 'Check the port: usually 993 for IMAP and 465 for SMTP.',
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
  aborted: {
    title: { zh: '检测已取消', en: 'The check was cancelled' },
    explanation: {
      zh: '检测在得出结论之前被取消了。',
      en: 'The check was cancelled before it reached a verdict.',
    },
    checklist: [{ zh: '需要时重新开始检测。', en: 'Start the check again when you are ready.' }],
    guideStep: 'configure-in-client',
  },
  unexpected: {
    title: { zh: '服务器的回应出乎意料', en: 'The server answered unexpectedly' },
    explanation: {
      zh: '服务器的回应不在我们的预料之中。下面附有服务器的原文，可以帮助判断原因。',
      en: "The server's answer was not one we expected. Its own words are shown below and may explain what went wrong.",
    },
    checklist: [
      { zh: '过一会儿再检测一次。', en: 'Check again in a little while.' },
      {
        zh: '如果一直出现，请把服务器原文发给我们的客服。',
        en: "If it keeps happening, send the server's words to our support.",
      },
    ],
    guideStep: 'core-parameters-configuration',
  },
};

/** Each stage as the user would describe it, for "stopped while …" messages. */
export const STAGE_LABELS: Record<CheckStage, Localized> = {
  connect: { zh: '建立网络连接', en: 'opening the network connection' },
  tls: { zh: '加密握手（TLS）', en: 'the encrypted handshake (TLS)' },
  greeting: { zh: '等待服务器的欢迎信息', en: "waiting for the server's greeting" },
  starttls: { zh: '切换到加密连接（STARTTLS）', en: 'switching to an encrypted connection (STARTTLS)' },
  login: { zh: '登录收信服务器（IMAP LOGIN）', en: 'logging in to the incoming server (IMAP LOGIN)' },
  id: { zh: '向服务器表明客户端身份（IMAP ID）', en: 'identifying the mail app (IMAP ID)' },
  examine: { zh: '打开收件箱', en: 'opening the inbox' },
  ehlo: { zh: '与发信服务器握手（EHLO）', en: 'greeting the sending server (EHLO)' },
  auth: { zh: '登录发信服务器（SMTP AUTH）', en: 'logging in to the sending server (SMTP AUTH)' },
  mail_from: { zh: '确认发件人（MAIL FROM）', en: 'confirming the sender (MAIL FROM)' },
};

// Codes where the stage is part of the message: the user needs to know where it stopped.
const STAGE_IN_EXPLANATION: ReadonlySet<FailureCode> = new Set(['timeout', 'unexpected', 'aborted']);

/** Whose wording a diagnosis uses: a provider's overrides, laid over the general texts. */
export type DiagnosisSource = Pick<MailProvider, 'diagnoses'>;

function overrideFor(code: FailureCode, provider: DiagnosisSource | undefined) {
  const overrides = provider?.diagnoses;
  return overrides && Object.hasOwn(overrides, code) ? overrides[code as keyof typeof overrides] : undefined;
}

/** The diagnosis of `code`, in `provider`'s words where it has its own, with the stage named where it matters. */
export function diagnose(code: FailureCode, stage: CheckStage, provider?: DiagnosisSource): Diagnosis {
  const base = DIAGNOSES[code];
  const own = overrideFor(code, provider);
  const text = {
    title: own?.title ?? base.title,
    explanation: own?.explanation ?? base.explanation,
    checklist: own?.checklist ? [...own.checklist] : base.checklist,
    guideStep: own?.guideStep ?? base.guideStep,
  };
  const label = STAGE_LABELS[stage];
  const explanation = STAGE_IN_EXPLANATION.has(code)
    ? { zh: `停在「${label.zh}」这一步。${text.explanation.zh}`, en: `It stopped at ${label.en}. ${text.explanation.en}` }
    : text.explanation;
  return {
    code,
    title: text.title,
    explanation,
    checklist: text.checklist,
    guideStep: text.guideStep,
    ...(base.waitMinutes !== undefined ? { waitMinutes: base.waitMinutes } : {}),
  };
}

/** A protocol's failed result: the failure as the check saw it, with its diagnosis. */
export function failedResult(
  failure: { code: FailureCode; stage: CheckStage; serverText?: string; detail?: string },
  endpoint: ServerEndpoint,
  durationMs: number,
  provider?: DiagnosisSource,
): ProtocolCheckResult {
  return {
    ok: false,
    durationMs,
    endpoint,
    code: failure.code,
    stage: failure.stage,
    ...(failure.serverText !== undefined ? { serverText: failure.serverText } : {}),
    ...(failure.detail !== undefined ? { detail: failure.detail } : {}),
    diagnosis: diagnose(failure.code, failure.stage, provider),
  };
}

// ---- server replies --------------------------------------------------------------------------

export interface ServerReply {
  protocol: MailCheckProtocol;
  stage: CheckStage;
  /** The reply as received (IMAP: `NO ...`; SMTP: `535 ...`). */
  text: string;
  /** SMTP reply code. */
  replyCode?: number;
  /** IMAP completion status. */
  status?: 'NO' | 'BAD' | 'BYE';
  /** IMAP response code (RFC 5530), the bracketed atom after the status, without brackets. */
  responseCode?: string;
}

interface GenericReplyRule {
  protocol: MailCheckProtocol;
  stages: readonly CheckStage[];
  /** IMAP completion status. */
  status?: ServerReply['status'];
  /** IMAP response codes, upper case; `null` stands for a reply that carries none. */
  responseCodes?: readonly (string | null)[];
  /** The first digit of an SMTP reply code. */
  replyClass?: 4 | 5;
  replyCodes?: readonly number[];
  code: FailureCode;
}

// What a refusal means when no provider text matched, decided by the protocol's own codes and
// not by the command that drew the refusal: only a verdict on the credentials may count toward the
// lockout (isLoginVerdict), so a server that is busy, or that wants TLS or another mechanism
// first, must not look like a wrong code. Anything not listed is unexpected, and not counted.
const GENERIC_REPLY_RULES: readonly GenericReplyRule[] = [
  // A NO at LOGIN without a code is how most servers refuse a wrong password (NetEase says no
  // more); ALERT only asks for the text to be shown, so it is read as no code. EXPIRED means
  // the code itself is no longer valid (NetEase enterprise codes expire), AUTHORIZATIONFAILED
  // that the server will not let these credentials in: verdicts on the credentials too.
  {
    protocol: 'imap',
    stages: ['login'],
    status: 'NO',
    responseCodes: [null, 'ALERT', 'AUTHENTICATIONFAILED', 'AUTHORIZATIONFAILED', 'EXPIRED'],
    code: 'auth_failed',
  },
  // RFC 5530: the server cannot serve the login now; it judged nothing.
  { protocol: 'imap', stages: ['login'], status: 'NO', responseCodes: ['UNAVAILABLE', 'LIMIT', 'INUSE', 'SERVERBUG'], code: 'server_busy' },
  // Credentials in clear are refused before they are read.
  { protocol: 'imap', stages: ['login'], status: 'NO', responseCodes: ['PRIVACYREQUIRED'], code: 'auth_setup_failed' },
  // RFC 4954: 535 is the one verdict on the credentials; 530 asks for TLS (or AUTH) first, 534
  // for a stronger mechanism, 538 for encryption before this mechanism; 4xx is temporary (454,
  // 421, 432). Other 5xx (500-504: syntax, unknown command or parameter) stay unexpected.
  { protocol: 'smtp', stages: ['auth'], replyCodes: [535], code: 'auth_failed' },
  { protocol: 'smtp', stages: ['auth'], replyCodes: [530, 534, 538], code: 'auth_setup_failed' },
  { protocol: 'smtp', stages: ['auth'], replyClass: 4, code: 'server_busy' },
  { protocol: 'smtp', stages: ['mail_from'], replyCodes: [550, 553, 555], code: 'sender_rejected' },
];

/** The failure code for a server refusal: the provider's documented texts first, then the protocol's codes. */
export function classifyServerReply(reply: ServerReply, knownErrors: readonly KnownServerError[]): FailureCode {
  const lower = reply.text.toLowerCase();
  const known = knownErrors.find(
    (k) =>
      k.protocol === reply.protocol &&
      (k.replyCode === undefined || reply.replyCode === undefined || k.replyCode === reply.replyCode) &&
      lower.includes(k.match.toLowerCase()),
  );
  if (known) return known.failure;
  const responseCode = reply.responseCode?.toUpperCase() ?? null;
  const rule = GENERIC_REPLY_RULES.find(
    (r) =>
      r.protocol === reply.protocol &&
      r.stages.includes(reply.stage) &&
      (r.status === undefined || r.status === reply.status) &&
      (r.responseCodes === undefined || r.responseCodes.includes(responseCode)) &&
      (r.replyCodes === undefined || (reply.replyCode !== undefined && r.replyCodes.includes(reply.replyCode))) &&
      (r.replyClass === undefined || (reply.replyCode !== undefined && Math.floor(reply.replyCode / 100) === r.replyClass)),
  );
  return rule?.code ?? 'unexpected';
}

/** Whether this failure tells the lockout layer to pause the provider. */
export const isBanSignal = (code: FailureCode): boolean => code === 'ip_banned';

// The server refused a login, or said it is refusing us: the failures a provider may count
// against our IP. A timeout or a refused connection says nothing about the login and must not
// lock a user out; every one of these should. Not here, on purpose: server_busy and
// auth_setup_failed (the server judged no credentials) and not_attempted (no login was sent).
const LOGIN_VERDICTS: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'auth_failed',
  'smtp_not_enabled',
  'ip_banned',
  'password_instead_of_code',
  'auth_failed_or_limited',
  'ip_not_allowed',
  'wrong_server_group',
]);

/** Whether this failure should count toward the lockout limits. */
export const isLoginVerdict = (code: FailureCode): boolean => LOGIN_VERDICTS.has(code);

// The secret went out (IMAP LOGIN, SMTP AUTH) and no verdict came back: no answer in time, a
// dropped connection, an answer we do not know. The server may well have refused it and counted
// the refusal against our address, so the limits count it as if it had.
const UNANSWERED_AFTER_SECRET: ReadonlySet<FailureCode> = new Set<FailureCode>(['timeout', 'unexpected', 'aborted']);

/** Whether a protocol's failure counts toward the limits: a verdict on the login, or a login left unanswered. */
export const countsTowardLimits = (failure: { code: FailureCode; stage: CheckStage }): boolean =>
  isLoginVerdict(failure.code) || ((failure.stage === 'login' || failure.stage === 'auth') && UNANSWERED_AFTER_SECRET.has(failure.code));

// ---- redaction -------------------------------------------------------------------------------

const REDACTED = '[redacted]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that removes the code from anything a server says, in every form it travelled in:
 * as typed (IMAP LOGIN, case-insensitive), base64 on its own (AUTH LOGIN) and inside the
 * AUTH PLAIN blob, with and without an authorization identity.
 */
export function createRedactor(code: string, usernames: string | readonly string[]): (text: string) => string {
  if (!code) return (text) => text;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const forms = [
    ...[usernames].flat().flatMap((user) => [b64(`\u0000${user}\u0000${code}`), b64(`${user}\u0000${user}\u0000${code}`)]),
    b64(code),
    b64(code).replace(/=+$/, ''),
  ];
  const exact = new RegExp(forms.filter(Boolean).map(escapeRegExp).join('|'), 'g');
  const plain = new RegExp(escapeRegExp(code), 'gi');
  return (text) => text.replace(exact, REDACTED).replace(plain, REDACTED);
}
