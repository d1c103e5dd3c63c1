import type { Locale } from '@/lib/i18n/locale';

// The words of /practice and of the link to it from the wizard. Kept apart from the wizard's
// catalog so the wizard's client components never carry them. `{name}` placeholders are filled
// with `format` from lib/i18n/locale.ts.

const zh = {
  meta: { title: '练习邮箱 · 不用真实邮箱先试一遍' },
  backToWizard: '设置向导',
  title: '练习邮箱',
  lead:
    '练习邮箱是这个应用自带的模拟邮箱。它的收信（IMAP）和发信（SMTP）服务器就运行在这台服务器上，规则照搬网易邮箱：用 16 位字母的授权码登录，登录后要先用 ID 命令表明身份才能打开收件箱，出了问题也回复和网易一模一样的原话。所以不需要真实邮箱，也不需要连上互联网，就能把设置流程从头到尾走一遍。',
  audience:
    '客服同事可以用它演练怎样一步步带用户排查问题；第一次用这个应用的人，可以先用它熟悉每一步，再去连接自己的邮箱。',
  howTitle: '怎么用',
  how: [
    '在设置向导第 1 步填一个练习地址，例如下面这个。“@{domain}”前面写什么都行。',
    '第 2、3 步讲的是在网易网页邮箱里开启服务、获取授权码；练习邮箱不需要这些，授权码就在本页。',
    '在第 4 步粘贴下面的练习授权码，点“检测并保存”。检测通过后，邮箱状态显示「正常」，并出现在“我的邮箱”里。',
  ],
  addressLabel: '练习地址',
  codeLabel: '练习授权码',
  codeNote: '所有练习地址都用这一个授权码。真实的网易授权码只在生成时显示一次，这个会一直留在本页。',
  copy: '复制',
  copyAddressLabel: '复制练习地址',
  copyCodeLabel: '复制练习授权码',
  copied: '已复制',
  copyFailed: '没能复制，请手动选中后复制',
  start: '用练习地址开始设置',
  failuresTitle: '演练出错的情况',
  failuresIntro: '下面这些情况会故意失败，每一种都会得到和网易一样的回复，以及对应的诊断：',
  failures: {
    wrongCode: {
      what: '任意练习地址，配一个别的授权码',
      result: '收信和发信都被拒绝（“Login error or password error”“535 Error: authentication failed”），和授权码填错时一样。',
    },
    smtpOff: {
      what: '地址 {address}，配练习授权码',
      result: '收信正常；发信在 MAIL FROM 这一步被拒（“550 User has no permission”），就像网页邮箱里没有开启 SMTP 服务。',
    },
    unsafe: {
      what: '地址 {address}，配练习授权码',
      result: '可以登录，但收件箱打不开（“Unsafe Login”），就像网易不认可这个邮件客户端。',
    },
  },
  limitsNote:
    '失败的检测和真实邮箱一样计入次数限制：同一个地址连续失败几次后，要等一会儿才能再检测。换一个练习地址即可继续演练。',
  serversTitle: '练习服务器',
  serversNote:
    '这两台服务器只在本机（127.0.0.1）上监听，端口在每次启动应用时随机分配。它们不保存、也不转发任何邮件，证书也只在本应用的检测里有效。',
  switchNote:
    '练习邮箱在内置数据库（npm start 的默认设置）和开发环境下默认开启；在使用 PostgreSQL 的生产环境中默认关闭。用环境变量 PRACTICE_MODE=on 或 off 可以明确开关。',
  wizardLink: {
    link: '练习邮箱',
    title: '没有网易邮箱，或者想先试一试？用练习邮箱走一遍设置流程',
  },
};

export type PracticeMessages = typeof zh;

const en: PracticeMessages = {
  meta: { title: 'Practice mailbox · try everything without a real mailbox' },
  backToWizard: 'Setup guide',
  title: 'Practice mailbox',
  lead:
    'The practice mailbox is a simulated mailbox built into this app. Its incoming (IMAP) and outgoing (SMTP) servers run on this very server and follow NetEase Mail’s rules: you log in with a 16-letter authorization code, the mail app has to introduce itself with the ID command after logging in before the inbox opens, and every refusal comes with NetEase’s exact words. So you can go through the whole setup without a real mailbox and without an internet connection.',
  audience:
    'Support staff can use it to rehearse walking a customer through a problem; someone new to the app can get to know each step here before connecting their own mailbox.',
  howTitle: 'How to use it',
  how: [
    'In step 1 of the setup guide, enter a practice address such as the one below. Anything can go before “@{domain}”.',
    'Steps 2 and 3 are about switching on the service and getting a code in NetEase webmail; the practice mailbox needs none of that, its code is on this page.',
    'In step 4, paste the practice code below and press “Check and save”. Once the check passes, the mailbox shows “OK” (正常) and appears under “My mailboxes”.',
  ],
  addressLabel: 'Practice address',
  codeLabel: 'Practice code',
  codeNote: 'Every practice address takes this one code. A real NetEase code is shown only once, when it is made; this one stays on this page.',
  copy: 'Copy',
  copyAddressLabel: 'Copy the practice address',
  copyCodeLabel: 'Copy the practice code',
  copied: 'Copied',
  copyFailed: 'Could not copy; please select it and copy it yourself',
  start: 'Start the setup with a practice address',
  failuresTitle: 'Rehearsing failures',
  failuresIntro: 'These fail on purpose, each with NetEase’s own reply and the diagnosis that goes with it:',
  failures: {
    wrongCode: {
      what: 'Any practice address with any other code',
      result: 'Both incoming and outgoing mail refuse the login (“Login error or password error”, “535 Error: authentication failed”), just as with a mistyped code.',
    },
    smtpOff: {
      what: 'The address {address} with the practice code',
      result: 'Incoming mail works; sending is refused at MAIL FROM (“550 User has no permission”), as when SMTP is not switched on in webmail.',
    },
    unsafe: {
      what: 'The address {address} with the practice code',
      result: 'The login works but the inbox will not open (“Unsafe Login”), as when NetEase does not accept the mail app.',
    },
  },
  limitsNote:
    'Failed checks count toward the same limits as with a real mailbox: after a few failures in a row, one address has to wait a while before it can be checked again. Another practice address lets you carry on.',
  serversTitle: 'Practice servers',
  serversNote:
    'Both servers listen on this machine only (127.0.0.1), on ports chosen afresh each time the app starts. They neither keep nor pass on any mail, and their certificate is trusted only by this app’s own checks.',
  switchNote:
    'Practice mode is on by default with the built-in database (what npm start uses) and in development, and off by default in production on PostgreSQL. The PRACTICE_MODE=on or off environment variable sets it either way.',
  wizardLink: {
    link: 'Practice mailbox',
    title: 'No NetEase mailbox at hand, or want to try first? Go through the setup with the practice mailbox',
  },
};

export const PRACTICE_MESSAGES: Record<Locale, PracticeMessages> = { zh, en };
