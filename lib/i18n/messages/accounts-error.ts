import type { Locale } from '@/lib/i18n/locale';

// The words of /accounts' error boundary (app/accounts/error.tsx), a client component every
// visit loads: kept apart so that it carries only these.

const zh = {
  title: '页面没能打开',
  body: '读取邮箱列表时出了问题，你的邮箱和授权码都没有受到影响。请再试一次。',
  retry: '重试',
};

export type AccountsErrorMessages = typeof zh;

const en: AccountsErrorMessages = {
  title: 'This page could not be opened',
  body: 'Something went wrong while reading your mailboxes; they and their codes are unaffected. Please try again.',
  retry: 'Try again',
};

export const ACCOUNTS_ERROR_MESSAGES: Record<Locale, AccountsErrorMessages> = { zh, en };
