CREATE INDEX "agreements_country_name_it_idx" ON "agreements" USING btree ("country_code","sort_name_it","id");--> statement-breakpoint
CREATE INDEX "agreements_country_name_en_idx" ON "agreements" USING btree ("country_code","sort_name_en","id");--> statement-breakpoint
CREATE INDEX "agreements_continent_date_idx" ON "agreements" USING btree ("continent","sort_date","id");--> statement-breakpoint
-- Free-text filters use trigram matches on search_text; a larger sample gives the planner usable estimates.
ALTER TABLE "agreements" ALTER COLUMN "search_text" SET STATISTICS 1000;
