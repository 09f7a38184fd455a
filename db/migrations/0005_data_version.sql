-- A number that grows whenever stored data changes, so that servers can cache what they read
-- (db/data-version.ts). A sequence, not a row: writers never wait on each other for it. Bumped by
-- statement triggers, so that no write path (CLI, upload, reparse) can forget it.
CREATE SEQUENCE IF NOT EXISTS "data_version";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('data_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "reports_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reports" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "report_facts_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "report_facts" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "check_results_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "check_results" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "regions_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "region_aliases_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region_aliases" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "source_files_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "source_files" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
