import type { Locale } from '@/lib/i18n/locale';

// What the mailbox forms (the wizard's code step, /accounts' replace-code form) say about a field
// the schema refused, keyed by the schema's issue code (lib/providers/auth-code.ts,
// lib/accounts/schema.ts). Plain data: the forms look the words up in the reader's language
// (lib/i18n/issue-text.ts), and the schemas stay free of words. The numbers are the schemas'
// limits (MAX_AUTH_CODE_LENGTH, which auth-code.test.ts holds these words to; 254 and 64 for an
// address, lib/providers/detect.ts).

const zh = {
  // The authorization code or password. Before the provider is known, the code's words: most
  // secrets are codes.
  'code.empty': '请粘贴授权码。',
  'code.too_long': '授权码太长（最多 128 个字符），请检查是否粘贴了其他内容。',
  'password.empty': '请填写密码。',
  'password.too_long': '密码太长（最多 128 个字符），请检查是否粘贴了其他内容。',
  'password.unsendable': '密码中间有换行（或其他控制字符），邮件服务器收不到这样的密码。请检查是否把下一行也复制进来了。',
  // The fallback servers asked for: out of range, or none for this address.
  'alternative.unknown': '这个地址没有所选的备用服务器。请在第 4 步改回它自己的服务器再检测。',
  // The address, by the problem normalizeAddress names (lib/providers/detect.ts).
  'address.empty': '请填写邮箱地址。',
  'address.too_long': '邮箱地址太长，最多 254 个字符。',
  'address.local_part_too_long': '“@”前面的部分太长，最多 64 个字符。',
  'address.missing_at': '邮箱地址里缺少“@”，例如 zhangsan@163.com。',
  'address.multiple_at': '邮箱地址里只能有一个“@”。',
  'address.contains_space': '邮箱地址中间不能有空格。',
  'address.empty_local_part': '“@”前面缺少用户名。',
  'address.non_ascii_local_part': '“@”前面的用户名只能用英文字母、数字和 . _ - 等符号，不能有汉字或其他非英文字符：这些邮件服务商都不支持这样的地址。“@”后面的域名可以是中文。',
  'address.invalid_local_part': '“@”前面的用户名含有邮箱地址不允许的字符。',
  'address.empty_domain': '“@”后面缺少域名，例如 163.com。',
  'address.domain_without_dot': '“@”后面的域名不完整，例如应为 163.com。',
  'address.invalid_domain': '“@”后面的域名格式不正确。',
  // A well-formed address on a domain no provider lists, where no MX lookup could say more.
  'address.unknown_provider': '暂时无法自动识别这个邮箱的服务商，请手动填写收信和发信服务器。',
  // Anything else a schema refused: only a client that skipped the form sends it.
  'input.invalid': '请检查填写的内容。',
};

export type IssueMessages = typeof zh;
export type MailboxIssue = keyof IssueMessages;

const en: IssueMessages = {
  'code.empty': 'Please paste the code.',
  'code.too_long': 'This is too long for a code (128 characters at most); check that nothing else was pasted.',
  'password.empty': 'Please enter the password.',
  'password.too_long': 'This is too long for a password (128 characters at most); check that nothing else was pasted.',
  'password.unsendable':
    'The password has a line break (or another control character) inside it, which no mail server can receive. Check that the next line was not copied along.',
  'alternative.unknown': 'This address has no such fallback servers. Switch back to its own servers in step 4 and check again.',
  'address.empty': 'Please enter your email address.',
  'address.too_long': 'This address is too long: 254 characters at most.',
  'address.local_part_too_long': 'The part before “@” is too long: 64 characters at most.',
  'address.missing_at': 'The address needs an “@”, as in zhangsan@163.com.',
  'address.multiple_at': 'An address has exactly one “@”.',
  'address.contains_space': 'An address cannot contain spaces.',
  'address.empty_local_part': 'The user name before “@” is missing.',
  'address.non_ascii_local_part':
    'The user name before “@” can only use English letters, digits and signs such as . _ -, not Chinese or other non-English characters: none of these mail providers supports such addresses. The domain after “@” may be Chinese.',
  'address.invalid_local_part': 'The user name before “@” contains characters an address cannot have.',
  'address.empty_domain': 'The domain after “@” is missing, e.g. 163.com.',
  'address.domain_without_dot': 'The domain after “@” is incomplete; it should look like 163.com.',
  'address.invalid_domain': 'The domain after “@” is not a valid domain.',
  'address.unknown_provider': 'We cannot recognise this mail provider yet; please enter the incoming and outgoing servers yourself.',
  'input.invalid': 'Please check what you entered.',
};

export const ISSUE_MESSAGES: Record<Locale, IssueMessages> = { zh, en };
