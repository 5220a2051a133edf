CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"starts_on" date NOT NULL,
	"starts_at" time,
	"ends_on" date NOT NULL,
	"ends_at" time,
	"venue" text,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"partners" text,
	"audience_it" text,
	"audience_en" text,
	"description_it" text,
	"description_en" text,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_period_ck" CHECK ("events"."ends_on" >= "events"."starts_on"),
	CONSTRAINT "events_point_ck" CHECK (("events"."latitude" is null) = ("events"."longitude" is null)),
	CONSTRAINT "events_example_ck" CHECK (not ("events"."example" and "events"."published"))
);
--> statement-breakpoint
ALTER TABLE "objective_links" DROP CONSTRAINT "objective_links_one_ck";--> statement-breakpoint
DROP INDEX "objective_links_unique_idx";--> statement-breakpoint
ALTER TABLE "objective_links" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_institution_idx" ON "events" USING btree ("institution_id","starts_on");--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objective_links_unique_idx" ON "objective_links" USING btree ("objective_id",coalesce("agreement_id", "visit_id", "mission_id", "meeting_id", "network_id", "project_id", "event_id"));--> statement-breakpoint
ALTER TABLE "objective_links" ADD CONSTRAINT "objective_links_one_ck" CHECK (num_nonnulls("objective_links"."agreement_id", "objective_links"."visit_id", "objective_links"."mission_id", "objective_links"."meeting_id", "objective_links"."network_id", "objective_links"."project_id", "objective_links"."event_id") = 1);--> statement-breakpoint
ALTER TABLE events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY events_scope ON events TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY events_app ON events TO ponte_app USING (true) WITH CHECK (true);
