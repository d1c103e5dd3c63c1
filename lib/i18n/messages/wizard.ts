import type { Locale } from '@/lib/i18n/locale';

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
    lead: '网易邮箱（163.com、126.com、yeah.net）不接受邮件客户端用登录密码登录。你需要在网页版邮箱里生成一个「客户端授权码」，再把它填到这里。下面五步带你完成，每一步都有图示。',
    codeTipTitle: '关键是那串授权码',
    codeTip: '客户端授权码是网易专门发给第三方客户端的 16 位字母密码，和你登录网页邮箱用的密码不是一回事。它只在生成时显示一次。',
    // For the providers after NetEase: the same three lines, worded from the provider's data.
    titleFor: '把{name}连接到我们的邮件客户端',
    leadFor: '{name}不接受邮件客户端用登录密码登录。你需要先生成一个「{credential}」，再把它填到这里。下面五步带你完成。',
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
    // Manual setup: the servers of a mail service no provider entry describes.
    manual: {
      title: '手动填写服务器',
      intro: '我们认不出这家邮件服务，所以请你填写它的收信（IMAP）和发信（SMTP）服务器。检测会完全按这里填的设置连接；在第 4 步检测之前，随时可以回来修改，填过的内容不会丢。',
      basis: {
        provider: '预先填的是这家服务商公布的服务器。',
        mx_host: '预先填的 {host} 是「{domain}」的收信服务器（来自它的 MX 记录）：自己运营邮件的单位，收信和发信常常用同一台服务器。',
        mx_base_domain: '「{domain}」的收信记录（MX）指向 {base} 的服务器，所以我们按常见命名猜了 {imap} 和 {smtp}。',
        domain: '没有可以参考的收信记录，所以我们按最常见的命名猜了 {imap} 和 {smtp}。',
        none: '「{domain}」下常见的服务器名字都属于我们认识的邮件服务商，手动设置不会连接它们，所以这里没有预先填写。请填写邮箱管理员或邮件服务商告诉你的服务器。',
      },
      caution: '这只是猜测。请以邮件服务商或管理员公布的设置为准。',
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
      username: '用户名填完整的邮箱地址；密码填这家服务商给邮件客户端用的密码（授权码、应用专用密码），没有的话通常就是邮箱密码。',
      summaryCaption: '你在第 1 步填写的服务器',
      summaryEdit: '回到第 1 步修改服务器',
      summaryIncomplete: '第 1 步的服务器还没有填完整。',
    },
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
    signedOut: '登录之后才能把邮箱保存到你的账户。你在向导中的位置和邮箱地址会保留；出于安全考虑，授权码需要重新粘贴一次。',
    signIn: '登录或注册',
  },
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
    lead: 'NetEase Mail (163.com, 126.com, yeah.net) does not let mail apps log in with your login password. Instead you create a “client authorization code” (客户端授权码) in webmail and enter it here. Five illustrated steps take you through it.',
    codeTipTitle: 'It all comes down to one code',
    codeTip: 'A client authorization code is a 16-letter password NetEase issues for mail apps only; it is not the password you use to sign in to webmail. It is shown once, when it is created.',
    titleFor: 'Connect your {name} mailbox to our mail app',
    leadFor: '{name} does not let mail apps log in with your login password. Instead you create a password for mail apps only, the {credential}, and enter it here. Five steps take you through it.',
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
    intro: 'First, tell us which mailbox to connect. The part after “@” tells us which servers it uses.',
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
        provider: 'What is filled in are the servers this provider publishes.',
        mx_host: 'The {host} filled in is the mail server of “{domain}” (from its MX record): organisations running their own mail often receive and send on the same server.',
        mx_base_domain: 'The mail records (MX) of “{domain}” point to servers of {base}, so we guessed {imap} and {smtp} from the usual naming.',
        domain: 'There are no mail records to go by, so we guessed {imap} and {smtp} from the most common naming.',
        none: 'The usual server names under “{domain}” are servers of a mail provider we know, which manual setup does not connect to, so nothing is filled in. Please enter the servers your mail administrator or provider gives you.',
      },
      caution: 'This is only a guess. The settings your mail provider or administrator publishes are what count.',
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
      username: 'The user name is the whole email address; the password is the one the provider gives mail apps (authorization code, app password), or the mailbox password if it has none.',
      summaryCaption: 'The servers you entered in step 1',
      summaryEdit: 'Back to step 1 to change the servers',
      summaryIncomplete: 'The servers in step 1 are not complete yet.',
    },
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
    signedOut:
      'The mailbox can only be saved to your account once you are signed in. Your place in the guide and your address are kept; for safety you will paste the code once more.',
    signIn: 'Sign in or sign up',
  },
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
