CREATE TABLE "dossier_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"label_it" text NOT NULL,
	"label_en" text,
	"due_on" date NOT NULL,
	"done_on" date,
	CONSTRAINT "dossier_deadlines_label_ck" CHECK (length("dossier_deadlines"."label_it") > 0)
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"kind" text NOT NULL,
	"awarding_body" text,
	"call_title" text,
	"call_url" text,
	"unit_id" uuid,
	"contributors" text,
	"status" text NOT NULL,
	"submitted_on" date,
	"decided_on" date,
	"outcome_it" text,
	"outcome_en" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objective_links" DROP CONSTRAINT "objective_links_one_ck";--> statement-breakpoint
DROP INDEX "objective_links_unique_idx";--> statement-breakpoint
ALTER TABLE "objective_links" ADD COLUMN "dossier_id" uuid;--> statement-breakpoint
ALTER TABLE "dossier_deadlines" ADD CONSTRAINT "dossier_deadlines_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_deadlines" ADD CONSTRAINT "dossier_deadlines_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_deadlines_due_idx" ON "dossier_deadlines" USING btree ("institution_id","due_on") WHERE "dossier_deadlines"."done_on" is null;--> statement-breakpoint
CREATE INDEX "dossier_deadlines_dossier_idx" ON "dossier_deadlines" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_institution_idx" ON "dossiers" USING btree ("institution_id","status");--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objective_links_unique_idx" ON "objective_links" USING btree ("objective_id",coalesce("agreement_id", "visit_id", "mission_id", "meeting_id", "network_id", "project_id", "event_id", "dossier_id"));--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_one_ck" CHECK (num_nonnulls("objective_links"."agreement_id", "objective_links"."visit_id", "objective_links"."mission_id", "objective_links"."meeting_id", "objective_links"."network_id", "objective_links"."project_id", "objective_links"."event_id", "objective_links"."dossier_id") = 1);--> statement-breakpoint
ALTER TABLE dossiers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY dossiers_scope ON dossiers TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY dossiers_app ON dossiers TO ponte_app USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE dossier_deadlines ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossier_deadlines FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY dossier_deadlines_scope ON dossier_deadlines TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY dossier_deadlines_app ON dossier_deadlines TO ponte_app USING (true) WITH CHECK (true);
