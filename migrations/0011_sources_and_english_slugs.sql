ALTER TABLE "agreement_status_events" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Agreements recorded before English addresses keep their Italian slug in English too: an address once
-- published stays valid. New ones get a slug from the partner's English name.
ALTER TABLE "agreements" ADD COLUMN "slug_en" text;--> statement-breakpoint
UPDATE "agreements" SET "slug_en" = "slug";--> statement-breakpoint
ALTER TABLE "agreements" ALTER COLUMN "slug_en" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "signed_source_en" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "ratified_source_en" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_institution_slug_en_uq" ON "agreements" USING btree ("institution_id","slug_en");