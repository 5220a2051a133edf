CREATE TABLE "mission_travellers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"office" text NOT NULL,
	"travel_cost" numeric(12, 2),
	"lodging_cost" numeric(12, 2),
	"other_cost" numeric(12, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"paid_by" text,
	"public_money" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"starts_on" date NOT NULL,
	"starts_at" time,
	"ends_on" date NOT NULL,
	"ends_at" time,
	"destinations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"purpose_it" text,
	"purpose_en" text,
	"meetings_it" text,
	"meetings_en" text,
	"outcome_it" text,
	"outcome_en" text,
	"agreement_ids" uuid[] DEFAULT '{}' NOT NULL,
	"network_ids" uuid[] DEFAULT '{}' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_period_ck" CHECK ("missions"."ends_on" >= "missions"."starts_on"),
	CONSTRAINT "missions_example_unpublished_ck" CHECK (not ("missions"."example" and "missions"."published"))
);
--> statement-breakpoint
ALTER TABLE "mission_travellers" ADD CONSTRAINT "mission_travellers_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_travellers" ADD CONSTRAINT "mission_travellers_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mission_travellers_mission_idx" ON "mission_travellers" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "missions_institution_starts_idx" ON "missions" USING btree ("institution_id","starts_on");--> statement-breakpoint
ALTER TABLE missions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE missions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY missions_scope ON missions TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY missions_app ON missions TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE mission_travellers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mission_travellers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY mission_travellers_scope ON mission_travellers TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY mission_travellers_app ON mission_travellers TO ponte_app USING (true) WITH CHECK (true);
