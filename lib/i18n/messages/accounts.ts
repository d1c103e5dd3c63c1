import type { Locale } from '@/lib/i18n/locale';
import { ACCOUNTS_DELETE_MESSAGES, type AccountsDeleteMessages } from './accounts-delete';
import { ACCOUNTS_ERROR_MESSAGES, type AccountsErrorMessages } from './accounts-error';
import { ACCOUNTS_HISTORY_MESSAGES, type AccountsHistoryMessages } from './accounts-history';
import { ACCOUNTS_REPLACE_MESSAGES, type AccountsReplaceMessages } from './accounts-replace';
import { ACCOUNTS_RESULT_MESSAGES, type AccountsResultMessages } from './accounts-results';

// The words of /accounts, the page where a user looks after the mailboxes they connected. Kept
// apart from the wizard's catalog so that neither page's client components carry the other's
// text. This module holds what the page draws at once: the server's own words, and `list` and
// `card`, which the page passes to its client components. What is needed only once the reader
// acts (an action's answer, the new-code form, the delete dialog, the history's entries, the
// error page) has a module of its own beside this one, which the part that needs it imports, so
// it is neither in the page's first scripts nor in its props. `ACCOUNTS_MESSAGES` puts them all
// together for the server. `{name}` placeholders are filled with `format` from lib/i18n/locale.ts.

const zh = {
  meta: { title: '我的邮箱 · 状态与管理' },
  header: { backToWizard: '设置向导', addMailbox: '添加邮箱' },
  title: '我的邮箱',
  lead: '这里列出你连接过的每个邮箱、它最近一次检查的结果，以及可以对它做的事。',
  loading: '正在读取你的邮箱…',
  list: {
    label: '已连接的邮箱',
    empty: {
      title: '还没有连接任何邮箱',
      body: '按设置向导开启 IMAP/SMTP 服务、生成客户端授权码并检测通过后，邮箱就会出现在这里。',
      cta: '开始连接邮箱',
    },
  },
  card: {
    status: { ok: '正常', paused: '已暂停', failed: '异常', checking: '检查中' },
    statusLabel: '状态：',
    provider: '服务商：',
    lastChecked: '上次检查：',
    heldFromBackground:
      '后台已停止自动检查这个邮箱：上次检查时服务器拒绝了登录，用同一个授权码再试只会再被拒绝，而反复登录失败会让服务商封禁我们的服务器。更换授权码，或点「立即检查」，自动检查就会恢复。',
    neverChecked: '还没有检查过',
    lastResult: { passed: '收信和发信都通过', failed: '未通过：{title}' },
    protocols: { imap: '收信（IMAP）', smtp: '发信（SMTP）' },
    serverSaid: '服务器的原话（{protocol}）',
    diagnosisHeading: '出了什么问题',
    checklistTitle: '逐项检查',
    fixLink: '去第 {n} 步：{title}',
    historySummary: '状态变更记录（{count} 条）',
    actions: {
      groupLabel: '对 {address} 的操作',
      checkNow: '立即检查',
      pause: '暂停',
      resume: '恢复',
      replaceCode: '更换授权码',
      delete: '删除',
      pausedNote: '已暂停的邮箱不会被检查，也不会用来收发邮件。恢复之后才能检查。',
    },
    // Here rather than with the other answers (accounts-results.ts): a dropped connection may
    // not bring those either.
    networkError: '操作没有完成：网络中断，或服务器暂时出了问题。请稍后再试。',
  },
};

type AccountsPageMessages = typeof zh;

const en: AccountsPageMessages = {
  meta: { title: 'My mailboxes · status and settings' },
  header: { backToWizard: 'Setup guide', addMailbox: 'Add a mailbox' },
  title: 'My mailboxes',
  lead: 'Every mailbox you connected, how its last check went, and what you can do with it.',
  loading: 'Loading your mailboxes…',
  list: {
    label: 'Connected mailboxes',
    empty: {
      title: 'No mailbox connected yet',
      body: 'Once you switch on IMAP/SMTP, create an authorization code and pass the check in the setup guide, the mailbox shows up here.',
      cta: 'Connect a mailbox',
    },
  },
  card: {
    status: { ok: 'OK', paused: 'Paused', failed: 'Failing', checking: 'Checking' },
    statusLabel: 'Status: ',
    provider: 'Provider: ',
    lastChecked: 'Last checked: ',
    heldFromBackground:
      'Background checks of this mailbox have stopped: the server refused the login last time, trying the same code again would only be refused again, and repeated refused logins get our server blocked by the provider. Replace the code or press “Check now”, and automatic checks resume.',
    neverChecked: 'not checked yet',
    lastResult: { passed: 'receiving and sending both passed', failed: 'failed: {title}' },
    protocols: { imap: 'Receiving (IMAP)', smtp: 'Sending (SMTP)' },
    serverSaid: "The server's words ({protocol})",
    diagnosisHeading: 'What went wrong',
    checklistTitle: 'Go through this list',
    fixLink: 'Go to step {n}: {title}',
    historySummary: 'Status changes ({count})',
    actions: {
      groupLabel: 'Actions for {address}',
      checkNow: 'Check now',
      pause: 'Pause',
      resume: 'Resume',
      replaceCode: 'Replace code',
      delete: 'Delete',
      pausedNote: 'A paused mailbox is neither checked nor used for mail. Resume it to check it.',
    },
    networkError: 'That did not finish: the connection dropped or the server had a problem. Please try again later.',
  },
};

/** Every word of /accounts in one language. */
export interface AccountsMessages extends AccountsPageMessages {
  results: AccountsResultMessages;
  replace: AccountsReplaceMessages;
  confirmDelete: AccountsDeleteMessages;
  history: AccountsHistoryMessages;
  error: AccountsErrorMessages;
}

/** What the page's client components draw before anything is pressed, passed to them as props. */
export type AccountsListMessages = AccountsPageMessages['list'];
export type AccountsCardMessages = AccountsPageMessages['card'];

const all = (locale: Locale, page: AccountsPageMessages): AccountsMessages => ({
  ...page,
  results: ACCOUNTS_RESULT_MESSAGES[locale],
  replace: ACCOUNTS_REPLACE_MESSAGES[locale],
  confirmDelete: ACCOUNTS_DELETE_MESSAGES[locale],
  history: ACCOUNTS_HISTORY_MESSAGES[locale],
  error: ACCOUNTS_ERROR_MESSAGES[locale],
});

export const ACCOUNTS_MESSAGES: Record<Locale, AccountsMessages> = { zh: all('zh', zh), en: all('en', en) };
