import type { Locale } from '@/lib/i18n/locale';

// The entries of a mailbox's status history on /accounts, fetched when someone reaches for the
// folded list (its summary line is the page's: accounts.ts).

const zh = {
  empty: '还没有状态变更。',
  change: '{from} → {to}',
  created: '添加时为「{to}」',
  reasons: {
    created: '通过检测后添加',
    check_passed: '检查通过',
    check_failed: '检查未通过',
    paused_by_user: '你暂停了它',
    resumed_by_user: '你恢复了它',
    code_replaced: '换上了新的授权码',
    health_check: '定期检查',
  } as Record<string, string>,
  unknownReason: '状态有变化',
  failure: '（{title}）',
};

export type AccountsHistoryMessages = typeof zh;

const en: AccountsHistoryMessages = {
  empty: 'No status changes yet.',
  change: '{from} → {to}',
  created: 'Added as “{to}”',
  reasons: {
    created: 'added after passing the check',
    check_passed: 'check passed',
    check_failed: 'check failed',
    paused_by_user: 'you paused it',
    resumed_by_user: 'you resumed it',
    code_replaced: 'a new authorization code was put in',
    health_check: 'scheduled check',
  } as Record<string, string>,
  unknownReason: 'status changed',
  failure: ' ({title})',
};

export const ACCOUNTS_HISTORY_MESSAGES: Record<Locale, AccountsHistoryMessages> = { zh, en };
