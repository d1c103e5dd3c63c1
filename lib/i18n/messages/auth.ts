import type { Locale } from '@/lib/i18n/locale';
import { MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type AuthIssue } from '@/lib/auth/schema';

// Sign-in and sign-up texts. Kept apart from the wizard's catalog so that the wizard's client
// components do not carry them.

const zh = {
  signIn: {
    title: '登录',
    lead: '登录后即可保存邮箱；你在向导里的进度会保留。',
    submit: '登录',
    pending: '正在登录…',
    switchPrompt: '还没有账号？',
    switchLink: '注册',
  },
  signUp: {
    title: '注册',
    lead: '用你自己的邮箱和一个新密码注册。这里的密码只用于登录本网站，和邮箱授权码无关。',
    submit: '注册并登录',
    pending: '正在注册…',
    switchPrompt: '已经有账号？',
    switchLink: '登录',
  },
  fields: {
    email: '邮箱',
    password: '密码',
    passwordHintSignUp: '至少 8 个字符。请不要使用邮箱的登录密码或授权码。',
    name: '怎么称呼你（可选）',
  },
  errors: {
    invalid_credentials: '邮箱或密码不正确。',
    invalid_input: '请检查填写的内容。',
    rate_limited: '尝试次数太多，请稍等 {seconds} 秒后再试。',
    rate_limited_generic: '尝试次数太多，请稍后再试。',
    // Said for every address typed, registered or not.
    account_paused: '用这个邮箱登录失败的次数太多，请在 {wait}后再试。',
    sign_up_not_completed: '没能用这个邮箱和密码完成注册。如果你已经用这个邮箱注册过，请直接登录。',
  },
  wait: {
    seconds: '{n} 秒',
    minutes: '{n} 分钟',
  },
  // The forms' complaints, by the schema's issue code (lib/auth/schema.ts).
  issues: {
    'email.invalid': '请填写有效的邮箱地址。',
    'account_password.empty': '请填写密码。',
    'account_password.too_short': `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
    'account_password.too_long': `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`,
    'name.too_long': `名字最多 ${MAX_NAME_LENGTH} 个字符。`,
    'name.unprintable': '名字里不能有换行、制表符等控制字符。',
  } satisfies Record<AuthIssue, string>,
  backToWizard: '返回设置向导',
  // The header's account menu (the wizard, /accounts), and its sign-in link for visitors.
  account: {
    signedInAs: '已登录：',
    mailboxes: '我的邮箱',
    settings: '账号设置',
    console: '客服工作台',
    signOut: '退出登录',
    signIn: '登录',
  },
};

export type AuthMessages = typeof zh;

const en: AuthMessages = {
  signIn: {
    title: 'Sign in',
    lead: 'Sign in to save your mailbox; your place in the guide is kept.',
    submit: 'Sign in',
    pending: 'Signing in…',
    switchPrompt: 'No account yet?',
    switchLink: 'Sign up',
  },
  signUp: {
    title: 'Sign up',
    lead: 'Sign up with your own email address and a new password. This password is only for this site; it has nothing to do with the mailbox authorization code.',
    submit: 'Sign up and sign in',
    pending: 'Signing up…',
    switchPrompt: 'Already have an account?',
    switchLink: 'Sign in',
  },
  fields: {
    email: 'Email',
    password: 'Password',
    passwordHintSignUp: 'At least 8 characters. Do not reuse your mailbox password or authorization code.',
    name: 'What should we call you? (optional)',
  },
  errors: {
    invalid_credentials: 'The email or password is not right.',
    invalid_input: 'Please check what you entered.',
    rate_limited: 'Too many attempts. Please wait {seconds} seconds and try again.',
    rate_limited_generic: 'Too many attempts. Please try again later.',
    account_paused: 'Too many failed sign-ins with this email. Please try again in {wait}.',
    sign_up_not_completed: 'Signing up with this email and password did not go through. If you signed up with this email before, please sign in.',
  },
  wait: {
    seconds: '{n} seconds',
    minutes: '{n} minutes',
  },
  issues: {
    'email.invalid': 'Please enter a valid email address.',
    'account_password.empty': 'Please enter your password.',
    'account_password.too_short': `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`,
    'account_password.too_long': `The password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
    'name.too_long': `The name can be at most ${MAX_NAME_LENGTH} characters.`,
    'name.unprintable': 'The name cannot contain line breaks, tabs or other control characters.',
  },
  backToWizard: 'Back to the setup guide',
  account: {
    signedInAs: 'Signed in as ',
    mailboxes: 'My mailboxes',
    settings: 'Account settings',
    console: 'Support console',
    signOut: 'Sign out',
    signIn: 'Sign in',
  },
};

export const AUTH_MESSAGES: Record<Locale, AuthMessages> = { zh, en };
