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
    });
    expect(draft).toMatchObject({ basis: 'mx_host', edited: false, portEdited: { imap: false, smtp: false } });
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

  it('reads back only what it stored', () => {
    const draft = draftFromGuess('selfhosted.test', guess);
    expect(decodeManualDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    expect(decodeManualDraft({ ...draft, values: { ...draft.values, imapTls: 'none' } })).toBeUndefined();
    expect(decodeManualDraft({ ...draft, basis: 'telepathy' })).toBeUndefined();
    expect(decodeManualDraft('mail.selfhosted.test')).toBeUndefined();
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
  });
});
