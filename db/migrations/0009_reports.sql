CREATE TABLE "report_files" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_numbers" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "report_numbers_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
CREATE TABLE "report_serial_ranges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"batch" text NOT NULL,
	"units" "int8range" NOT NULL,
	"live" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template" text NOT NULL,
	"template_version" integer NOT NULL,
	"title" text NOT NULL,
	"statement_number" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"data" jsonb NOT NULL,
	"organization_id" uuid,
	"profile_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"verification_hash" text NOT NULL,
	"pdf_sha256" text,
	"byte_size" integer,
	"page_count" integer,
	"error" text,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"voided_by" uuid,
	"created_by" uuid,
	"created_by_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_serial_ranges" ADD CONSTRAINT "report_serial_ranges_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_profile_id_organization_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."organization_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_serial_ranges_report_idx" ON "report_serial_ranges" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_statement_number_key" ON "reports" USING btree ("statement_number");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_verification_hash_key" ON "reports" USING btree ("verification_hash");--> statement-breakpoint
CREATE INDEX "reports_profile_idx" ON "reports" USING btree ("profile_id","id");--> statement-breakpoint
CREATE INDEX "reports_title_trgm_idx" ON "reports" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
-- btree_gist lets one exclusion constraint compare the batch (=) and the unit ranges (&&). It is a
-- trusted extension (PostgreSQL 13+); PGlite loads it from db/client.ts (pgliteExtensions).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "report_serial_ranges" ADD CONSTRAINT "report_serial_ranges_no_overlap" EXCLUDE USING gist ("batch" WITH =, "units" WITH &&) WHERE ("live");
