import type { Locale } from '@/lib/i18n/locale';

// What /accounts says when one of its actions answers: fetched with the press (the card loads it
// beside the action), so the page's first load carries none of it. `{name}` placeholders are
// filled with `format` from lib/i18n/locale.ts.

const zh = {
  checkPassed: '{address}：检查通过，状态「正常」。',
  checkFailed: '{address}：检查未通过，状态「异常」——{title}',
  paused: '{address} 已暂停，不会再被检查或使用。',
  resumed: '{address} 已恢复，状态「{status}」。',
  codeReplaced: '{address}：新授权码检测通过，已替换旧的授权码。',
  deleted: '{address} 已删除，保存的授权码也一并清除。',
  notFound: '找不到这个邮箱，它可能已经被删除了。',
  signedOut: '登录已过期，请重新登录后再操作。',
  signIn: '重新登录',
  refusedPaused: '{address} 已暂停，先恢复才能检查。',
  mailboxLocked: '这个邮箱最近失败的检查太多，检查暂时锁定。',
  providerPaused: '{provider}暂时拒绝了我们服务器的连接，对{provider}的检查暂停中。',
  manualLimited: '你最近对手动填写的服务器失败的检查太多，检查暂时停止。',
  accountLimited: '你的账户最近失败的检查太多（所有邮箱合计），检查暂时停止。',
  providerBusy: '最近对{provider}被拒绝的登录已到上限，为了不让我们的服务器被封，检查需要稍等。',
  checkRunning: '这个邮箱正在检查中，请等它结束。',
  tooManyRunning: '你同时进行的检查太多了，请等一些结束后再试。',
  retryAt: '请在 {time} 之后再试',
  invalid: '请检查填写的内容。',
};

export type AccountsResultMessages = typeof zh;

const en: AccountsResultMessages = {
  checkPassed: '{address}: the check passed; status “OK”.',
  checkFailed: '{address}: the check failed; status “Failing”. {title}',
  paused: '{address} is paused; it will not be checked or used.',
  resumed: '{address} is resumed; status “{status}”.',
  codeReplaced: '{address}: the new code passed the check and replaced the old one.',
  deleted: '{address} was deleted, together with its saved code.',
  notFound: 'This mailbox could not be found; it may have been deleted.',
  signedOut: 'Your session has ended. Please sign in again.',
  signIn: 'Sign in again',
  refusedPaused: '{address} is paused; resume it before checking.',
  mailboxLocked: 'Too many recent checks of this mailbox failed, so checking it is locked for a while.',
  providerPaused: '{provider} is refusing connections from our server for now, so checks of {provider} are paused.',
  manualLimited: 'Too many of your recent checks of typed servers failed, so checking is stopped for a while.',
  accountLimited: 'Too many recent checks from your account failed (all mailboxes together), so checking is stopped for a while.',
  providerBusy: 'Refused logins at {provider} have reached our ceiling for now; to keep our server from being blocked, checks wait a little.',
  checkRunning: 'This mailbox is being checked right now; wait for that check to finish.',
  tooManyRunning: 'You have too many checks running at once; wait for some to finish, then try again.',
  retryAt: 'Please try again after {time}',
  invalid: 'Please check what you entered.',
};

export const ACCOUNTS_RESULT_MESSAGES: Record<Locale, AccountsResultMessages> = { zh, en };
