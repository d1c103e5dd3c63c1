ALTER TABLE "check_attempts" ALTER COLUMN "finished_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "state" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "mail_accounts" ADD COLUMN "health_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "check_attempts_one_pending_per_address" ON "check_attempts" USING btree ("address",coalesce("owner_id", '')) WHERE "check_attempts"."state" = 'pending';--> statement-breakpoint
ALTER TABLE "check_attempts" ADD CONSTRAINT "check_attempts_state_known" CHECK ("check_attempts"."state" in ('pending', 'done'));--> statement-breakpoint
ALTER TABLE "check_attempts" ADD CONSTRAINT "check_attempts_done_finished" CHECK ("check_attempts"."state" = 'pending' or "check_attempts"."finished_at" is not null);