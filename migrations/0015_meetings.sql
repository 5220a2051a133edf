CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"starts_on" date NOT NULL,
	"starts_at" time,
	"ends_at" time,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"place" text,
	"counterpart_id" uuid,
	"host" text,
	"participants" text,
	"topics_it" text,
	"topics_en" text,
	"outcome_it" text,
	"outcome_en" text,
	"agreement_ids" uuid[] DEFAULT '{}' NOT NULL,
	"network_ids" uuid[] DEFAULT '{}' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_example_unpublished_ck" CHECK (not ("meetings"."example" and "meetings"."published"))
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_institution_starts_idx" ON "meetings" USING btree ("institution_id","starts_on");--> statement-breakpoint
CREATE INDEX "meetings_counterpart_idx" ON "meetings" USING btree ("counterpart_id");--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE meetings FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meetings_scope ON meetings TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY meetings_app ON meetings TO ponte_app USING (true) WITH CHECK (true);
