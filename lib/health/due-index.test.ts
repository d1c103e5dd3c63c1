import fs from 'node:fs';
import path from 'node:path';
import { PgDialect, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { mailAccounts } from '@/lib/db/schema';
import { HOLDING_CODES } from './hold';

// The health claim (claimDueAccounts) reads the partial index mail_accounts_due_idx only while
// the index's predicate is the claim's condition term for term (lib/db/schema.ts says why). The
// codes are written out in the index; this holds them to HOLDING_CODES, in its order, so a code
// added to the diagnoses cannot silently slow every claim down again.

const codeList = HOLDING_CODES.map((code) => `'${code}'`).join(', ');

describe('the index of claimable accounts', () => {
  it('names exactly the codes that hold an account, in their order, for IMAP and SMTP alike', () => {
    const index = getTableConfig(mailAccounts).indexes.find((candidate) => candidate.config.name === 'mail_accounts_due_idx');
    expect(index?.config.where).toBeDefined();
    const predicate = new PgDialect().sqlToQuery(index!.config.where!).sql;
    expect(predicate).toContain(`'imap'->>'code' in (${codeList})`);
    expect(predicate).toContain(`'smtp'->>'code' in (${codeList})`);
    expect(predicate.match(/'code' in \(/g)).toHaveLength(2);
  });

  it('is created by a migration with the same codes', () => {
    const folder = path.join(process.cwd(), 'lib/db/migrations');
    const migration = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
      .filter((text) => text.includes('"mail_accounts_due_idx"'))
      .at(-1);
    expect(migration).toBeDefined();
    expect(migration!.split(`'code' in (${codeList})`)).toHaveLength(3);
  });
});
