CREATE TABLE "gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"on_day" date NOT NULL,
	"visit_id" uuid,
	"mission_id" uuid,
	"meeting_id" uuid,
	"counterpart_id" uuid,
	"description_it" text NOT NULL,
	"description_en" text,
	"value" numeric(12, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"person" text,
	"disposition" text,
	"disposition_on" date,
	"notes" text,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gifts_one_occasion_ck" CHECK (num_nonnulls("gifts"."visit_id", "gifts"."mission_id", "gifts"."meeting_id") <= 1),
	CONSTRAINT "gifts_example_unpublished_ck" CHECK (not ("gifts"."example" and "gifts"."published"))
);
--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gifts_institution_day_idx" ON "gifts" USING btree ("institution_id","on_day");--> statement-breakpoint
CREATE INDEX "gifts_counterpart_idx" ON "gifts" USING btree ("counterpart_id");--> statement-breakpoint
ALTER TABLE gifts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE gifts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY gifts_scope ON gifts TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY gifts_app ON gifts TO ponte_app USING (true) WITH CHECK (true);
