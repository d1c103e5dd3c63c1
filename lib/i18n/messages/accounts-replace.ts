import type { Locale } from '@/lib/i18n/locale';

// The words of /accounts' "new code" form, fetched with the form when someone opens it.
// {credential}: the provider's name for the code (客户端授权码, App 专用密码, 独立密码…).

const zh = {
  heading: '更换 {address} 的{credential}',
  intro: '把新的{credential}粘贴到这里。我们会先用它检测一次，通过后才替换；没通过时，旧的保持不变。',
  label: '新的{credential}',
  // The hint: the format where the provider's is on record, then what a paste loses.
  hint: '{format}{cleaning}',
  formatLetters: '{n} 位字母。',
  formatGrouped: '{n} 位字母，中间的「{separator}」带不带都可以。',
  formatAny: '{n} 个字符。',
  cleaning: '粘贴进来的空格、换行和看不见的字符会被自动去掉。',
  // A password (Sohu's, a mailbox set up by hand) is the user's own and reaches the server unchanged.
  asTyped: '密码会原样发送：空格、全角字符和符号都保留，只去掉粘贴时带到首尾的换行和看不见的字符。',
  submit: '检测并更换',
  submitting: '正在检测…',
  cancel: '取消',
  running: '正在用新的{credential}连接收信和发信服务器…',
  failedTitle: '新的{credential}没有通过检测：{title}',
  oldCodeKept: '旧的{credential}仍然保留，没有任何改动。',
};

export type AccountsReplaceMessages = typeof zh;

const en: AccountsReplaceMessages = {
  heading: 'Replace the {credential} of {address}',
  intro: 'Paste the new {credential} here. We check with it first and only replace the old one when it passes; if it does not, the old one stays as it is.',
  label: 'New {credential}',
  hint: '{format} {cleaning}',
  formatLetters: '{n} letters.',
  formatGrouped: '{n} letters, with or without the “{separator}” between the groups.',
  formatAny: '{n} characters.',
  cleaning: 'Spaces, line breaks and invisible characters that come with a paste are removed.',
  asTyped:
    'The password is sent exactly as typed, spaces, full-width characters and symbols included; only a line break or invisible character that a paste left at either end is dropped.',
  submit: 'Check and replace',
  submitting: 'Checking…',
  cancel: 'Cancel',
  running: 'Connecting to the receiving and sending servers with the new {credential}…',
  failedTitle: 'The new {credential} did not pass: {title}',
  oldCodeKept: 'The old {credential} is kept; nothing was changed.',
};

export const ACCOUNTS_REPLACE_MESSAGES: Record<Locale, AccountsReplaceMessages> = { zh, en };
