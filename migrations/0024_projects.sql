CREATE TABLE "project_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"source" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"counterpart_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"country" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_years" (
	"project_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	CONSTRAINT "project_years_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"description_it" text,
	"description_en" text,
	"funder" text,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"total_budget" numeric(14, 2),
	"own_share" numeric(14, 2),
	"results_it" text,
	"results_en" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_period_ck" CHECK ("projects"."ends_on" is null or "projects"."starts_on" is null or "projects"."ends_on" >= "projects"."starts_on"),
	CONSTRAINT "projects_example_ck" CHECK (not ("projects"."example" and "projects"."published"))
);
--> statement-breakpoint
ALTER TABLE "objective_links" DROP CONSTRAINT "objective_links_one_ck";--> statement-breakpoint
DROP INDEX "objective_links_unique_idx";--> statement-breakpoint
ALTER TABLE "objective_links" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "project_funding" ADD CONSTRAINT "project_funding_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_funding" ADD CONSTRAINT "project_funding_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_years" ADD CONSTRAINT "project_years_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_years" ADD CONSTRAINT "project_years_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_funding_project_idx" ON "project_funding" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_partners_project_idx" ON "project_partners" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("institution_id","code");--> statement-breakpoint
CREATE INDEX "projects_list_idx" ON "projects" USING btree ("institution_id","starts_on");--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objective_links_unique_idx" ON "objective_links" USING btree ("objective_id",coalesce("agreement_id", "visit_id", "mission_id", "meeting_id", "network_id", "project_id"));--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_one_ck" CHECK (num_nonnulls("objective_links"."agreement_id", "objective_links"."visit_id", "objective_links"."mission_id", "objective_links"."meeting_id", "objective_links"."network_id", "objective_links"."project_id") = 1);--> statement-breakpoint
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE projects FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY projects_scope ON projects TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY projects_app ON projects TO ponte_app USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE project_partners ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE project_partners FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY project_partners_scope ON project_partners TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY project_partners_app ON project_partners TO ponte_app USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE project_funding ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE project_funding FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY project_funding_scope ON project_funding TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY project_funding_app ON project_funding TO ponte_app USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE project_years ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE project_years FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY project_years_scope ON project_years TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY project_years_app ON project_years TO ponte_app USING (true) WITH CHECK (true);
