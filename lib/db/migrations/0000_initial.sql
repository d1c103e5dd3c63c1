CREATE TABLE "check_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "check_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"address" text NOT NULL,
	"provider_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"imap_code" text,
	"smtp_code" text,
	"counts_toward_limit" boolean DEFAULT true NOT NULL,
	"ban_signal" boolean DEFAULT false NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "check_attempts_address_normalised" CHECK ("check_attempts"."address" = lower(btrim("check_attempts"."address"))),
	CONSTRAINT "check_attempts_duration_non_negative" CHECK ("check_attempts"."duration_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "provider_pauses" (
	"provider_id" text PRIMARY KEY NOT NULL,
	"paused_until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "check_attempts_address_started_at_idx" ON "check_attempts" USING btree ("address","started_at");--> statement-breakpoint
CREATE INDEX "check_attempts_provider_started_at_idx" ON "check_attempts" USING btree ("provider_id","started_at");