CREATE TABLE "check_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"check_id" text NOT NULL,
	"ok" boolean NOT NULL,
	"severity" text NOT NULL,
	"detail" text,
	"failures" jsonb,
	"other_report_id" integer
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"report_id" integer NOT NULL,
	"path" text NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"column_key" text NOT NULL,
	"value" double precision,
	"line" integer
);
--> statement-breakpoint
CREATE TABLE "region_aliases" (
	"alias" text NOT NULL,
	"region_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(12),
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text,
	"parent_id" integer
);
--> statement-breakpoint
CREATE TABLE "report_warnings" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"line" integer
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"identity_key" text NOT NULL,
	"region_id" integer,
	"year" integer,
	"scope" text NOT NULL,
	"issuer" text,
	"template" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"supersedes_id" integer,
	"figures_hash" varchar(64) NOT NULL,
	"status" text NOT NULL,
	"completeness" text NOT NULL,
	"parser_version" text NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"bytes" "bytea",
	"name" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"url" text,
	"encoding" text,
	"text" text,
	"status" text NOT NULL,
	"error" text,
	"parser_version" text NOT NULL,
	"report_id" integer,
	"role" text,
	"bundled" boolean DEFAULT false NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_aliases" ADD CONSTRAINT "region_aliases_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_warnings" ADD CONSTRAINT "report_warnings_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_files" ADD CONSTRAINT "source_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_results_report_idx" ON "check_results" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "check_results_check_idx" ON "check_results" USING btree ("check_id","ok");--> statement-breakpoint
CREATE UNIQUE INDEX "figures_report_path_unique" ON "figures" USING btree ("report_id","path");--> statement-breakpoint
CREATE INDEX "figures_cell_idx" ON "figures" USING btree ("table_name","row_key","column_key");--> statement-breakpoint
CREATE UNIQUE INDEX "region_aliases_unique" ON "region_aliases" USING btree ("alias","region_id");--> statement-breakpoint
CREATE INDEX "region_aliases_alias_idx" ON "region_aliases" USING btree ("alias");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_unique" ON "regions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_parent_name_unique" ON "regions" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "report_warnings_report_idx" ON "report_warnings" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_identity_idx" ON "reports" USING btree ("identity_key");--> statement-breakpoint
CREATE INDEX "reports_region_year_idx" ON "reports" USING btree ("region_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_identity_version_unique" ON "reports" USING btree ("identity_key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "source_files_sha256_unique" ON "source_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "source_files_report_idx" ON "source_files" USING btree ("report_id");