-- A password the admin handed over (a new user, a reset) must be replaced by its owner before any other page.
-- Existing accounts keep working as they did.
ALTER TABLE board_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
