import type { Locale } from '@/lib/i18n/locale';

// The wizard's words that no first visit needs: the result step's, manual setup's and the MX
// lookup's on step 1, and the code field's for providers other than NetEase. They reach the
// browser with the code that shows them (fetched when the reader types or checks), not in every
// page; lib/i18n/messages/wizard.ts puts them back in its catalog for the server's own use.

const zh = {
  result: {
    empty: '还没有检测结果。先在上一步粘贴授权码并点「检测并保存」。',
    goToForm: '去粘贴授权码',
    statusLabel: '邮箱状态',
    statusOk: '正常',
    successTitle: '连接成功，邮箱状态「正常」',
    savedNote: '收信和发信都通过了检测，邮箱已保存到你的账户。',
    notSavedNote: '收信和发信都通过了检测，但保存没有完成。请再检测一次；如果仍然不行，请联系我们的客服。',
    manageLink: '查看和管理我的邮箱',
    nextTitle: '接下来',
    next: [
      '现在就可以在我们的客户端里收发这个邮箱的邮件了。',
      '以后如果删除或更换了这个授权码，回到这里用新授权码检测一次，会更新原来的邮箱，不会重复添加。',
      '把授权码存进密码管理器后，网页上那一份就不用再找了。',
    ],
    failureTitle: '没有连接成功',
    failureNote: '没有保存任何内容。按下面的说明检查后再试一次。',
    protocolFailed: '{protocol}：{title}',
    checklistTitle: '逐项检查',
    fixStep: '回到第 {n} 步：{title}',
    serverSaid: '服务器的原话（{protocol}，停在「{stage}」）',
    technicalDetail: '技术细节（联系客服时可以附上）',
    fallbackTitle: '还可以换备用服务器试试',
    fallbackOffer:
      '这次检测连的是 {host}。如果按上面的提示都核对过还是不行，可以改用备用服务器（{alt}）再检测一次。我们不会自己换服务器；这次检测和其他检测一样，失败了也计入次数限制。',
    fallbackRetry: '改用备用服务器（{alt}）再检测',
    fallbackUsed: '这次检测用的是你选的备用服务器（{alt}）。想换回 {host}，可以在第 4 步选回去再检测。',
    retry: '再检测一次',
    edit: '修改后再检测',
    refusedTitle: {
      mailbox_locked: '这个邮箱的检测暂时锁定了',
      provider_paused: '对{provider}的检测暂停中',
      manual_limited: '手动填写的服务器暂时不能再检测了',
      account_limited: '你的账户暂时不能再检测了',
      provider_busy: '对{provider}的检测需要稍等',
      check_running: '这个邮箱正在检测中',
      too_many_running: '你同时进行的检测太多了',
    },
    // {provider}: the provider's name; {credential}: what it calls the code.
    refused: {
      mailbox_locked: '这个邮箱最近失败的检测太多了。邮件服务商会封禁频繁登录失败的服务器，所以我们暂时停止了对它的检测。趁这段时间核对一下{credential}。',
      provider_paused: '{provider}暂时拒绝了来自我们服务器的连接，被限制的是我们的检测服务器，不是你的邮箱。为了不让限制延长，我们暂停了所有对{provider}的检测。',
      manual_limited: '你最近对手动填写的服务器做了很多次失败的检测。每次检测都是从我们的服务器去连接你填写的地址，所以我们限制了失败的次数。趁这段时间向邮箱管理员确认一下服务器地址、端口和加密方式。',
      account_limited: '你的账户最近失败的检测太多了（所有邮箱合计）。每次失败都是我们的服务器向邮件服务商发出的一次被拒绝的登录，次数多了服务商会封禁我们的服务器，所以我们暂时停止了你的检测。趁这段时间核对一下{credential}。',
      provider_busy: '最近一段时间，所有用户对{provider}的检测中被拒绝的登录已经到了我们给自己定的上限。为了不让{provider}封禁我们的服务器，新的检测要等一会儿才能开始。这和你的邮箱无关，到时间后再试就好。',
      check_running: '这个邮箱已经有一次检测正在进行（可能是在另一个窗口里发起的）。请等它结束后再看结果，不要重复提交：每次重复检测都会多一次登录。',
      too_many_running: '你已经有好几次检测正在同时进行。请等其中一些结束后再开始新的检测。',
    },
    retryAt: '请在 {time} 之后再试',
    signedOutTitle: '请先登录',
    signedOut: '检测并保存需要先登录。在第 4 步就可以登录或注册，不用离开这个页面。',
    signIn: '回到第 4 步',
  },
  mx: {
    looking: '正在查询「{domain}」的收信记录（MX），看它由哪家服务商托管…',
    found: '根据「{domain}」的收信记录（MX）判断：这是公司自己的域名，由{name}托管。',
    unknown_provider: '「{domain}」的收信记录（MX）没有指向我们认识的服务商。请在下面手动填写它的服务器。',
    no_mx: '「{domain}」没有设置收信服务器（MX 记录），这个地址可能收不到邮件。请检查 @ 后面的部分；如果没错，请在下面手动填写服务器。',
    no_domain: '找不到「{domain}」这个域名。请检查 @ 后面的拼写；如果确定没错，也可以在下面手动填写服务器。',
    lookup_failed: '暂时查不到「{domain}」的收信记录（MX）。可以稍后再试，也可以直接在下面手动填写服务器。',
    // Too many lookups from this network (or this account) lately: nothing was asked.
    rate_limited: '最近查询收信记录（MX）的次数太多，暂时不能查「{domain}」。请 {minutes} 分钟后再试，也可以在下面直接选择你的邮箱服务商。',
  },
  manual: {
    title: '手动填写服务器',
    intro: '我们认不出这家邮件服务，所以请你填写它的收信（IMAP）和发信（SMTP）服务器。检测会完全按这里填的设置连接；在第 4 步检测之前，随时可以回来修改，填过的内容不会丢。',
    basis: {
      published: '这些是域名自己公布的设置，一般可以直接使用。',
      provider: '预先填的是这家服务商公布的服务器。',
      mx_host: '预先填的 {host} 是「{domain}」的收信服务器（来自它的 MX 记录）：自己运营邮件的单位，收信和发信常常用同一台服务器。',
      mx_base_domain: '「{domain}」的收信记录（MX）指向 {base} 的服务器，所以我们按常见命名猜了 {imap} 和 {smtp}。',
      domain: '没有可以参考的收信记录，所以我们按最常见的命名猜了 {imap} 和 {smtp}。',
      none: '「{domain}」下常见的服务器名字都属于我们认识的邮件服务商，手动设置不会连接它们，所以这里没有预先填写。请填写邮箱管理员或邮件服务商告诉你的服务器。',
    },
    caution: '这只是猜测。请以邮件服务商或管理员公布的设置为准。',
    publishedCaution: '如果邮箱管理员给过你不同的设置，请以管理员的为准。',
    imapLegend: '收信服务器（IMAP）',
    smtpLegend: '发信服务器（SMTP）',
    host: '服务器地址',
    port: '端口',
    tls: '加密方式',
    portHint: {
      imap: '通常 SSL/TLS 用 993，STARTTLS 用 143。换加密方式时我们会改成它常用的端口，除非你自己改过端口。',
      smtp: '通常 SSL/TLS 用 465，STARTTLS 用 587。换加密方式时我们会改成它常用的端口，除非你自己改过端口。',
    },
    alternatives: '其他常见的地址：',
    useAlternative: '改用 {host}',
    reset: '恢复成我们猜的设置',
    username: '用户名一般是完整的邮箱地址（不是的话，在上面的「登录名和邮箱地址不同？」里填写）；密码填这家服务商给邮件客户端用的密码（授权码、应用专用密码），没有的话通常就是邮箱密码。',
    loginToggle: '登录名和邮箱地址不同？',
    loginLabel: '登录名',
    // {address}: the address as the reader typed it.
    loginHint: '有些邮件服务器登录时用的不是完整的邮箱地址，而是另外的名字（比如只有 @ 前面的部分）。留空就用邮箱地址 {address} 登录。收信和发信都用这个名字。',
    loginFromAutoconfig: '这是按 {publisher} 的自动配置文件填的。',
    summaryLogin: '登录名：{name}',
    summaryCaption: '你在第 1 步填写的服务器',
    summaryEdit: '回到第 1 步修改服务器',
    summaryIncomplete: '第 1 步的服务器还没有填完整。',
  },
  byProvider: {
    qq: {
      label: '授权码',
      hint: '16 位字母（QQ 给出的样例都是小写）。粘贴时带进来的空格、换行和看不见的字符会被自动去掉。',
      looks_like_password: '这看起来像 QQ 密码，而不是授权码。授权码是 16 位纯字母。用 QQ 密码检测一定会失败，而且失败太多次会让检测暂时被锁定。',
      wrong_length: '授权码应为 {expected} 位。请检查是否少复制或多复制了字符。',
      non_letters: '授权码只由字母组成，这里有数字或符号。请检查是否复制了别的内容。',
    },
    sohu: {
      label: '独立密码',
      hint: '搜狐没有公开独立密码的长度和字符组成，所以这里不检查格式，由搜狐的服务器来判断。你填的内容会原样发送，空格、全角字符和符号都保留；只去掉粘贴时带到首尾的换行和看不见的字符。',
      looks_like_password: '这看起来像网页邮箱的登录密码。请确认填的是独立密码。',
      wrong_length: '请检查独立密码是否复制完整。',
      non_letters: '请检查是否复制了别的内容。',
    },
    icloud: {
      label: 'App 专用密码',
      hint: '形如 xxxx-xxxx-xxxx-xxxx：16 个小写字母，中间的短横线可以一起粘贴，不计入位数。',
      looks_like_password: '这看起来像 Apple 账户密码，而不是 App 专用密码。App 专用密码是 16 个字母（分成四组）。用 Apple 账户密码检测一定会失败，失败太多次会让检测暂时被锁定。',
      wrong_length: 'App 专用密码应为 {expected} 个字母（不算短横线）。请检查是否少复制或多复制了字符。',
      non_letters: 'App 专用密码只有字母和短横线，这里有数字或其他符号。请检查是否复制了别的内容。',
    },
    manual: {
      label: '邮箱密码或授权码',
      hint: '服务商如果提供授权码或应用专用密码，就填它；没有的话填邮箱密码。我们不认识这家服务，所以不检查格式。密码会原样发送，空格、全角字符和符号都保留；只去掉粘贴时带到首尾的换行和看不见的字符。',
      looks_like_password: '请确认填的是这家服务商给邮件客户端用的密码。',
      wrong_length: '请检查密码是否复制完整。',
      non_letters: '请检查是否复制了别的内容。',
    },
    'netease-enterprise': {
      label: '客户端授权密码',
      hint: '16 个字符。粘贴时带进来的空格、换行和看不见的字符会被自动去掉。',
      looks_like_password: '这看起来不像客户端授权密码（它有 16 个字符）。用网页版登录密码检测一定会失败，失败太多次会让检测暂时被锁定。',
      wrong_length: '客户端授权密码应为 {expected} 个字符。请检查是否少复制或多复制了字符。',
      non_letters: '请检查是否复制了别的内容。',
    },
  },
};

export type WizardLaterMessages = typeof zh;

const en: WizardLaterMessages = {
  result: {
    empty: 'No result yet. Paste your code in the previous step and choose “Check and save”.',
    goToForm: 'Paste the code',
    statusLabel: 'Mailbox status',
    statusOk: 'OK',
    successTitle: 'Connected: mailbox status “OK”',
    savedNote: 'Receiving and sending both passed, and the mailbox is saved to your account.',
    notSavedNote:
      'Receiving and sending both passed, but saving did not finish. Please check once more; if it still fails, contact our support.',
    manageLink: 'See and manage my mailboxes',
    nextTitle: 'What happens next',
    next: [
      'You can now read and send this mailbox’s mail in our app.',
      'If you ever delete or replace this code, come back and check with the new one: the same mailbox is updated, not added twice.',
      'Once the code is in your password manager, you never need to look for it in webmail again.',
    ],
    failureTitle: 'The connection did not work',
    failureNote: 'Nothing was saved. Go through the points below, then try again.',
    protocolFailed: '{protocol}: {title}',
    checklistTitle: 'Check, in this order',
    fixStep: 'Back to step {n}: {title}',
    serverSaid: 'The server’s own words ({protocol}, stopped at {stage})',
    technicalDetail: 'Technical detail (useful when contacting support)',
    fallbackTitle: 'Fallback servers are another option',
    fallbackOffer:
      'This check used {host}. If it still fails once you have gone through the points above, you can check once more with the fallback servers ({alt}). We never change servers by ourselves, and that check counts towards the failure limit like any other.',
    fallbackRetry: 'Check again with the fallback servers ({alt})',
    fallbackUsed: 'This check used the fallback servers you picked ({alt}). To go back to {host}, pick it again in step 4 and check.',
    retry: 'Check again',
    edit: 'Edit and check again',
    refusedTitle: {
      mailbox_locked: 'Checks of this mailbox are locked for now',
      provider_paused: 'Checks of {provider} are paused',
      manual_limited: 'No more checks of typed servers for now',
      account_limited: 'No more checks from your account for now',
      provider_busy: 'Checks of {provider} have to wait a little',
      check_running: 'This mailbox is being checked right now',
      too_many_running: 'You have too many checks running at once',
    },
    refused: {
      mailbox_locked:
        'Too many recent checks of this mailbox failed. Mail providers block a server that keeps failing to log in, so we have stopped checking it for a while. Use the time to double-check your {credential}.',
      provider_paused:
        '{provider} is refusing connections from our server for now. It is our checking server that is blocked, not your mailbox. To keep the block from growing longer, we have paused every check of {provider}.',
      manual_limited:
        'Many of your recent checks of servers you typed in failed. Each check connects from our server to the address you typed, so we limit how many may fail. Use the time to confirm the server names, ports and encryption with whoever runs your mail.',
      account_limited:
        'Too many recent checks from your account failed (all mailboxes together). Each failure is a refused login from our server at the mail provider, and providers block servers that collect too many, so your checks are stopped for a while. Use the time to double-check your {credential}.',
      provider_busy:
        'Refused logins at {provider} from all our users have reached the ceiling we set ourselves for now. To keep {provider} from blocking our server, new checks wait a little before they start. This is not about your mailbox: try again at the time below.',
      check_running:
        'A check of this mailbox is already running (perhaps started in another window). Wait for it to finish instead of starting another: every extra check is one more login.',
      too_many_running: 'You already have several checks running at once. Wait for some of them to finish before starting another.',
    },
    retryAt: 'Please try again after {time}',
    signedOutTitle: 'Please sign in first',
    signedOut: 'Checking and saving needs an account. You can sign in or sign up on step 4 without leaving this page.',
    signIn: 'Back to step 4',
  },
  mx: {
    looking: 'Looking up the mail records (MX) of “{domain}” to see which provider hosts it…',
    found: 'From the mail records (MX) of “{domain}”: a company domain, hosted by {name}.',
    unknown_provider: 'The mail records (MX) of “{domain}” do not point to a provider we know. Please enter its servers below.',
    no_mx: '“{domain}” has no mail servers set up (no MX records), so this address may not receive mail. Please check the part after the “@”; if it is right, enter the servers below.',
    no_domain: 'There is no domain “{domain}”. Please check the spelling after the “@”; if you are sure it is right, you can still enter the servers below.',
    lookup_failed: 'The mail records (MX) of “{domain}” cannot be looked up right now. Try again later, or enter the servers below.',
    rate_limited: 'There have been too many mail record (MX) lookups from here lately, so “{domain}” was not looked up. Please try again in {minutes} min, or pick your provider below.',
  },
  manual: {
    title: 'Enter the servers yourself',
    intro: 'We do not recognise this mail service, so please enter its incoming (IMAP) and outgoing (SMTP) servers. The check connects exactly as set here; until you run it in step 4 you can come back and change them, and nothing you typed is lost.',
    basis: {
      published: 'These are settings the domain publishes itself, usually right as they are.',
      provider: 'What is filled in are the servers this provider publishes.',
      mx_host: 'The {host} filled in is the mail server of “{domain}” (from its MX record): organisations running their own mail often receive and send on the same server.',
      mx_base_domain: 'The mail records (MX) of “{domain}” point to servers of {base}, so we guessed {imap} and {smtp} from the usual naming.',
      domain: 'There are no mail records to go by, so we guessed {imap} and {smtp} from the most common naming.',
      none: 'The usual server names under “{domain}” are servers of a mail provider we know, which manual setup does not connect to, so nothing is filled in. Please enter the servers your mail administrator or provider gives you.',
    },
    caution: 'This is only a guess. The settings your mail provider or administrator publishes are what count.',
    publishedCaution: 'If your mail administrator gave you different settings, theirs are the ones to use.',
    imapLegend: 'Incoming server (IMAP)',
    smtpLegend: 'Outgoing server (SMTP)',
    host: 'Server address',
    port: 'Port',
    tls: 'Encryption',
    portHint: {
      imap: 'Usually 993 with SSL/TLS and 143 with STARTTLS. Changing the encryption switches to its usual port unless you typed a port yourself.',
      smtp: 'Usually 465 with SSL/TLS and 587 with STARTTLS. Changing the encryption switches to its usual port unless you typed a port yourself.',
    },
    alternatives: 'Other usual addresses:',
    useAlternative: 'Use {host}',
    reset: 'Go back to our guess',
    username:
      'The user name is usually the whole email address (if yours is not, enter it under “Is your login name different from your address?” above); the password is the one the provider gives mail apps (authorization code, app password), or the mailbox password if it has none.',
    loginToggle: 'Is your login name different from your address?',
    loginLabel: 'Login name',
    loginHint:
      'Some mail servers log in with a name other than the whole address (only the part before the @, say). Leave it empty to log in with your address, {address}. The same name is used for receiving and sending.',
    loginFromAutoconfig: 'Filled in from the autoconfig file of {publisher}.',
    summaryLogin: 'Login name: {name}',
    summaryCaption: 'The servers you entered in step 1',
    summaryEdit: 'Back to step 1 to change the servers',
    summaryIncomplete: 'The servers in step 1 are not complete yet.',
  },
  byProvider: {
    qq: {
      label: 'Authorization code',
      hint: '16 letters (the samples QQ shows are all lower case). Spaces, line breaks and invisible characters pasted with it are removed for you.',
      looks_like_password:
        'This looks like your QQ password rather than the authorization code, which is 16 letters only. A check with the QQ password always fails, and too many failures lock checks for a while.',
      wrong_length: 'The code should have {expected} letters. Check that nothing is missing or extra.',
      non_letters: 'The code is letters only, and this has digits or symbols. Check that nothing else was copied.',
    },
    sohu: {
      label: 'Separate password',
      hint: 'Sohu has not published the length or characters of the separate password (独立密码), so we do not check its format here and leave the verdict to Sohu’s server. What you enter is sent exactly as typed, spaces, full-width characters and symbols included; only a line break or invisible character that a paste left at either end is dropped.',
      looks_like_password: 'This looks like your webmail login password. Make sure it is the separate password.',
      wrong_length: 'Check that the separate password was copied whole.',
      non_letters: 'Check that nothing else was copied.',
    },
    icloud: {
      label: 'App-specific password',
      hint: 'Shaped like xxxx-xxxx-xxxx-xxxx: 16 lower-case letters; the hyphens may be pasted too and are not counted.',
      looks_like_password:
        'This looks like your Apple Account password rather than an app-specific password, which is 16 letters in four groups. A check with the Apple Account password always fails, and too many failures lock checks for a while.',
      wrong_length: 'An app-specific password has {expected} letters (hyphens not counted). Check that nothing is missing or extra.',
      non_letters: 'An app-specific password has only letters and hyphens, and this has digits or other symbols. Check that nothing else was copied.',
    },
    manual: {
      label: 'Mailbox password or app password',
      hint: 'If the provider offers an authorization code or app password, use it; otherwise the mailbox password. We do not know this service, so the format is not checked. The password is sent exactly as typed, spaces, full-width characters and symbols included; only a line break or invisible character that a paste left at either end is dropped.',
      looks_like_password: 'Check that this is the password the provider gives mail apps.',
      wrong_length: 'Check that the password was copied completely.',
      non_letters: 'Check that nothing else was copied.',
    },
    'netease-enterprise': {
      label: 'Client authorization password',
      hint: '16 characters. Spaces, line breaks and invisible characters pasted with it are removed for you.',
      looks_like_password:
        'This does not look like a client authorization password (it has 16 characters). A check with the webmail password always fails, and too many failures lock checks for a while.',
      wrong_length: 'The client authorization password should have {expected} characters. Check that nothing is missing or extra.',
      non_letters: 'Check that nothing else was copied.',
    },
  },
};

export const WIZARD_LATER_MESSAGES: Record<Locale, WizardLaterMessages> = { zh, en };
