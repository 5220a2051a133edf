CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"visit_id" uuid,
	"mission_id" uuid,
	"meeting_id" uuid,
	"action" text NOT NULL,
	"owner" text,
	"due_on" date,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_one_subject_ck" CHECK (num_nonnulls("follow_ups"."visit_id", "follow_ups"."mission_id", "follow_ups"."meeting_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_open_idx" ON "follow_ups" USING btree ("institution_id","due_on") WHERE "follow_ups"."done_on" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_visit_idx" ON "follow_ups" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "follow_ups_mission_idx" ON "follow_ups" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "follow_ups_meeting_idx" ON "follow_ups" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE follow_ups FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY follow_ups_scope ON follow_ups TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY follow_ups_app ON follow_ups TO ponte_app USING (true) WITH CHECK (true);
