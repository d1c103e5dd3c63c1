CREATE TABLE "request_limits" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	CONSTRAINT "request_limits_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "request_limits_count_positive" CHECK ("request_limits"."count" > 0)
);
--> statement-breakpoint
CREATE INDEX "request_limits_window_end_idx" ON "request_limits" USING btree ("window_end");