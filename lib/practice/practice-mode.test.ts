import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@/lib/db/client';
import { createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { checkMailbox, type MailboxCheckResult } from '@/lib/mail-check/check-mailbox';
import { isAllowedEndpoint } from '@/lib/mail-check/endpoints';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { detectProvider } from '@/lib/providers/detect';
import { getPracticeMode, startPracticeMode, stopPracticeMode, type PracticeMode } from './practice-mode';

// Practice mode as the app runs it: servers started inside the process, the practice provider
// registered, and the product's own check (detection, lockout, IMAP and SMTP, diagnosis)
// reaching them with no override, no NODE_EXTRA_CA_CERTS entry and no other server running.

const CODE = 'PracticeCodeAbcd';
const MINUTE = 60_000;
const policy: LockoutPolicy = { maxFailuresPerMailbox: 5, windowMs: 15 * MINUTE, providerPauseMs: 30 * MINUTE, maxFailuresPerProvider: 1000 };

let store: ScratchStore;
let opened: OpenedDatabase;
let practice: PracticeMode;

beforeAll(async () => {
  store = await createScratchStore('pglite');
  opened = await store.open();
  practice = await startPracticeMode({ code: CODE });
});

afterAll(async () => {
  await stopPracticeMode();
  await opened?.close();
  await store?.dispose();
});

function checked(result: MailboxCheckResult) {
  if (result.status !== 'checked') throw new Error(`expected a check, got ${result.status}`);
  return result;
}

const run = (address: string, code: string) => checkMailbox(opened.db, { address, code }, { policy, timeoutMs: 10_000 });

describe('practice mode', () => {
  it('starts once per process and says where its servers are', async () => {
    expect(await startPracticeMode({ code: 'SomeOtherCodeXyz' })).toEqual(practice);
    expect(getPracticeMode()).toEqual(practice);
    expect(practice).toMatchObject({ domain: 'lianxi.test', code: CODE });
    expect(practice.endpoints.imap).toMatchObject({ host: '127.0.0.1', tls: 'implicit' });
    expect(practice.endpoints.smtp.port).not.toBe(practice.endpoints.imap.port);
  });

  it('detects any practice address as the practice mailbox, with its own servers', () => {
    const detected = detectProvider('Someone.New@LianXi.test');
    expect(detected).toMatchObject({
      ok: true,
      address: 'someone.new@lianxi.test',
      provider: { id: 'practice', name: { zh: '练习邮箱', en: 'Practice mailbox' } },
      endpoints: practice.endpoints,
      username: { imap: 'someone.new@lianxi.test', smtp: 'someone.new@lianxi.test' },
    });
  });

  it('passes the full check of a practice address with the practice code (「正常」)', async () => {
    const result = checked(await run('zhangsan@lianxi.test', CODE));
    expect(result.providerId).toBe('practice');
    expect(result.report).toMatchObject({ ok: true, imap: { ok: true }, smtp: { ok: true } });
    expect(result.codeAssessment.warnings).toEqual([]);
  });

  it('fails a wrong code with NetEase’s words and the auth_failed diagnosis, refused once (SMTP never logs in)', async () => {
    const { report } = checked(await run('lisi@lianxi.test', 'WrongWrongWrongW'));
    expect(report.ok).toBe(false);
    expect(report.imap).toMatchObject({ ok: false, code: 'auth_failed', stage: 'login', serverText: expect.stringContaining('Login error or password error') });
    expect(report.smtp).toMatchObject({ ok: false, code: 'not_attempted', stage: 'auth' });
  });

  it('rehearses SMTP switched off (smtp-off@) and Unsafe Login (unsafe@)', async () => {
    const off = checked(await run('smtp-off@lianxi.test', CODE)).report;
    expect(off.imap.ok).toBe(true);
    expect(off.smtp).toMatchObject({ ok: false, code: 'smtp_not_enabled', stage: 'mail_from', serverText: expect.stringContaining('User has no permission') });

    const unsafe = checked(await run('unsafe@lianxi.test', CODE)).report;
    expect(unsafe.imap).toMatchObject({ ok: false, code: 'unsafe_login', serverText: expect.stringContaining('Unsafe Login') });
    expect(unsafe.smtp.ok).toBe(true);
  });

  it('once stopped, leaves no provider, no allowed endpoint and no server behind', async () => {
    const { endpoints } = practice;
    await stopPracticeMode();
    expect(getPracticeMode()).toBeUndefined();
    expect(detectProvider('zhangsan@lianxi.test')).toMatchObject({ ok: false, error: 'unknown_provider' });
    expect(isAllowedEndpoint(endpoints.imap)).toBe(false);
    expect(isAllowedEndpoint(endpoints.smtp)).toBe(false);
    expect(await run('zhangsan@lianxi.test', CODE)).toMatchObject({ status: 'unknown_provider' });
    for (const { port } of [endpoints.imap, endpoints.smtp]) {
      const refused = await new Promise<string | undefined>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      });
      expect(refused).toBe('ECONNREFUSED');
    }

    // And it can start again, on new ports, for the next test file in this worker.
    practice = await startPracticeMode({ code: CODE });
    expect(checked(await run('wangwu@lianxi.test', CODE)).report.ok).toBe(true);
  });
});
