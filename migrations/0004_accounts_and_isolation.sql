CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"created_by" uuid,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scope" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_scope_ck" CHECK (scope in ('read', 'write'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" uuid,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"institution_id" uuid,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_institution_id_pk" PRIMARY KEY("user_id","institution_id"),
	CONSTRAINT "user_roles_role_ck" CHECK (role in ('admin', 'editor', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"platform_admin" boolean DEFAULT false NOT NULL,
	"oidc_subject" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "audit_events_institution_at_idx" ON "audit_events" USING btree ("institution_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_uq" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
-- Row-level security: back-office work runs as ponte_staff (Database.scoped), which sees and changes only
-- the rows of the institutions in the transaction's setting ponte.institutions. The owner (migrations, the
-- public portal's published reads, the CLI, sign-in) is not subject to these policies.
DO $$ BEGIN
  CREATE ROLE ponte_staff NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT ponte_staff TO %I', current_user);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant ponte_staff to %: back-office requests will fail until an administrator does', current_user;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ponte_staff;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ponte_staff;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ponte_staff;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ponte_staff;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ponte_staff;--> statement-breakpoint
-- The gazetteer and the network catalogue are shared and read-only for staff.
REVOKE INSERT, UPDATE, DELETE ON countries, places, place_names, gazetteer_meta, networks FROM ponte_staff;--> statement-breakpoint
REVOKE INSERT, DELETE ON institutions FROM ponte_staff;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ponte_staff;--> statement-breakpoint
REVOKE ALL ON sessions, login_failures FROM ponte_staff;--> statement-breakpoint
CREATE FUNCTION ponte_scope() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('ponte.institutions', true), ''), ',')::uuid[], '{}'::uuid[])
$$;--> statement-breakpoint
ALTER TABLE institutions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY institutions_scope ON institutions TO ponte_staff USING (id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE units ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY units_scope ON units TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE counterparts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY counterparts_scope ON counterparts TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY agreements_scope ON agreements TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE agreement_status_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY agreement_status_events_scope ON agreement_status_events TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY memberships_scope ON memberships TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE page_feedback ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY page_feedback_scope ON page_feedback TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY api_tokens_scope ON api_tokens TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY user_roles_scope ON user_roles TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY audit_events_scope ON audit_events TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- Staff see the users who hold a role in their institutions; an admin may add one (then give a role).
CREATE POLICY users_scope ON users TO ponte_staff
  USING (id IN (SELECT user_id FROM user_roles WHERE institution_id = ANY (ponte_scope())))
  WITH CHECK (true);--> statement-breakpoint
-- The audit log is append-only, for everyone, owner included.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
