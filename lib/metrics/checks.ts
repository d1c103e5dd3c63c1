import 'server-only';
import { logger } from '@/lib/log/logger.mjs';
import type { CheckKind, LockoutReason } from '@/lib/mail-check/lockout';
import type { CheckReport, ProtocolCheckResult } from '@/lib/mail-check/types';
import { maskAddress } from '@/lib/support/mask';
import { appMetrics } from './registry';

// What every connection check leaves for the operators, whichever path started it (the wizard,
// check now, a replaced code, a health round): one log line and its counts. Called by
// lib/mail-check/check-mailbox.ts once the check's outcome is recorded (or the limits refused it).
//
// The line names the owner by user id and the mailbox by its masked address (`li***@163.com`,
// as support staff see it): enough to match a complaint with the check_attempts rows, which hold
// the full address, without putting every customer's address into a log that is shipped and
// kept elsewhere. Never the code, never the server's own words (they may quote the login name).

export type ObservedCheck =
  | {
      ownerId: string | null;
      providerId: string;
      kind: CheckKind;
      address: string;
      report: CheckReport;
    }
  | {
      ownerId: string | null;
      providerId: string;
      kind: CheckKind;
      address: string;
      refused: LockoutReason;
      retryAt: Date;
    };

/** The side that decided the outcome: IMAP when it failed (SMTP then often did not log in), else SMTP. */
function decidingSide(report: CheckReport): { protocol: 'imap' | 'smtp'; result: Extract<ProtocolCheckResult, { ok: false }> } | undefined {
  if (!report.imap.ok) return { protocol: 'imap', result: report.imap };
  if (!report.smtp.ok) return { protocol: 'smtp', result: report.smtp };
  return undefined;
}

/** The outcome and stage labels of a check: `ok`/`none`, `<failure code>`/`<protocol>.<stage>`, or `refused_<reason>`/`limits`. */
export function checkLabels(check: ObservedCheck): { outcome: string; stage: string } {
  if ('refused' in check) return { outcome: `refused_${check.refused}`, stage: 'limits' };
  const side = decidingSide(check.report);
  if (!side) return { outcome: 'ok', stage: 'none' };
  return { outcome: side.result.code, stage: `${side.protocol}.${side.result.stage}` };
}

const sideCode = (result: ProtocolCheckResult) => (result.ok ? 'ok' : result.code);

export function observeCheck(check: ObservedCheck): void {
  const { outcome, stage } = checkLabels(check);
  const metrics = appMetrics();
  metrics.checks.inc({ provider: check.providerId, kind: check.kind, outcome, stage });
  const line = {
    ownerId: check.ownerId,
    provider: check.providerId,
    kind: check.kind,
    health: check.kind === 'health',
    mailbox: maskAddress(check.address),
    outcome,
    stage,
  };
  if ('refused' in check) {
    logger('check').info({ ...line, retryAt: check.retryAt.toISOString() }, 'check refused by the limits');
    return;
  }
  const { report } = check;
  metrics.checkDuration.observe({ provider: check.providerId }, report.durationMs / 1000);
  const details = { ...line, durationMs: report.durationMs, imap: sideCode(report.imap), smtp: sideCode(report.smtp), banSignal: report.banSignal };
  // A ban signal is the one outcome an operator must see at once: every user's checks to that provider stop.
  if (report.banSignal) logger('check').warn(details, 'check: the provider signals a ban of our address');
  else logger('check').info(details, 'check');
}
