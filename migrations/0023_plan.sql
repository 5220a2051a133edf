CREATE TABLE "objective_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text,
	"unit" text,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"agreement_id" uuid,
	"visit_id" uuid,
	"mission_id" uuid,
	"meeting_id" uuid,
	"network_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_links_one_ck" CHECK (num_nonnulls("objective_links"."agreement_id", "objective_links"."visit_id", "objective_links"."mission_id", "objective_links"."meeting_id", "objective_links"."network_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "objective_years" (
	"objective_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"income_planned" numeric(14, 2),
	"income_committed" numeric(14, 2),
	"income_paid" numeric(14, 2),
	"expense_planned" numeric(14, 2),
	"expense_committed" numeric(14, 2),
	"expense_paid" numeric(14, 2),
	CONSTRAINT "objective_years_objective_id_year_pk" PRIMARY KEY("objective_id","year")
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"code" text,
	"mandate_from" integer NOT NULL,
	"mandate_to" integer NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"address_it" text,
	"address_en" text,
	"mission" text NOT NULL,
	"programme" text,
	"responsible" text,
	"description_it" text,
	"description_en" text,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_years_ck" CHECK ("objectives"."first_year" <= "objectives"."last_year" and "objectives"."mandate_from" <= "objectives"."mandate_to")
);
--> statement-breakpoint
ALTER TABLE "objective_indicators" ADD CONSTRAINT "objective_indicators_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_indicators" ADD CONSTRAINT "objective_indicators_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_years" ADD CONSTRAINT "objective_years_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_years" ADD CONSTRAINT "objective_years_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_parent_id_objectives_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."objectives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_indicators_objective_idx" ON "objective_indicators" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "objective_links_objective_idx" ON "objective_links" USING btree ("objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_links_unique_idx" ON "objective_links" USING btree ("objective_id",coalesce("agreement_id", "visit_id", "mission_id", "meeting_id", "network_id"));--> statement-breakpoint
CREATE INDEX "objectives_institution_idx" ON "objectives" USING btree ("institution_id","mandate_from");--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_code_uq" ON "objectives" USING btree ("institution_id","mandate_from","code");--> statement-breakpoint
ALTER TABLE objectives ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE objectives FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY objectives_scope ON objectives TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY objectives_app ON objectives TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE objective_years ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE objective_years FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY objective_years_scope ON objective_years TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY objective_years_app ON objective_years TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE objective_indicators ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE objective_indicators FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY objective_indicators_scope ON objective_indicators TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY objective_indicators_app ON objective_indicators TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE objective_links ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE objective_links FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY objective_links_scope ON objective_links TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY objective_links_app ON objective_links TO ponte_app USING (true) WITH CHECK (true);
