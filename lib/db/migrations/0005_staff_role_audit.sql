CREATE TABLE "role_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "role_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text NOT NULL,
	"email" text NOT NULL,
	"action" text NOT NULL,
	"from_role" text,
	"to_role" text NOT NULL,
	"actor" text NOT NULL,
	"operator" text,
	"detail" text DEFAULT '' NOT NULL,
	CONSTRAINT "role_audit_log_action_known" CHECK ("role_audit_log"."action" in ('staff_created', 'role_granted', 'password_reset', 'role_removed')),
	CONSTRAINT "role_audit_log_roles_known" CHECK ("role_audit_log"."to_role" in ('user', 'staff') and ("role_audit_log"."from_role" is null or "role_audit_log"."from_role" in ('user', 'staff')))
);
--> statement-breakpoint
CREATE INDEX "role_audit_log_user_at_idx" ON "role_audit_log" USING btree ("user_id","at");