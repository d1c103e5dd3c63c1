CREATE TABLE "account_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"address" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_audit_log_action_known" CHECK ("account_audit_log"."action" in ('deleted', 'code_replaced', 'paused', 'resumed'))
);
--> statement-breakpoint
CREATE TABLE "account_status_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_status_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"failure_code" text,
	CONSTRAINT "account_status_events_to_known" CHECK ("account_status_events"."to_status" in ('ok', 'failed', 'paused')),
	CONSTRAINT "account_status_events_from_known" CHECK ("account_status_events"."from_status" is null or "account_status_events"."from_status" in ('ok', 'failed', 'paused'))
);
--> statement-breakpoint
ALTER TABLE "mail_accounts" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_status_events" ADD CONSTRAINT "account_status_events_account_id_mail_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."mail_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_audit_log_owner_at_idx" ON "account_audit_log" USING btree ("owner_id","at");--> statement-breakpoint
CREATE INDEX "account_status_events_account_at_idx" ON "account_status_events" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "mail_accounts_next_check_at_idx" ON "mail_accounts" USING btree ("next_check_at");