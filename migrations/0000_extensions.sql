-- Trigram matching for the gazetteer and free-text search; PGlite loads the same extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
