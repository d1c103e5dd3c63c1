import type { Locale } from '@/lib/i18n/locale';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/schema';
import type { PasswordFormIssue } from '@/lib/auth/password-schema';

// The account's own pages: 「忘记密码」, the reset link's page, /account (change the password,
// delete the account), the reset mail and /dev/outbox. Apart from the sign-in catalog, so the
// sign-in page carries none of it but the one link.

const zh = {
  forgotLink: '忘记密码？',
  backToSignIn: '返回登录',
  backToWizard: '返回设置向导',
  fields: {
    email: '邮箱',
    newPassword: '新密码',
    newPasswordHint: `至少 ${MIN_PASSWORD_LENGTH} 个字符。请不要使用邮箱的登录密码或授权码。`,
    newPasswordRepeat: '再输入一次新密码',
    currentPassword: '当前密码',
    password: '密码',
  },
  forgot: {
    title: '找回密码',
    lead: '填写注册时用的邮箱。我们会发一封邮件，里面的链接可以设置新密码。',
    submit: '发送重设链接',
    pending: '正在发送…',
    sentTitle: '请查看邮箱',
    // The same words whether or not the address has an account.
    sentBody: '如果 {email} 在本网站注册过，重设密码的邮件已经发出。邮件里的链接 {minutes} 分钟内有效，只能使用一次。几分钟内没收到的话，请看看垃圾邮件文件夹，或者重新申请。',
    again: '没收到？重新申请',
  },
  reset: {
    title: '设置新密码',
    lead: '新密码保存后，所有设备上的登录都会退出，需要用新密码重新登录。',
    submit: '保存新密码',
    pending: '正在保存…',
    doneTitle: '新密码已保存',
    doneBody: '所有设备上的登录都已退出。请用新密码登录。',
    signIn: '用新密码登录',
    invalidTitle: '这个链接已经不能用了',
    invalidBody: '重设链接只能使用一次，并且在 {minutes} 分钟后失效。请重新申请一封重设邮件。',
    requestAgain: '重新申请重设邮件',
  },
  account: {
    title: '我的账号',
    signedInAs: '登录邮箱',
    mailboxes: '我的邮箱',
    change: {
      heading: '修改密码',
      lead: '修改后，其他设备上的登录都会退出，这台设备保持登录。',
      submit: '修改密码',
      pending: '正在修改…',
      done: '密码已修改。其他设备上的登录已经退出。',
    },
    remove: {
      heading: '删除账号',
      lead: '删除后，你的账号、已连接的邮箱和加密保存的授权码都会立即清除，不能恢复。为了安全审计，我们会保留不含密码和授权码的操作记录。网页邮箱里的授权码不受影响，如果不再使用，请到网页邮箱里停用。',
      passwordHint: '输入你的登录密码，确认删除账号。',
      submit: '永久删除账号',
      pending: '正在删除…',
    },
  },
  errors: {
    rate_limited: '请求太频繁了，请在 {wait}后再试。',
    invalid_token: '这个链接已经不能用了。请重新申请一封重设邮件。',
    signed_out: '你已经退出登录。请重新登录后再试。',
  },
  wait: {
    seconds: '{n} 秒',
    minutes: '{n} 分钟',
  },
  issues: {
    'email.invalid': '请填写有效的邮箱地址。',
    'password.empty': '请填写密码。',
    'password.too_short': `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
    'password.too_long': `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`,
    'password.wrong': '密码不正确。',
    'password_repeat.mismatch': '两次输入的新密码不一样。',
    'token.missing': '链接不完整。请直接点开邮件里的链接，或复制完整的链接。',
  } satisfies Record<PasswordFormIssue, string>,
  mail: {
    subject: '重设密码',
    body: '你好：\n\n有人（希望是你本人）申请重设 {email} 在邮箱设置向导上的登录密码。打开下面的链接设置新密码：\n\n{link}\n\n链接 {minutes} 分钟内有效，只能使用一次。新密码保存后，所有设备上的登录都会退出。\n\n如果不是你申请的，请忽略这封邮件，你的密码不会改变。',
  },
  outbox: {
    title: '发件箱（仅开发环境）',
    lead: '没有设置 MAIL_RELAY_URL，所以本该发出的邮件不会离开这台服务器：它们写在服务器日志里，也列在这里（最新的在前，重启后清空）。只有开发服务器（npm run dev）提供这个页面，而且只对本机的浏览器开放。',
    empty: '还没有邮件。',
    to: '收件人',
    from: '发件人',
    at: '时间',
  },
};

export type AccountMessages = typeof zh;

const en: AccountMessages = {
  forgotLink: 'Forgot your password?',
  backToSignIn: 'Back to sign in',
  backToWizard: 'Back to the setup guide',
  fields: {
    email: 'Email',
    newPassword: 'New password',
    newPasswordHint: `At least ${MIN_PASSWORD_LENGTH} characters. Do not reuse your mailbox password or authorization code.`,
    newPasswordRepeat: 'New password again',
    currentPassword: 'Current password',
    password: 'Password',
  },
  forgot: {
    title: 'Reset your password',
    lead: 'Enter the email address you signed up with. We will send you a link to set a new password.',
    submit: 'Send the reset link',
    pending: 'Sending…',
    sentTitle: 'Check your inbox',
    sentBody: 'If {email} has an account here, an email with a reset link is on its way. The link works for {minutes} minutes, once. If nothing arrives within a few minutes, look in the spam folder or ask again.',
    again: 'Nothing arrived? Ask again',
  },
  reset: {
    title: 'Set a new password',
    lead: 'Once the new password is saved, every device is signed out and you sign in again with it.',
    submit: 'Save the new password',
    pending: 'Saving…',
    doneTitle: 'New password saved',
    doneBody: 'Every device has been signed out. Sign in with your new password.',
    signIn: 'Sign in with the new password',
    invalidTitle: 'This link no longer works',
    invalidBody: 'A reset link works once, and only for {minutes} minutes. Ask for a new reset email.',
    requestAgain: 'Ask for a new reset email',
  },
  account: {
    title: 'My account',
    signedInAs: 'Signed in as',
    mailboxes: 'My mailboxes',
    change: {
      heading: 'Change password',
      lead: 'Your other devices are signed out; this one stays signed in.',
      submit: 'Change password',
      pending: 'Changing…',
      done: 'Password changed. Your other devices have been signed out.',
    },
    remove: {
      heading: 'Delete account',
      lead: 'This removes your account, its connected mailboxes and their encrypted codes at once, for good. A record of what was done, without any password or code, is kept for security audits. The codes stay valid in web mail: if you no longer need them, switch them off there.',
      passwordHint: 'Enter your password to confirm that the account should be deleted.',
      submit: 'Delete my account for good',
      pending: 'Deleting…',
    },
  },
  errors: {
    rate_limited: 'Too many requests. Please try again in {wait}.',
    invalid_token: 'This link no longer works. Ask for a new reset email.',
    signed_out: 'You have been signed out. Sign in again and retry.',
  },
  wait: {
    seconds: '{n} seconds',
    minutes: '{n} minutes',
  },
  issues: {
    'email.invalid': 'Please enter a valid email address.',
    'password.empty': 'Please enter the password.',
    'password.too_short': `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`,
    'password.too_long': `The password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
    'password.wrong': 'The password is not right.',
    'password_repeat.mismatch': 'The two new passwords are not the same.',
    'token.missing': 'The link is incomplete. Open it straight from the email, or copy all of it.',
  },
  mail: {
    subject: 'Reset your password',
    body: 'Hello,\n\nSomeone (we hope you) asked to reset the password {email} signs in to the mailbox setup guide with. Open this link to set a new one:\n\n{link}\n\nThe link works for {minutes} minutes, once. When the new password is saved, every device is signed out.\n\nIf you did not ask for this, ignore this email: your password stays as it is.',
  },
  outbox: {
    title: 'Outbox (development only)',
    lead: 'MAIL_RELAY_URL is not set, so mail the app would send never leaves this server: it is written to the server log and listed here (newest first, gone on restart). Only the dev server (npm run dev) has this page, and only for a browser on this machine.',
    empty: 'No mail yet.',
    to: 'To',
    from: 'From',
    at: 'Time',
  },
};

export const ACCOUNT_MESSAGES: Record<Locale, AccountMessages> = { zh, en };

/** What the forms need in the browser: everything but the mail's and the outbox's words. */
export type AccountFormText = Omit<AccountMessages, 'mail' | 'outbox'>;

export function accountFormText(locale: Locale): AccountFormText {
  const m = ACCOUNT_MESSAGES[locale];
  return { forgotLink: m.forgotLink, backToSignIn: m.backToSignIn, backToWizard: m.backToWizard, fields: m.fields, forgot: m.forgot, reset: m.reset, account: m.account, errors: m.errors, wait: m.wait, issues: m.issues };
}
