import { describe, expect, it } from 'vitest';
import { guessManualSettings } from '@/lib/discovery/manual';
import { decodeManualDraft, draftEndpoints, draftFor, draftFromGuess, manualFieldErrors, manualFieldId } from './manual-setup';

const guess = guessManualSettings('selfhosted.test', { code: 'unknown_provider', mxHosts: ['mail.selfhosted.test'], message: { zh: '', en: '' } });

describe('manual setup drafts', () => {
  it('starts from the guess, ports as typed text, nothing edited', () => {
    const draft = draftFromGuess('selfhosted.test', guess);
    expect(draft.values).toEqual({
      imapHost: 'mail.selfhosted.test',
      imapPort: '993',
      imapTls: 'implicit',
      smtpHost: 'mail.selfhosted.test',
      smtpPort: '465',
      smtpTls: 'implicit',
      loginName: '',
    });
    expect(draft).toMatchObject({ basis: 'mx_host', edited: false, portEdited: { imap: false, smtp: false }, loginEdited: false });
    expect(draft.alternatives.imap).toContain('imap.selfhosted.test');
  });

  it('keeps what was typed for the domain, and for a corrected address; an untouched draft follows the new guess', () => {
    const typed = { ...draftFromGuess('selfhosted.test', guess), edited: true, values: { ...draftFromGuess('selfhosted.test', guess).values, imapPort: '10993' } };
    expect(draftFor(typed, 'selfhosted.test', guess)).toBe(typed);
    expect(draftFor(typed, 'selfhosted.tset', guess)).toMatchObject({ domain: 'selfhosted.tset', values: { imapPort: '10993' } });
    const other = guessManualSettings('nomx.test');
    expect(draftFor(draftFromGuess('selfhosted.test', guess), 'nomx.test', other).values.imapHost).toBe('imap.nomx.test');
    expect(draftFor(null, 'nomx.test', other).values.smtpHost).toBe('smtp.nomx.test');
  });

  it('fills the login name from an autoconfig template and follows the address with it until it is typed over', () => {
    const published = { ...guess, basis: 'published' as const, source: 'autoconfig' as const, publisher: 'selfhosted.test', loginTemplate: '%EMAILLOCALPART%' };
    const first = draftFromGuess('selfhosted.test', published, 'li@selfhosted.test');
    expect(first.values.loginName).toBe('li');
    // The address corrected on the same domain: the name follows.
    const corrected = draftFor(first, 'selfhosted.test', published, 'wang@selfhosted.test');
    expect(corrected.values.loginName).toBe('wang');
    expect(draftFor(corrected, 'selfhosted.test', published, 'wang@selfhosted.test')).toBe(corrected);
    // Typed over: it stays.
    const typed = { ...corrected, loginEdited: true, values: { ...corrected.values, loginName: 'w.li' } };
    expect(draftFor(typed, 'selfhosted.test', published, 'zhao@selfhosted.test')).toBe(typed);
    // A template that gives the address itself means the address: nothing to fill in.
    expect(draftFromGuess('selfhosted.test', { ...published, loginTemplate: '%EMAILADDRESS%' }, 'li@selfhosted.test').values.loginName).toBe('');
  });

  it('reads back only what it stored, and a draft from before the login name as logging in with the address', () => {
    const draft = draftFromGuess('selfhosted.test', guess);
    expect(decodeManualDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(decodeManualDraft({ ...draft, values: { ...draft.values, imapTls: 'none' } })).toBeUndefined();
    expect(decodeManualDraft({ ...draft, basis: 'telepathy' })).toBeUndefined();
    expect(decodeManualDraft('mail.selfhosted.test')).toBeUndefined();
    // Stored before the login name: no loginName, loginEdited or loginTemplate.
    const older = JSON.parse(JSON.stringify(draft)) as Record<string, unknown> & { values: Record<string, unknown> };
    delete older.loginEdited;
    delete older.values.loginName;
    expect(decodeManualDraft(older)).toEqual(draft);
    expect(decodeManualDraft({ ...draft, values: { ...draft.values, loginName: 7 } })).toBeUndefined();
    expect(decodeManualDraft(null)).toBeUndefined();
  });

  it('shows endpoints only once hosts and ports are there', () => {
    const { values } = draftFromGuess('selfhosted.test', guess);
    expect(draftEndpoints(values)?.imap).toEqual({ host: 'mail.selfhosted.test', port: 993, tls: 'implicit' });
    expect(draftEndpoints({ ...values, smtpPort: 'abc' })).toBeUndefined();
    expect(draftEndpoints({ ...values, imapHost: '  ' })).toBeUndefined();
  });

  it('picks the server fields out of an answer and names their inputs', () => {
    expect(manualFieldErrors({ address: ['x'], imapHost: ['refused', 'again'], smtpPort: ['bad port'] })).toEqual({ imapHost: 'refused', smtpPort: 'bad port' });
    expect(manualFieldId('smtpHost')).toBe('manual-smtp-host');
    expect(manualFieldId('imapPort')).toBe('manual-imap-port');
    expect(manualFieldId('imapTls')).toBe('manual-imap-tls-implicit');
    expect(manualFieldId('loginName')).toBe('manual-login-name');
    expect(manualFieldErrors({ loginName: ['too long'] })).toEqual({ loginName: 'too long' });
  });
});
