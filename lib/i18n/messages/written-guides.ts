import type { Locale } from '@/lib/i18n/locale';

// Guides written out at length, with drawings of the provider's own screens: NetEase's, the
// product's first provider. What the wizard shows and in which order is data (the `written` steps
// in lib/providers/netease.ts); these are the words that data names, per provider, per step, and
// the drawings' captions. Only the wizard page's server components read them, so no client bundle
// carries them. `{name}` placeholders are filled with `format`.

const zh = {
  netease: {
    'access-settings': {
      intro: '授权码只能在网页版邮箱里生成和管理。先登录网页版，找到设置页。',
      open: '打开{name}网页版',
      otherWebmail: '其他网易邮箱的网页版：',
      instructions: ['登录后，点页面顶部的「设置」。', '在左侧菜单里选「POP3/SMTP/IMAP」。'],
      path: '完整路径：',
      phoneNote: '在手机上，如果网页版里找不到「设置」，可以换到电脑上操作这一步和下一步。做完后回到这里继续。',
    },
    'enable-service-and-get-code': {
      intro: '在「POP3/SMTP/IMAP」设置页里依次完成下面几件事。',
      // One numbered list, cut where a drawing shows what the items before it did.
      switchOn: [
        '打开「IMAP/SMTP服务」的开关。我们的客户端用它收信和发信。',
        '打开「POP3/SMTP服务」的开关。两个都开着最稳妥。',
        '点「客户端授权密码」旁边的「开启」。',
      ],
      verify: ['按页面提示，用绑定的手机把指定内容发成短信，完成安全验证。', '短信发出后，回到网页点「我已发送」。'],
      copy: ['授权码出现后马上复制。关掉窗口之后就再也看不到它了。'],
      noPhone: '短信要用绑定在这个邮箱上的手机号发送，用别的号码发，验证不会通过。',
      onceTitle: '授权码只显示一次',
      once: '先复制，最好存进密码管理器，再关掉窗口。如果没来得及复制，不用担心，重新生成一个就行，旧的可以在同一页面删除。',
      afterCode: '授权码生成后，邮件客户端就不能再用登录密码登录了，收信和发信（IMAP、POP3、SMTP）共用同一个授权码。',
    },
    'configure-in-client': {
      intro: '在我们的客户端里，授权码就填在「密码」的位置。点检测后，我们会真正连一次你的邮箱：收信服务器能打开收件箱、发信服务器接受你的地址作为发件人，才算成功，也只有这时才会保存。',
      instructions: ['把刚才复制的授权码粘贴到下面的「客户端授权码」框里，它就是客户端的密码。', '检测通过后，邮箱状态会显示为「正常」。'],
    },
    figures: {
      webmail: {
        title: '图示：网页邮箱的设置入口',
        description: '网页邮箱顶部导航栏最右边是「设置」（标记 1）；打开后左侧菜单里有「POP3/SMTP/IMAP」一项（标记 2）。',
      },
      switches: {
        title: '图示：开启服务，找到「开启」按钮',
        description:
          'POP3/SMTP/IMAP 设置页上有两个开关：「IMAP/SMTP服务」（标记 1）和「POP3/SMTP服务」（标记 2），都处于开启状态；下面一行「客户端授权密码」旁边有「开启」按钮（标记 3）。',
      },
      sms: {
        title: '图示：用绑定的手机发短信验证',
        description:
          '网页弹出安全验证，要求用绑定的手机发送一条指定内容的短信；手机上已经写好这条短信并发出（标记 4），随后在网页上点「我已发送」（标记 5）。',
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
  },
};

export type WrittenGuideMessages = typeof zh;

/** One provider's written guide: its steps' words, and its drawings' captions. */
export type WrittenGuideText = WrittenGuideMessages['netease'];

/** The captions of the drawings a written guide can show, by drawing. */
export type GuideFigureText = WrittenGuideText['figures'];

// Labels of NetEase's own screens stay in Chinese beside their translation, because that is what
// the reader will see in webmail.
const en: WrittenGuideMessages = {
  netease: {
    'access-settings': {
      intro: 'Codes are created and managed in webmail only. Sign in there and find the settings page.',
      open: 'Open {name} webmail',
      otherWebmail: 'Other NetEase webmail:',
      instructions: ['Once signed in, click 设置 (Settings) at the top of the page.', 'In the menu on the left, choose POP3/SMTP/IMAP.'],
      path: 'The whole path:',
      phoneNote: 'On a phone, if the webmail page has no 设置 (Settings), do this step and the next on a computer, then come back here.',
    },
    'enable-service-and-get-code': {
      intro: 'On the POP3/SMTP/IMAP settings page, do the following in order.',
      switchOn: [
        'Switch on IMAP/SMTP服务 (IMAP/SMTP service). Our app uses it to receive and send.',
        'Switch on POP3/SMTP服务 (POP3/SMTP service). Having both on is the safe choice.',
        'Click 开启 (Enable) next to 客户端授权密码 (client authorization password).',
      ],
      verify: [
        'As the page asks, send the given text by SMS from the phone bound to this mailbox.',
        'Once the SMS is sent, click 我已发送 (I have sent it) on the page.',
      ],
      copy: ['Copy the code as soon as it appears. Once the window is closed it cannot be shown again.'],
      noPhone: 'The SMS has to come from the phone number bound to this mailbox; a message from any other number will not pass.',
      onceTitle: 'The code is shown only once',
      once: 'Copy it first, ideally into a password manager, and only then close the window. Missed it? No harm done: create a new one and delete the old one on the same page.',
      afterCode:
        'Once a code exists, mail apps can no longer log in with your login password, and receiving and sending (IMAP, POP3, SMTP) all share the same code.',
    },
    'configure-in-client': {
      intro:
        'In our app the code goes where a password would. When you check, we really connect to your mailbox: it only counts as working when the incoming server opens your inbox and the outgoing server accepts your address as the sender, and only then is anything saved.',
      instructions: [
        'Paste the code you just copied into the “Client authorization code” field below: it is the mail app’s password.',
        'Once the check passes, the mailbox status shows as “OK” (正常).',
      ],
    },
    figures: {
      webmail: {
        title: 'Illustration: where the webmail settings are',
        description:
          'The webmail top bar ends with 设置 (Settings), marked 1; once it is open, the menu on the left has an item POP3/SMTP/IMAP, marked 2.',
      },
      switches: {
        title: 'Illustration: switching on the services and finding 开启',
        description:
          'The POP3/SMTP/IMAP page shows two switches, IMAP/SMTP服务 (marked 1) and POP3/SMTP服务 (marked 2), both on; below them, 客户端授权密码 has a 开启 (Enable) button, marked 3.',
      },
      sms: {
        title: 'Illustration: the SMS check from your bound phone',
        description:
          'The webmail asks you to send a given text by SMS from the bound phone; the phone shows that message written and sent (marked 4); then 我已发送 (I have sent it) is clicked on the page (marked 5).',
      },
      code: {
        title: 'Illustration: the new code (a sample)',
        description:
          'A dialog shows the new 16-letter code, here the made-up sample ABCDEFGHJKLMNPQR, with a copy hint and a reminder that it is shown only once (marked 6).',
        sample: 'Sample',
        copyHint: 'Copy',
        onceHint: 'Shown once: copy it now',
      },
      client: {
        title: 'Illustration: the code pasted into a mail app’s password field',
        description:
          'A mail app’s add-account form: the email field holds zhangsan@163.com and the password field holds the pasted authorization code, not the login password (marked 1).',
        email: 'Email',
        password: 'Password',
        pasteHint: 'Paste the code',
      },
      status: {
        title: 'Illustration: the mailbox shown as “OK”',
        description: 'In the account list, the row for zhangsan@163.com carries the status “OK” (正常), marked 2.',
        account: 'Accounts',
      },
    },
  },
};

export const WRITTEN_GUIDE_MESSAGES: Record<Locale, WrittenGuideMessages> = { zh, en };
