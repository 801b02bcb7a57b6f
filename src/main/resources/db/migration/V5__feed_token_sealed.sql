-- GET /api/v1/calendar-sync/feed must show the trainer their feed URL again, but token_hash cannot be reversed.
-- The token is kept sealed (AES-256-GCM, like sync secrets) for that display only; lookups stay by token_hash.
ALTER TABLE feed_tokens ADD COLUMN token_sealed BYTEA;
