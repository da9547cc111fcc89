ALTER TABLE "audit_events" ADD COLUMN "actor_staff" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Earlier events: the best knowledge there is, the actors' platform roles as they stand now.
UPDATE "audit_events" SET "actor_staff" = true
WHERE "actor_user_id" IN (SELECT "user_id" FROM "role_links" WHERE "entity_type" = 'platform');
