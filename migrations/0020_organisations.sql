CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"post_kind" text,
	"name_it" text NOT NULL,
	"name_en" text,
	"country_code" text,
	"communities" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"district" text[] DEFAULT '{}' NOT NULL,
	"address" text,
	"city" text,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"email" text,
	"website" text,
	"opening_hours_it" text,
	"opening_hours_en" text,
	"activities_it" text,
	"activities_en" text,
	"register_number" text,
	"notes" text,
	"published" boolean DEFAULT false NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_example_unpublished_ck" CHECK (not ("organisations"."example" and "organisations"."published")),
	CONSTRAINT "organisations_post_kind_ck" CHECK (("organisations"."kind" = 'consular_post') = ("organisations"."post_kind" is not null)),
	CONSTRAINT "organisations_point_ck" CHECK (("organisations"."latitude" is null) = ("organisations"."longitude" is null))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_institution_kind_idx" ON "organisations" USING btree ("institution_id","kind");--> statement-breakpoint
CREATE INDEX "organisations_country_idx" ON "organisations" USING btree ("institution_id","country_code");--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY organisations_scope ON organisations TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY organisations_app ON organisations TO ponte_app USING (true) WITH CHECK (true);
