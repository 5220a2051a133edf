-- The application does not run as the owner of its tables. The owner (the role that runs these migrations)
-- keeps the schema; the app serves as ponte_app, which may read and write rows but not alter, drop, truncate
-- or disable triggers (the audit log's append-only triggers included), and which becomes ponte_staff for
-- back-office work under row-level security. Row-level security is forced on every institution-owned table,
-- so even the owner sees no row there unless it is a superuser or has BYPASSRLS (backups: see the README).
DO $$ BEGIN
  CREATE ROLE ponte_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
  GRANT ponte_staff TO ponte_app;
  EXECUTE format('GRANT ponte_app TO %I', current_user);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'could not grant ponte_app and ponte_staff: an administrator must (see the README, "Database roles")';
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ponte_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ponte_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ponte_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ponte_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ponte_app;--> statement-breakpoint
-- The gazetteer is loaded by the owner at start; the app only reads it. The audit log only grows.
REVOKE INSERT, UPDATE, DELETE ON countries, places, place_names, gazetteer_meta FROM ponte_app;--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_events FROM ponte_app;--> statement-breakpoint
-- /readyz compares the applied migrations with the committed ones.
GRANT USAGE ON SCHEMA drizzle TO ponte_app;--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ponte_app;--> statement-breakpoint
-- The app acts for every institution (the portal's published reads, sign-in, the CLI, imports, the seed);
-- the back-office narrows itself to one institution by becoming ponte_staff, whose policies are in 0004.
CREATE POLICY institutions_app ON institutions TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY units_app ON units TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY counterparts_app ON counterparts TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY agreements_app ON agreements TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY agreement_status_events_app ON agreement_status_events TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY memberships_app ON memberships TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY page_feedback_app ON page_feedback TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY api_tokens_app ON api_tokens TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY user_roles_app ON user_roles TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY audit_events_app ON audit_events TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY users_app ON users TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY attachments_app ON attachments TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE institutions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE units FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE counterparts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE agreements FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE agreement_status_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE page_feedback FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE user_roles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
