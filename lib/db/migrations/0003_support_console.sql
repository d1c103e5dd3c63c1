CREATE TABLE "help_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"browser_token_hash" text NOT NULL,
	"customer_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"step" text,
	"address" text,
	"progress_at" timestamp with time zone,
	"checking_since" timestamp with time zone,
	"suggested_step" text,
	"suggestion_seq" integer DEFAULT 0 NOT NULL,
	"suggested_at" timestamp with time zone,
	"suggested_by" text,
	"suggestion_response" text,
	"responded_at" timestamp with time zone,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	CONSTRAINT "help_sessions_browser_token_hash_unique" UNIQUE("browser_token_hash"),
	CONSTRAINT "help_sessions_code_digits" CHECK ("help_sessions"."code" ~ '^[0-9]{6}$'),
	CONSTRAINT "help_sessions_response_known" CHECK ("help_sessions"."suggestion_response" is null or "help_sessions"."suggestion_response" in ('accepted', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "support_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "support_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"staff_id" text NOT NULL,
	"staff_email" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"help_session_id" uuid,
	"customer_id" text,
	"detail" text DEFAULT '' NOT NULL,
	CONSTRAINT "support_audit_log_action_known" CHECK ("support_audit_log"."action" in ('code_entered', 'code_refused', 'session_viewed', 'step_suggested', 'attempts_searched'))
);
--> statement-breakpoint
ALTER TABLE "auth_users" ADD COLUMN "role" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "imap_stage" text;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "smtp_stage" text;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "imap_server_text" text;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "smtp_server_text" text;--> statement-breakpoint
ALTER TABLE "help_sessions" ADD CONSTRAINT "help_sessions_customer_id_auth_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_sessions_code_idx" ON "help_sessions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "help_sessions_customer_idx" ON "help_sessions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "support_audit_log_staff_at_idx" ON "support_audit_log" USING btree ("staff_id","at");--> statement-breakpoint
CREATE INDEX "support_audit_log_session_idx" ON "support_audit_log" USING btree ("help_session_id");--> statement-breakpoint
CREATE INDEX "check_attempts_owner_started_at_idx" ON "check_attempts" USING btree ("owner_id","started_at");