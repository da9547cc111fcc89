-- Custom SQL migration file, put your code below! --
-- pg_trgm serves the contains-searches (lower(col) LIKE '%x%') from GIN trigram indexes (0005).
-- It is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
