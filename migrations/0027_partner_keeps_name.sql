ALTER TABLE "project_partners" DROP CONSTRAINT "project_partners_counterpart_id_counterparts_id_fk";
--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_counterpart_id_counterparts_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."counterparts"("id") ON DELETE set null ON UPDATE no action;