CREATE TABLE "visit_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text DEFAULT 'activity' NOT NULL,
	"day" date NOT NULL,
	"starts_at" time,
	"ends_at" time,
	"place" text,
	"activity_it" text NOT NULL,
	"activity_en" text,
	"attendees" text,
	"tour_language" text,
	"guide" text,
	"group_size" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"starts_on" date NOT NULL,
	"starts_at" time,
	"ends_on" date NOT NULL,
	"ends_at" time,
	"counterpart_id" uuid,
	"head_name" text,
	"head_title" text,
	"delegation_size" integer,
	"purpose_it" text,
	"purpose_en" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"interpreting_pair" text,
	"interpreting_booked" boolean DEFAULT false NOT NULL,
	"interpreting_provider" text,
	"protocol_notes" text,
	"outcome_it" text,
	"outcome_en" text,
	"agreement_ids" uuid[] DEFAULT '{}' NOT NULL,
	"network_ids" uuid[] DEFAULT '{}' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_period_ck" CHECK ("visits"."ends_on" >= "visits"."starts_on"),
	CONSTRAINT "visits_example_unpublished_ck" CHECK (not ("visits"."example" and "visits"."published"))
);
--> statement-breakpoint
ALTER TABLE "visit_items" ADD CONSTRAINT "visit_items_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_items" ADD CONSTRAINT "visit_items_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_items_visit_idx" ON "visit_items" USING btree ("visit_id","day","starts_at");--> statement-breakpoint
CREATE INDEX "visits_institution_starts_idx" ON "visits" USING btree ("institution_id","starts_on");--> statement-breakpoint
CREATE INDEX "visits_counterpart_idx" ON "visits" USING btree ("counterpart_id");--> statement-breakpoint
ALTER TABLE visits ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE visits FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY visits_scope ON visits TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY visits_app ON visits TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE visit_items ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE visit_items FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY visit_items_scope ON visit_items TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY visit_items_app ON visit_items TO ponte_app USING (true) WITH CHECK (true);
