CREATE TABLE "page_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"page" text NOT NULL,
	"lang" text NOT NULL,
	"rating" smallint NOT NULL,
	"answer" smallint,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "page_feedback_rating_ck" CHECK (rating between 1 and 5),
	CONSTRAINT "page_feedback_answer_ck" CHECK (answer is null or answer between 0 and 4)
);
--> statement-breakpoint
ALTER TABLE "page_feedback" ADD CONSTRAINT "page_feedback_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "page_feedback_institution_page_idx" ON "page_feedback" USING btree ("institution_id","page");