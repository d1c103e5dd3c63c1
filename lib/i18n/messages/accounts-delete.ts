import type { Locale } from '@/lib/i18n/locale';

// The words of /accounts' "delete?" dialog, fetched with the dialog when someone reaches for delete.

const zh = {
  title: '删除 {address}？',
  body: '删除后，这个邮箱和加密保存的授权码都会被清除，我们的客户端也不再收发它的邮件。网页邮箱里的授权码不受影响，如果不再使用，请到网页邮箱里停用它。',
  confirm: '删除邮箱',
  deleting: '正在删除…',
  cancel: '取消',
};

export type AccountsDeleteMessages = typeof zh;

const en: AccountsDeleteMessages = {
  title: 'Delete {address}?',
  body: 'This removes the mailbox and its encrypted code; our mail app stops using it. The code itself stays valid in web mail: if you no longer need it, switch it off there.',
  confirm: 'Delete mailbox',
  deleting: 'Deleting…',
  cancel: 'Cancel',
};

export const ACCOUNTS_DELETE_MESSAGES: Record<Locale, AccountsDeleteMessages> = { zh, en };
