// The wizard's words in Chinese, the product's first language. Written for this product: the
// setup guide it grew from is a source of facts, not of sentences. `en.ts` has the same shape.
// `{name}` placeholders are filled with `format` from lib/i18n/locale.ts.

export const zh = {
  meta: {
    title: '连接网易邮箱 · 客户端授权码设置向导',
    description: '开启 IMAP/SMTP、获取客户端授权码，并在保存前确认邮箱真的能收发。适用于 163.com、126.com 和 yeah.net。',
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
    // A domain no provider lists: what its MX records said.
    mx: {
      looking: '正在查询「{domain}」的收信记录（MX），看它由哪家服务商托管…',
      found: '根据「{domain}」的收信记录（MX）判断：这是公司自己的域名，由{name}托管。',
      unknown_provider: '「{domain}」的收信记录（MX）没有指向我们认识的服务商。这个向导目前支持网易个人邮箱、QQ 邮箱、搜狐邮箱、iCloud 邮件和网易企业邮箱，其他邮箱暂时还不能在这里连接。',
      no_mx: '「{domain}」没有设置收信服务器（MX 记录），这个地址可能收不到邮件。请检查 @ 后面的部分。',
      no_domain: '找不到「{domain}」这个域名。请检查 @ 后面的拼写。',
      lookup_failed: '暂时查不到「{domain}」的收信记录（MX）。请稍后再试。',
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
    alternativeTitle: '备用服务器：163.com',
    alternativeCaption: '备用的 163.com 服务器设置',
    alternativeIntro: '在第 4 步可以选择改用这组服务器。',
  },
  access: {
    intro: '授权码只能在网页版邮箱里生成和管理。先登录网页版，找到设置页。',
    open: '打开{name}网页版',
    opensInNewTab: '（在新标签页打开）',
    otherWebmail: '其他网易邮箱的网页版：',
    instructions: [
      '登录后，点页面顶部的「设置」。',
      '在左侧菜单里选「POP3/SMTP/IMAP」。',
    ],
    path: '完整路径：',
    phoneNote: '在手机上，如果网页版里找不到「设置」，可以换到电脑上操作这一步和下一步。做完后回到这里继续。',
  },
  enable: {
    intro: '在「POP3/SMTP/IMAP」设置页里依次完成下面几件事。',
    instructions: [
      '打开「IMAP/SMTP服务」的开关。我们的客户端用它收信和发信。',
      '打开「POP3/SMTP服务」的开关。两个都开着最稳妥。',
      '点「客户端授权密码」旁边的「开启」。',
      '按页面提示，用绑定的手机把指定内容发成短信，完成安全验证。',
      '短信发出后，回到网页点「我已发送」。',
      '授权码出现后马上复制。关掉窗口之后就再也看不到它了。',
    ],
    onceTitle: '授权码只显示一次',
    once: '先复制，最好存进密码管理器，再关掉窗口。如果没来得及复制，不用担心，重新生成一个就行，旧的可以在同一页面删除。',
    afterCode: '授权码生成后，邮件客户端就不能再用登录密码登录了，收信和发信（IMAP、POP3、SMTP）共用同一个授权码。',
    noPhone: '短信要用绑定在这个邮箱上的手机号发送，用别的号码发，验证不会通过。',
  },
  configure: {
    intro: '在我们的客户端里，授权码就填在「密码」的位置。点检测后，我们会真正连一次你的邮箱：收信服务器能打开收件箱、发信服务器接受你的地址作为发件人，才算成功，也只有这时才会保存。',
    instructions: ['把刚才复制的授权码粘贴到下面的「客户端授权码」框里，它就是客户端的密码。', '检测通过后，邮箱状态会显示为「正常」。'],
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
        hint: '搜狐没有公开独立密码的长度和字符组成，所以这里不检查格式，由搜狐的服务器来判断。粘贴时带进来的空格和换行会被自动去掉。',
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
    serversLegend: '使用哪组服务器',
    serversOwn: '{domain} 自己的服务器（推荐）',
    serversAlternative: '163.com 的服务器',
    serversHint: '如果用自己的服务器检测失败，可以换成 163.com 的再试一次。',
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
    alternativeHint: '这次用的是 {host}。如果确认授权码没错，可以在第 4 步改用 163.com 的服务器再试一次。',
    retry: '再检测一次',
    edit: '修改后再检测',
    refusedTitle: {
      mailbox_locked: '这个邮箱的检测暂时锁定了',
      provider_paused: '对网易邮箱的检测暂停中',
    },
    refused: {
      mailbox_locked: '这个邮箱最近失败的检测太多了。网易会因为频繁的登录失败而封禁我们的服务器，所以我们暂时停止了对它的检测。趁这段时间核对一下授权码。',
      provider_paused: '网易暂时拒绝了来自我们服务器的连接，被限制的是我们的检测服务器，不是你的邮箱。为了不让限制延长，我们暂停了所有对网易邮箱的检测。',
    },
    retryAt: '请在 {time} 之后再试',
    signedOutTitle: '请先登录',
    signedOut: '登录之后才能把邮箱保存到你的账户。你在向导中的位置和邮箱地址会保留；出于安全考虑，授权码需要重新粘贴一次。',
    signIn: '登录或注册',
  },
  figures: {
    webmail: {
      title: '图示：网页邮箱的设置入口',
      description: '网页邮箱顶部导航栏最右边是「设置」（标记 1）；打开后左侧菜单里有「POP3/SMTP/IMAP」一项（标记 2）。',
    },
    switches: {
      title: '图示：开启服务，找到「开启」按钮',
      description: 'POP3/SMTP/IMAP 设置页上有两个开关：「IMAP/SMTP服务」（标记 1）和「POP3/SMTP服务」（标记 2），都处于开启状态；下面一行「客户端授权密码」旁边有「开启」按钮（标记 3）。',
    },
    sms: {
      title: '图示：用绑定的手机发短信验证',
      description: '网页弹出安全验证，要求用绑定的手机发送一条指定内容的短信；手机上已经写好这条短信并发出（标记 4），随后在网页上点「我已发送」（标记 5）。',
    },
    code: {
      title: '图示：生成的授权码（示例）',
      description: '弹窗显示新生成的 16 位授权码，图中是虚构的示例 ABCDEFGHJKLMNPQR，旁边有复制提示，并提醒它只显示一次（标记 6）。',
      sample: '示例',
      copyHint: '复制',
      onceHint: '只显示一次，请立即复制',
    },
    client: {
      title: '图示：在客户端的密码栏粘贴授权码',
      description: '邮件客户端的添加账号表单：邮箱一栏是 zhangsan@163.com，密码一栏粘贴的是授权码而不是登录密码（标记 1）。',
      email: '邮箱',
      password: '密码',
      pasteHint: '粘贴授权码',
    },
    status: {
      title: '图示：邮箱状态显示「正常」',
      description: '账户列表里，zhangsan@163.com 一行的状态标记为「正常」（标记 2）。',
      account: '账户',
    },
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
          '网易的说明认为 imap.163.com、smtp.163.com 适用于所有后缀，但有公开报告显示 126.com 的地址连 163.com 的服务器会像密码错误一样失败。所以我们先用后缀对应的服务器，163.com 的作为备用。',
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
          'QQ 邮箱、搜狐邮箱和 iCloud 邮件可以：在第 1 步点选服务商或直接输入地址，后面的步骤会换成那家邮箱自己的做法。网易企业邮箱和公司自己的域名还不行，我们正在准备。',
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
      },
    },
  },
  footer: {
    note: '图示是我们自己画的示意图，网易页面的实际样式可能略有不同。',
  },
};

export type Messages = typeof zh;
