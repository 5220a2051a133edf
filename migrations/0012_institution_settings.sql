ALTER TABLE "institutions" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "privacy_text_it" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "privacy_text_en" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "sources" jsonb DEFAULT '[]'::jsonb NOT NULL;