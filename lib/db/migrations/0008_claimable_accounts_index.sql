CREATE INDEX "mail_accounts_due_idx" ON "mail_accounts" USING btree ("next_check_at") WHERE "mail_accounts"."status" in ('ok', 'failed') and not coalesce(
  ("mail_accounts"."last_check_result"->>'ok')::boolean = false and (
    "mail_accounts"."last_check_result"->'imap'->>'code' in ('auth_failed', 'smtp_not_enabled', 'password_instead_of_code', 'auth_failed_or_limited', 'ip_not_allowed', 'wrong_server_group')
    or "mail_accounts"."last_check_result"->'smtp'->>'code' in ('auth_failed', 'smtp_not_enabled', 'password_instead_of_code', 'auth_failed_or_limited', 'ip_not_allowed', 'wrong_server_group')
  ), false);