CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"client_id" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"permissions" jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_flags" (
	"profile_id" uuid NOT NULL,
	"flag" text NOT NULL,
	"value" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_flags_profile_id_flag_pk" PRIMARY KEY("profile_id","flag")
);
--> statement-breakpoint
CREATE TABLE "business_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"type" text,
	"basin" text,
	"is_direct_connection" boolean DEFAULT false NOT NULL,
	"preferred_suppliers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"address" jsonb,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_by_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_locations_coordinates_check" CHECK (("business_locations"."latitude" is null) = ("business_locations"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "location_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"source" text,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_by_key_id" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_key_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_profile_id_organization_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."organization_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_flags" ADD CONSTRAINT "profile_flags_profile_id_organization_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."organization_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_locations" ADD CONSTRAINT "business_locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_locations" ADD CONSTRAINT "business_locations_profile_id_organization_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."organization_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_imports" ADD CONSTRAINT "location_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_imports" ADD CONSTRAINT "location_imports_profile_id_organization_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."organization_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_client_id_key" ON "api_keys" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "api_keys_profile_idx" ON "api_keys" USING btree ("profile_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_locations_name_key" ON "business_locations" USING btree ("profile_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "business_locations_code_key" ON "business_locations" USING btree ("profile_id","code") WHERE "business_locations"."code" is not null;--> statement-breakpoint
CREATE INDEX "business_locations_profile_idx" ON "business_locations" USING btree ("profile_id","id");--> statement-breakpoint
CREATE INDEX "business_locations_profile_status_idx" ON "business_locations" USING btree ("profile_id","status","id");--> statement-breakpoint
CREATE INDEX "business_locations_name_trgm_idx" ON "business_locations" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "business_locations_org_idx" ON "business_locations" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "location_imports_profile_idx" ON "location_imports" USING btree ("profile_id","id");--> statement-breakpoint
CREATE INDEX "location_imports_finished_idx" ON "location_imports" USING btree ("finished_at");