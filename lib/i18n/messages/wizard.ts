import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_LATER_MESSAGES as LATER } from './wizard-later';

// The wizard's words (/, its steps and the pages around it), Chinese first, the product's first
// language, and English second. Written for this product: the setup guide it grew from is a source
// of facts, not of sentences. Kept apart from the other pages' catalogs; the page passes each client
// component its slice. NetEase's steps written out at length are lib/i18n/messages/written-guides.ts.
// `{name}` placeholders are filled with `format` from lib/i18n/locale.ts.

const zh = {
  meta: {
    title: '连接你的邮箱 · 授权码设置向导',
    description: '开启 IMAP/SMTP、获取授权码或专用密码，并在保存前确认邮箱真的能收发。适用于网易邮箱、QQ 邮箱、搜狐邮箱、iCloud 邮件和网易企业邮箱。',
  },
  header: {
    skipToWizard: '跳到设置步骤',
    switchTo: 'English',
    switchToLang: 'en',
    switchLabel: 'Switch to English / 切换为英文',
  },
  intro: {
    title: '把网易邮箱连接到我们的邮件客户端',
    lead: '网易邮箱（163.com、126.com、yeah.net）不接受邮件客户端用登录密码登录。你需要在网页版邮箱里生成一个「客户端授权码」，再把它填到这里。',
    codeTipTitle: '关键是那串授权码',
    codeTip: '客户端授权码是网易专门发给第三方客户端的 16 位字母密码，和你登录网页邮箱用的密码不是一回事。它只在生成时显示一次。',
    // For the providers after NetEase: the same three lines, worded from the provider's data.
    titleFor: '把{name}连接到我们的邮件客户端',
    leadFor: '{name}不接受邮件客户端用登录密码登录。你需要先生成一个「{credential}」，再把它填到这里。',
    codeTipTitleFor: '关键是那个{credential}',
    codeTipFor: '{credential}是{name}专门给邮件客户端用的密码，和你平时登录用的密码不是一回事。',
  },
  wizard: {
    label: '设置向导',
    progressLabel: '设置进度',
    stepOf: '第 {n} 步，共 {total} 步',
    stepNumber: '第 {n} 步',
    // Short labels of steps 3 and 4 for providers whose code has another name.
    shortFor: { get: '获取{credential}', paste: '粘贴{credential}' },
    currentMarker: '（当前）',
    loadingSteps: '正在载入{name}的步骤……',
    // Without JavaScript a first visit holds the first step only; this opens all of NetEase's.
    noscriptLink: '打开网易邮箱的全部步骤',
    back: '上一步',
    next: '下一步',
    noscript: '你的浏览器关闭了 JavaScript：下面按顺序列出了全部步骤，照着做即可；最后一步的检测需要开启 JavaScript。',
    steps: {
      'core-parameters-configuration': { short: '邮箱地址', title: '你的邮箱地址和服务器' },
      'access-settings': { short: '打开设置', title: '打开网页邮箱的设置' },
      'enable-service-and-get-code': { short: '获取授权码', title: '开启服务，获取授权码' },
      'configure-in-client': { short: '粘贴授权码', title: '粘贴授权码并检测' },
      result: { short: '结果', title: '检测结果' },
    },
  },
  address: {
    intro: '先告诉我们要连接哪个邮箱。我们会按地址的后缀找到对应的服务器。',
    label: '邮箱地址',
    placeholder: '例如 zhangsan@163.com',
    hint: '填写完整地址，包括 @ 和后面的部分。全角字符也没关系，我们会自动转换。',
    detected: '已识别：{name}',
    usingAddress: '将使用的地址：{address}',
    waiting: '输入地址后，这里会显示识别出的邮箱服务商。',
    detecting: '正在识别…',
    unknown: '暂时认不出「{domain}」的邮箱服务商。这个向导目前支持网易个人邮箱（163.com、126.com、yeah.net）、QQ 邮箱、搜狐邮箱和 iCloud 邮件。',
    chosen: '已选择{name}：请在 @ 前面填上你的邮箱用户名。',
    chosenOwnDomain: '已选择{name}：它用的是你公司自己的域名，请输入完整的公司邮箱地址（@ 后面是公司域名），我们会查这个域名的收信记录（MX）来确认。',
    // A domain no provider lists: what its MX records said.
    mx: LATER.zh.mx,
    // Manual setup: the servers of a mail service no provider entry describes.
    manual: LATER.zh.manual,
    chooser: {
      legend: '你用的是哪家邮箱？',
      hint: '不想输入完整地址？点一家服务商，我们会替你填好 @ 后面的部分，你只需补上 @ 前面的用户名。',
    },
    unconfirmedBadge: '未经证实',
    unconfirmed: '{domain} 的服务器地址是按 163.com、126.com 的规律推测的，网易没有公开确认。如果检测失败，请改用 163.com 的服务器再试。',
    tableCaption: '{name}的服务器设置',
    defaultTableCaption: '网易 163 邮箱的服务器设置（输入地址后会按后缀更新）',
    columns: { service: '服务', host: '服务器地址', port: '端口', security: '加密' },
    rows: { imap: 'IMAP 收信', smtp: 'SMTP 发信', pop3: 'POP3 收信' },
    tls: { implicit: 'SSL/TLS', starttls: 'STARTTLS' },
    copy: '复制',
    copyLabel: '复制服务器地址 {value}',
    copied: '已复制 {value}',
    copyFailed: '没能复制，请长按或选中后手动复制。',
    username: '用户名一律填完整的邮箱地址；密码处填的是授权码，不是登录密码。',
    usernameFor: {
      address: '用户名填完整的邮箱地址；密码处填的是{credential}，不是登录密码。',
      local_part: '收信（IMAP）的用户名先用 @ 前面的部分，被拒时检测会再试一次完整地址；发信（SMTP）的用户名是完整地址。密码处填的是{credential}，不是登录密码。',
    },
    alternativeTitle: '备用服务器：{host}',
    alternativeCaption: '备用服务器设置（{host}）',
    alternativeIntro: '检测只连上面那组服务器，不会自己换到这一组。只有检测失败后，才会让你选择是否用这组服务器再检测一次。',
  },
  configure: {
    addressLabel: '邮箱地址',
    codeLabel: '客户端授权码',
    codeHint: '16 位字母。粘贴时带进来的空格、换行和看不见的字符会被自动去掉，全角字母会转成半角。',
    counter: '{length}/{expected}',
    counterLabel: '已输入 {length} 个字符，授权码应为 {expected} 个',
    counterFree: '{length}',
    counterFreeLabel: '已输入 {length} 个字符',
    // The code field for providers after NetEase, whose code has another name and format.
    byProvider: LATER.zh.byProvider,
    cleaned: '已去掉粘贴内容里的空格、换行或不可见字符。',
    warnings: {
      looks_like_password: '这看起来像网页邮箱的登录密码，而不是授权码。授权码是 16 位纯字母。用登录密码检测一定会失败，而且失败太多次会让检测暂时被锁定。',
      wrong_length: '授权码应为 {expected} 位。请检查是否少复制或多复制了字符。',
      non_letters: '授权码只由字母组成，这里有数字或符号。请检查是否复制了别的内容。',
    },
    confirmPassword: '这确实是授权码，继续检测',
    manualInvalid: '第 1 步填写的服务器有问题，没有开始检测。请按那里的提示修改后再检测。',
    serversLegend: '使用哪组服务器',
    serversOwn: '{domain} 自己的服务器（推荐）',
    serversAlternative: '备用服务器（{host}）',
    serversHint: '检测只连这里选中的一组，不会自己换到另一组。用备用服务器检测同样计入失败次数的限制。',
    submit: '检测并保存',
    submitting: '正在检测…',
    lockedUntil: '请在 {time} 之后再试',
    progressLabel: '检测进度',
    imapName: '收信（IMAP）',
    smtpName: '发信（SMTP）',
    idle: '等待检测',
    imapRunning: '正在连接收信服务器…',
    smtpRunning: '正在验证发信…',
    passed: '通过，用时 {seconds} 秒',
    failed: '未通过，用时 {seconds} 秒',
    notTried: '没有登录：收信服务器的登录没有成功',
    networkError: '检测没有完成：网络连接中断，或服务器暂时出了问题。请稍后再试。',
    noscript: '检测需要开启 JavaScript。',
  },
  result: LATER.zh.result,
  faq: {
    title: '常见问题',
    items: [
      {
        q: '「客户端授权码」是什么？',
        a: [
          '它是网易为第三方邮件客户端单独发放的一串密码，只用于收发邮件，和你登录网页邮箱的密码无关。这样即使某个客户端出了问题，你的主密码也不会暴露。',
        ],
      },
      {
        q: '已经生成的授权码可以管理吗？',
        a: [
          '可以。在网页邮箱「设置 → POP3/SMTP/IMAP」里，可以看到哪些设备在使用授权码，停用不再需要的，或者再生成新的。',
          '如果把授权码功能整个关掉，所有授权码会一起失效，每个客户端都要重新填。',
        ],
      },
      {
        q: '为什么建议每个客户端用单独的授权码？',
        a: [
          '这样哪台设备丢了或者不用了，只停用它那一个授权码就行，其他客户端照常工作。',
        ],
      },
      {
        q: '163.com、126.com 和 yeah.net 的步骤一样吗？',
        a: [
          '一样。它们都是网易的个人邮箱，安全规则和设置流程相同，只是网页版地址和服务器名里的后缀不同。',
        ],
      },
      {
        q: '为什么默认用和邮箱后缀对应的服务器？',
        a: [
          '网易的说明认为 imap.163.com、smtp.163.com 适用于所有后缀，但有公开报告显示 126.com 的地址连 163.com 的服务器会像密码错误一样失败。所以检测默认连后缀对应的服务器；163.com 的只作备用，检测失败后由你决定要不要换过去再试。',
        ],
      },
      {
        q: '授权码忘了或者没复制下来怎么办？',
        a: [
          '授权码只显示一次，之后无法再查看。在设置页重新生成一个新的，把旧的停用即可。',
        ],
      },
      {
        q: '188.com 和 VIP 邮箱能用吗？',
        a: [
          '可以试。这些域名的服务器地址是按同样规律推测的，网易没有公开确认，我们在页面上会标出来。检测会告诉你是否真的可用。',
        ],
      },
      {
        q: '我的是网易企业邮箱、QQ 邮箱或其他邮箱，能用这个向导吗？',
        a: [
          'QQ 邮箱、搜狐邮箱和 iCloud 邮件可以：在第 1 步点选服务商或直接输入地址，后面的步骤会换成那家邮箱自己的做法。公司域名上的网易企业邮箱也可以：输入地址后，我们会按域名的收信记录（MX）认出它。',
        ],
      },
      {
        q: '你们会怎样保存我的授权码？',
        a: [
          '只有检测通过后才会保存，并且加密存储，只用于替你收发邮件。页面、日志和检测结果里都不会显示它。',
        ],
      },
    ],
  },
  tips: {
    title: '安全提示',
    items: [
      { title: '只用授权码', body: '在任何邮件客户端里都只填授权码，不要填网页邮箱的登录密码。' },
      { title: '存进密码管理器', body: '授权码只显示一次，生成后立刻存进密码管理器，需要时从那里复制。' },
      { title: '一个客户端一个授权码', body: '每个客户端或设备各用一个，停用时互不影响。' },
      { title: '定期检查授权设备', body: '隔一段时间登录网页邮箱看看授权列表，把不再使用的设备移除。' },
      { title: '不要发给别人', body: '授权码和密码一样重要。任何人都不该向你要它，包括我们的客服。' },
    ],
  },
  // Steps 2 to 4 for providers after NetEase: labels around the provider's own guide data.
  guide: {
    where: '在哪里：',
    expect: '做对了会看到：',
    open: '打开{label}',
    opensInNewTab: '（在新标签页打开）',
    prerequisiteTitle: '开始之前',
    onceTitle: '{credential}只显示一次',
    once: '马上复制，最好存进密码管理器，再关掉页面。没来得及复制也不要紧，重新生成一个就行。',
    namedExpires: '生成时给它起一个认得出的名字，并记下有效期：过期以后需要生成新的，再回到这里更新。',
    notesTitle: '须知',
    assumptionsTitle: '我们不确定的地方',
    assumptionsIntro: '下面这些来自公开资料，服务商没有正式确认；如果和你在页面上看到的不一样，以服务商的页面为准。',
    tips: {
      qq: 'QQ 对好几种失败只回同一句话，其中包括「登录太频繁」。如果检测被这样拒绝，核对授权码和服务开关之后，至少等 15 分钟再检测。',
      sohu: '如果你在搜狐邮箱里开启过「IP 白名单」，我们的检测服务器不在名单上，会被拒绝：请先关掉它再检测。',
      icloud: '只有开启了双重认证的 Apple 账户才能生成 App 专用密码。请用 iCloud 邮件的主地址，别名不能登录。',
      'netease-enterprise': '生成客户端授权密码时一定要点「确定」，否则它不会生效。公司管理员如果限制了登录的网络地址，需要先放行我们的检测服务器。',
      manual: '检测失败时，先核对第 1 步的服务器地址、端口和加密方式是否和服务商公布的一致，再核对密码。有的服务商要求先在网页版里开启 IMAP/SMTP，或改用专门给客户端的密码。',
    },
    figures: {
      path: {
        title: '示意图：{name}里的设置位置',
        description: '示意图：浏览器打开 {url}，依次点 {path}，每一处都标了序号。',
      },
      code: {
        title: '示意图：{credential}的样子（虚构的示例）',
        description: '示意图：一个卡片上显示虚构的示例 {sample}，旁边提醒马上复制。',
        unknownDescription: '示意图：一个卡片上显示{credential}，它的长度和格式没有公开记录，所以图上不画具体的字符。',
        unknownFormat: '格式未公开',
        copyNow: '马上复制',
        // Beside the made-up code, so it cannot pass for a real one.
        sample: '示例',
      },
    },
  },
  // Saving a mailbox needs an account: said to visitors on step 3, before the code is made (with
  // links that come back to that step), and on step 4, where they can sign in without leaving.
  saveAccount: {
    noticeTitle: '保存邮箱需要一个账号',
    notice: '授权码只在生成时显示一次。检测通过的邮箱会保存到你的账号里，所以最好先登录或注册，再去生成授权码。登录后会回到这一步。',
    signIn: '登录',
    signUp: '注册',
    choose: '登录还是注册',
    // The panel's choice of form; the forms' own buttons then say 「登录」 and 「注册并登录」.
    haveAccount: '我有账号',
    newHere: '我是新用户',
    panelTitle: '登录后就能检测并保存',
    panel: '你还没有登录。可以就在这里登录或注册：你填写的授权码会一直留在下面的输入框里，登录后检测马上开始，不用再粘贴一次。',
    asked: '请先在这里登录或注册，检测会接着开始。',
    loading: '正在加载登录表单…',
  },
  notFound: {
    title: '找不到这个页面',
    body: '链接可能有误，或者这个页面已经不在了。',
    home: '回到设置向导',
  },
  footer: {
    note: '图示是我们自己画的示意图，邮箱网页的实际样式可能略有不同。',
  },
};

export type WizardMessages = typeof zh;

// Labels of a provider's own screens stay in Chinese beside their translation, because that is
// what the reader will see in webmail.
const en: WizardMessages = {
  meta: {
    title: 'Connect your mailbox · authorization code setup',
    description:
      'Switch on IMAP/SMTP, get an authorization code or app password, and see the mailbox really send and receive before it is saved. For NetEase Mail, QQ Mail, Sohu Mail, iCloud Mail and NetEase enterprise mail.',
  },
  header: {
    skipToWizard: 'Skip to the setup steps',
    switchTo: '中文',
    switchToLang: 'zh-CN',
    switchLabel: '切换为中文 / Switch to Chinese',
  },
  intro: {
    title: 'Connect your NetEase mailbox to our mail app',
    lead: 'NetEase Mail (163.com, 126.com, yeah.net) does not let mail apps log in with your login password. Instead you create a “client authorization code” (客户端授权码) in webmail and enter it here.',
    codeTipTitle: 'It all comes down to one code',
    codeTip: 'A client authorization code is a 16-letter password NetEase issues for mail apps only; it is not the password you use to sign in to webmail. It is shown once, when it is created.',
    titleFor: 'Connect your {name} mailbox to our mail app',
    leadFor: '{name} does not let mail apps log in with your login password. Instead you create a password for mail apps only, the {credential}, and enter it here.',
    codeTipTitleFor: 'It all comes down to the {credential}',
    codeTipFor: 'The {credential} is a password {name} issues for mail apps only; it is not the password you normally sign in with.',
  },
  wizard: {
    label: 'Setup steps',
    progressLabel: 'Setup progress',
    stepOf: 'Step {n} of {total}',
    stepNumber: 'Step {n}',
    shortFor: { get: 'Get the {credential}', paste: 'Paste the {credential}' },
    currentMarker: ' (current)',
    loadingSteps: 'Loading the steps for {name}…',
    noscriptLink: 'Open all the steps for NetEase Mail',
    back: 'Back',
    next: 'Next',
    noscript:
      'JavaScript is off in your browser: all the steps are listed below in order, so you can follow them as a guide. The check in the last step needs JavaScript.',
    steps: {
      'core-parameters-configuration': { short: 'Address', title: 'Your address and its servers' },
      'access-settings': { short: 'Settings', title: 'Open the webmail settings' },
      'enable-service-and-get-code': { short: 'Get the code', title: 'Switch on the services and get the code' },
      'configure-in-client': { short: 'Paste the code', title: 'Paste the code and check' },
      result: { short: 'Result', title: 'Result' },
    },
  },
  address: {
    intro: 'Which mailbox should we connect? The part after “@” tells us its servers.',
    label: 'Email address',
    placeholder: 'e.g. zhangsan@163.com',
    hint: 'The whole address, including “@” and what follows. Full-width characters are fine; we convert them.',
    detected: 'Recognised: {name}',
    usingAddress: 'Address we will use: {address}',
    waiting: 'Once you type an address, the provider we recognise appears here.',
    detecting: 'Recognising…',
    unknown:
      'We do not recognise the provider of “{domain}” yet. For now this guide covers NetEase personal mail (163.com, 126.com, yeah.net), QQ Mail, Sohu Mail and iCloud Mail.',
    chosen: '{name} chosen: type your user name in front of the “@”.',
    chosenOwnDomain: '{name} chosen: it runs on your company’s own domain, so type your full work address (the company’s domain after the “@”); we will confirm it from that domain’s mail records (MX).',
    mx: LATER.en.mx,
    manual: LATER.en.manual,
    chooser: {
      legend: 'Which mail provider do you use?',
      hint: 'Rather not type the whole address? Pick a provider and we fill in the part after the “@”; you add the user name before it.',
    },
    unconfirmedBadge: 'Unconfirmed',
    unconfirmed:
      'The servers for {domain} are inferred from the 163.com and 126.com pattern; NetEase has not published them. If the check fails, try again with the 163.com servers.',
    tableCaption: 'Server settings for {name}',
    defaultTableCaption: 'Server settings for NetEase 163 Mail (updates to match your address)',
    columns: { service: 'Service', host: 'Server', port: 'Port', security: 'Security' },
    rows: { imap: 'IMAP incoming', smtp: 'SMTP outgoing', pop3: 'POP3 incoming' },
    tls: { implicit: 'SSL/TLS', starttls: 'STARTTLS' },
    copy: 'Copy',
    copyLabel: 'Copy server name {value}',
    copied: 'Copied {value}',
    copyFailed: 'Could not copy; please select the text and copy it by hand.',
    username:
      'The user name is always the whole address, and the password is the authorization code, not your login password.',
    usernameFor: {
      address: 'The user name is the whole address, and the password is the {credential}, not your login password.',
      local_part:
        'For incoming mail (IMAP) the user name is first the part before the “@”; if that is refused, the check tries the whole address once. For outgoing mail (SMTP) it is the whole address. The password is the {credential}, not your login password.',
    },
    alternativeTitle: 'Fallback servers: {host}',
    alternativeCaption: 'Fallback server settings ({host})',
    alternativeIntro: 'Checks use the servers above and never move to these by themselves. Only after a check fails are you asked whether to try once more with them.',
  },
  configure: {
    addressLabel: 'Email address',
    codeLabel: 'Client authorization code',
    codeHint:
      '16 letters. Spaces, line breaks and invisible characters that come along when pasting are removed, and full-width letters are converted.',
    counter: '{length}/{expected}',
    counterLabel: '{length} characters entered; a code has {expected}',
    counterFree: '{length}',
    counterFreeLabel: '{length} characters entered',
    byProvider: LATER.en.byProvider,
    cleaned: 'Removed spaces, line breaks or invisible characters from what was pasted.',
    warnings: {
      looks_like_password:
        'This looks like your webmail login password, not an authorization code. A code is 16 letters only. A login password always fails the check, and too many failures lock checks for a while.',
      wrong_length: 'A code has {expected} characters. Check that nothing was lost or added when copying.',
      non_letters: 'A code has letters only; this contains digits or symbols. Check that you copied the right thing.',
    },
    confirmPassword: 'It really is the code, check it',
    manualInvalid: 'The servers entered in step 1 have a problem, so nothing was checked. Please fix them as shown there and check again.',
    serversLegend: 'Which servers to use',
    serversOwn: 'The servers of {domain} (recommended)',
    serversAlternative: 'The fallback servers ({host})',
    serversHint: 'The check connects only to the set picked here and never moves to the other by itself. A check on the fallback servers counts towards the failure limit too.',
    submit: 'Check and save',
    submitting: 'Checking…',
    lockedUntil: 'Please try again after {time}',
    progressLabel: 'Check progress',
    imapName: 'Receiving (IMAP)',
    smtpName: 'Sending (SMTP)',
    idle: 'Not checked yet',
    imapRunning: 'Connecting to the incoming server…',
    smtpRunning: 'Verifying sending…',
    passed: 'Passed in {seconds} s',
    failed: 'Failed after {seconds} s',
    notTried: 'Not logged in: the incoming login did not succeed',
    networkError: 'The check did not finish: the connection dropped or the server had a problem. Please try again shortly.',
    noscript: 'The check needs JavaScript.',
  },
  result: LATER.en.result,
  faq: {
    title: 'Questions and answers',
    items: [
      {
        q: 'What is a “client authorization code”?',
        a: [
          'A password NetEase issues separately for mail apps, good only for reading and sending mail and unrelated to your webmail login password. If an app is ever compromised, your main password stays safe.',
        ],
      },
      {
        q: 'Can I manage the codes I have created?',
        a: [
          'Yes. Under 设置 → POP3/SMTP/IMAP in webmail you can see which devices use a code, switch off the ones you no longer need, or create new ones.',
          'Turning the code feature off altogether invalidates every code at once, and every app then needs a new one.',
        ],
      },
      {
        q: 'Why one code per app?',
        a: ['If a device is lost or retired, you switch off just its code and every other app keeps working.'],
      },
      {
        q: 'Is it the same for 163.com, 126.com and yeah.net?',
        a: [
          'Yes. They are all NetEase personal mail with the same security rules and the same steps; only the webmail address and the suffix in the server names differ.',
        ],
      },
      {
        q: 'Why do you start with the servers that match my address?',
        a: [
          'NetEase’s guidance says imap.163.com and smtp.163.com work for every suffix, but a public report shows a 126.com address failing on the 163.com servers exactly like a wrong password. So checks use your suffix’s own servers; the 163.com ones are only a fallback, which you may pick after a failed check.',
        ],
      },
      {
        q: 'I lost the code or did not copy it. Now what?',
        a: ['A code is shown only once and cannot be viewed later. Create a new one on the settings page and switch off the old one.'],
      },
      {
        q: 'Do 188.com and the VIP mailboxes work?',
        a: [
          'You can try. Their servers follow the same pattern but NetEase has not published them, and we mark them as unconfirmed. The check tells you whether they really work.',
        ],
      },
      {
        q: 'I use NetEase enterprise mail, QQ mail or another provider. Can I use this guide?',
        a: [
          'QQ Mail, Sohu Mail and iCloud Mail can: pick the provider in step 1 or type your address, and the later steps switch to that provider’s own way of doing things. So can NetEase enterprise mail on a company’s own domain: type the address and we recognise it from the domain’s mail records (MX).',
        ],
      },
      {
        q: 'How do you keep my code?',
        a: [
          'Only after it passes the check, encrypted, and only to read and send your mail. It never appears on a page, in a log or in a check result.',
        ],
      },
    ],
  },
  tips: {
    title: 'Staying safe',
    items: [
      { title: 'Codes only', body: 'Enter the authorization code in every mail app, never your webmail login password.' },
      { title: 'Keep it in a password manager', body: 'The code is shown once; save it to a password manager right away and copy it from there.' },
      { title: 'One code per app', body: 'Give every app or device its own code, so switching one off leaves the others alone.' },
      { title: 'Review authorised devices', body: 'Every so often, sign in to webmail, look at the list of authorised devices and remove those you no longer use.' },
      { title: 'Never hand it out', body: 'A code is as sensitive as a password. Nobody should ask you for it, our support included.' },
    ],
  },
  guide: {
    where: 'Where: ',
    expect: 'When it went right, you see: ',
    open: 'Open {label}',
    opensInNewTab: ' (opens in a new tab)',
    prerequisiteTitle: 'Before you start',
    onceTitle: 'The {credential} is shown once',
    once: 'Copy it straight away, ideally into a password manager, before you close the page. If you missed it, no harm done: make a new one.',
    namedExpires: 'Give it a name you will recognise and note its expiry date: once it expires, make a new one and update it here.',
    notesTitle: 'Good to know',
    assumptionsTitle: 'What we are not sure of',
    assumptionsIntro: 'These come from public sources and the provider has not confirmed them; where the provider’s page says otherwise, go by the page.',
    tips: {
      qq: 'QQ answers several failures with one sentence, being rate-limited among them. If the check is refused that way, check the code and the service switch, then wait at least 15 minutes before checking again.',
      sohu: 'If you turned on Sohu’s IP whitelist, our checking server is not on it and is refused: turn the whitelist off before checking.',
      icloud: 'Only an Apple Account with two-factor authentication can make app-specific passwords. Use your primary iCloud Mail address; an alias cannot sign in.',
      manual: 'If the check fails, first compare the server addresses, ports and encryption in step 1 with what the provider publishes, then the password. Some providers want IMAP/SMTP switched on in webmail first, or a password made for mail apps.',
      'netease-enterprise': 'Be sure to click 确定 (OK) when making the client authorization password, or it never takes effect. If your administrator limits the addresses that may sign in, our checking server must be allowed first.',
    },
    figures: {
      path: {
        title: 'Sketch: where the setting is in {name}',
        description: 'Sketch: a browser open at {url}, with {path} clicked in turn, each place numbered.',
      },
      code: {
        title: 'Sketch: what the {credential} looks like (made-up sample)',
        description: 'Sketch: a card showing the made-up sample {sample}, with a reminder to copy it now.',
        unknownDescription: 'Sketch: a card showing the {credential}; its length and format are not on record, so no characters are drawn.',
        unknownFormat: 'Format not published',
        copyNow: 'Copy it now',
        // Beside the made-up code, so it cannot pass for a real one.
        sample: 'Sample',
      },
    },
  },
  saveAccount: {
    noticeTitle: 'Saving a mailbox needs an account',
    notice: 'The code is shown only once, when it is made. A mailbox that passes the check is saved to your account, so sign in or sign up before you make the code. You come back to this step afterwards.',
    signIn: 'Sign in',
    signUp: 'Sign up',
    choose: 'Sign in or sign up',
    haveAccount: 'I have an account',
    newHere: 'I am new here',
    panelTitle: 'Sign in to check and save',
    panel: 'You are not signed in. You can sign in or sign up right here: the code you entered stays in the field below, and the check starts as soon as you are signed in, without pasting it again.',
    asked: 'Sign in or sign up here first; the check goes on right after.',
    loading: 'Loading the sign-in form…',
  },
  notFound: {
    title: 'This page is not here',
    body: 'The link may be wrong, or the page is gone.',
    home: 'Back to the setup guide',
  },
  footer: {
    note: 'The illustrations are our own sketches; your webmail’s pages may look slightly different.',
  },
};

export const WIZARD_MESSAGES: Record<Locale, WizardMessages> = { zh, en };
