-- Each table's staff policy compared every row with ponte_scope(), so the setting was read and split once per
-- row (about 5 ms on a page of 50 projects with their partners). As a sub-select the planner evaluates it once
-- per statement (an InitPlan); the cast keeps `= ANY` on an array rather than on a set of rows.
ALTER POLICY agreement_status_events_scope ON agreement_status_events USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY agreements_scope ON agreements USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY api_tokens_scope ON api_tokens USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY attachments_scope ON attachments USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY audit_events_scope ON audit_events USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY calendar_feeds_scope ON calendar_feeds USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY counterparts_scope ON counterparts USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY dossier_deadlines_scope ON dossier_deadlines USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY dossiers_scope ON dossiers USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY events_scope ON events USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY follow_ups_scope ON follow_ups USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY gifts_scope ON gifts USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY invitations_scope ON invitations USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY meetings_scope ON meetings USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY memberships_scope ON memberships USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY mission_travellers_scope ON mission_travellers USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY missions_scope ON missions USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY objective_indicators_scope ON objective_indicators USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY objective_links_scope ON objective_links USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY objective_years_scope ON objective_years USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY objectives_scope ON objectives USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY organisations_scope ON organisations USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY page_feedback_scope ON page_feedback USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY people_scope ON people USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY person_links_scope ON person_links USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY person_roles_scope ON person_roles USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY project_funding_scope ON project_funding USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY project_partners_scope ON project_partners USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY project_years_scope ON project_years USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY projects_scope ON projects USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY units_scope ON units USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY user_roles_scope ON user_roles USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY visit_items_scope ON visit_items USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY visits_scope ON visits USING (institution_id = ANY ((SELECT ponte_scope())::uuid[])) WITH CHECK (institution_id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY institutions_scope ON institutions USING (id = ANY ((SELECT ponte_scope())::uuid[]));--> statement-breakpoint
ALTER POLICY users_scope ON users USING (id IN (SELECT user_id FROM user_roles WHERE institution_id = ANY ((SELECT ponte_scope())::uuid[])));
