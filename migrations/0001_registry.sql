CREATE TABLE "agreement_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"agreement_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"status" text NOT NULL,
	"outcome" text DEFAULT 'approved' NOT NULL,
	"occurred_on" date,
	"precision" text DEFAULT 'day' NOT NULL,
	"reason_it" text,
	"reason_en" text,
	"act" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_status_events_status_ck" CHECK (status in ('proposed', 'active', 'suspended', 'expired', 'terminated')),
	CONSTRAINT "agreement_status_events_outcome_ck" CHECK (outcome in ('approved', 'rejected')),
	CONSTRAINT "agreement_status_events_precision_ck" CHECK (precision in ('day', 'month', 'year', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"counterpart_id" uuid NOT NULL,
	"unit_id" uuid,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"signed_on" date,
	"signed_precision" text DEFAULT 'unknown' NOT NULL,
	"signed_source" text,
	"ratified_on" date,
	"ratified_precision" text DEFAULT 'unknown' NOT NULL,
	"ratified_source" text,
	"signed_place" text,
	"term" text DEFAULT 'permanent' NOT NULL,
	"ends_on" date,
	"renewal" text,
	"renewal_years" smallint,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"title_it" text,
	"title_en" text,
	"description_it" text,
	"description_en" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alternative_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"status_since" date,
	"status_since_precision" text DEFAULT 'unknown' NOT NULL,
	"country_code" char(2),
	"continent" char(2),
	"search_text" text DEFAULT '' NOT NULL,
	"sort_name_it" text DEFAULT '' NOT NULL,
	"sort_name_en" text DEFAULT '' NOT NULL,
	"sort_date" date GENERATED ALWAYS AS (coalesce(signed_on, ratified_on, '9999-12-31'::date)) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_kind_ck" CHECK (kind in ('twinning', 'friendship_pact', 'brotherhood_pact', 'collaboration_agreement', 'memorandum_of_understanding', 'project_partnership')),
	CONSTRAINT "agreements_status_ck" CHECK (status in ('proposed', 'active', 'suspended', 'expired', 'terminated')),
	CONSTRAINT "agreements_signed_precision_ck" CHECK (signed_precision in ('day', 'month', 'year', 'unknown')),
	CONSTRAINT "agreements_ratified_precision_ck" CHECK (ratified_precision in ('day', 'month', 'year', 'unknown')),
	CONSTRAINT "agreements_term_ck" CHECK ((term = 'permanent' and ends_on is null) or term = 'fixed'),
	CONSTRAINT "agreements_signed_known_ck" CHECK ((signed_on is null) = (signed_precision = 'unknown')),
	CONSTRAINT "agreements_ratified_known_ck" CHECK ((ratified_on is null) = (ratified_precision = 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "counterparts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"place_id" integer,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"country_code" char(2),
	"website" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"office_name_it" text,
	"office_name_en" text,
	"description_it" text,
	"description_en" text,
	"home_place_id" integer,
	"address" text,
	"tax_code" text,
	"vat_number" text,
	"pec" text,
	"email" text,
	"website" text,
	"accessibility_url" text,
	"languages" text[] DEFAULT '{"it","en"}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"remit_it" text,
	"remit_en" text,
	"head" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"unit_id" uuid,
	"since_on" date,
	"since_precision" text DEFAULT 'unknown' NOT NULL,
	"role_it" text,
	"role_en" text,
	"working_groups" text[] DEFAULT '{}' NOT NULL,
	"annual_fee" numeric(12, 2),
	"fee_currency" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"acronym" text,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"description_it" text,
	"description_en" text,
	"website" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"iso3" char(3),
	"numeric" char(3),
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"continent" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gazetteer_meta" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"fingerprint" text NOT NULL,
	"place_count" integer NOT NULL,
	"loaded_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_names" (
	"id" serial PRIMARY KEY NOT NULL,
	"place_id" integer NOT NULL,
	"name" text NOT NULL,
	"norm" text NOT NULL,
	"kind" smallint NOT NULL,
	"country_code" char(2) NOT NULL,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_it" text,
	"name_en" text,
	"country_code" char(2) NOT NULL,
	"feature_code" text NOT NULL,
	"admin_code" text,
	"population" integer DEFAULT 0 NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_status_events" ADD CONSTRAINT "agreement_status_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_status_events" ADD CONSTRAINT "agreement_status_events_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counterparts" ADD CONSTRAINT "counterparts_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_home_place_id_places_id_fk" FOREIGN KEY ("home_place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_names" ADD CONSTRAINT "place_names_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_status_events_agreement_idx" ON "agreement_status_events" USING btree ("agreement_id","occurred_on","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_institution_slug_uq" ON "agreements" USING btree ("institution_id","slug");--> statement-breakpoint
CREATE INDEX "agreements_institution_date_idx" ON "agreements" USING btree ("institution_id","sort_date","id");--> statement-breakpoint
CREATE INDEX "agreements_institution_name_it_idx" ON "agreements" USING btree ("institution_id","sort_name_it","id");--> statement-breakpoint
CREATE INDEX "agreements_institution_name_en_idx" ON "agreements" USING btree ("institution_id","sort_name_en","id");--> statement-breakpoint
CREATE INDEX "agreements_date_idx" ON "agreements" USING btree ("sort_date","id");--> statement-breakpoint
CREATE INDEX "agreements_country_idx" ON "agreements" USING btree ("country_code","sort_date");--> statement-breakpoint
CREATE INDEX "agreements_counterpart_idx" ON "agreements" USING btree ("counterpart_id");--> statement-breakpoint
CREATE INDEX "agreements_search_trgm_idx" ON "agreements" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "counterparts_institution_place_uq" ON "counterparts" USING btree ("institution_id","place_id") WHERE "counterparts"."place_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "counterparts_institution_org_uq" ON "counterparts" USING btree ("institution_id","name_en") WHERE "counterparts"."kind" = 'organisation';--> statement-breakpoint
CREATE INDEX "counterparts_country_idx" ON "counterparts" USING btree ("country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_institution_slug_uq" ON "units" USING btree ("institution_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_institution_network_uq" ON "memberships" USING btree ("institution_id","network_id");--> statement-breakpoint
CREATE INDEX "place_names_norm_idx" ON "place_names" USING btree ("norm");--> statement-breakpoint
CREATE INDEX "place_names_norm_trgm_idx" ON "place_names" USING gin ("norm" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "place_names_place_norm_uq" ON "place_names" USING btree ("place_id","norm");--> statement-breakpoint
CREATE INDEX "places_country_idx" ON "places" USING btree ("country_code");