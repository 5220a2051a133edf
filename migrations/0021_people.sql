CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"honorific" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"preferred_language" text,
	"email" text,
	"phone" text,
	"address" text,
	"notes" text,
	"visibility" text DEFAULT 'staff' NOT NULL,
	"field_visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"legal_basis" text NOT NULL,
	"consent_on" date,
	"consent_text" text,
	"review_on" date NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_consent_ck" CHECK ("people"."legal_basis" <> 'consent' or ("people"."consent_on" is not null and "people"."consent_text" is not null))
);
--> statement-breakpoint
CREATE TABLE "person_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"head" boolean DEFAULT false NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_roles_period_ck" CHECK ("person_roles"."ends_on" is null or "person_roles"."starts_on" is null or "person_roles"."ends_on" >= "person_roles"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_institution_idx" ON "people" USING btree ("institution_id","visibility");--> statement-breakpoint
CREATE INDEX "people_review_idx" ON "people" USING btree ("institution_id","review_on");--> statement-breakpoint
CREATE INDEX "person_roles_person_idx" ON "person_roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_roles_organisation_idx" ON "person_roles" USING btree ("organisation_id","starts_on");--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE people FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY people_scope ON people TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY people_app ON people TO ponte_app USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE person_roles ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE person_roles FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY person_roles_scope ON person_roles TO ponte_staff USING (institution_id = ANY (ponte_scope())) WITH CHECK (institution_id = ANY (ponte_scope()));--> statement-breakpoint
CREATE POLICY person_roles_app ON person_roles TO ponte_app USING (true) WITH CHECK (true);
