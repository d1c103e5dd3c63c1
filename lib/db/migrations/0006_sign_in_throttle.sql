CREATE TABLE "sign_in_throttle" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"forget_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_throttle_failures_positive" CHECK ("sign_in_throttle"."failures" > 0)
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttle_forget_at_idx" ON "sign_in_throttle" USING btree ("forget_at");