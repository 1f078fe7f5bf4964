-- One word for each action in the audit log: the demo seed once wrote
-- "edit_for_length" where the app writes "edit_length".
UPDATE "ModerationAction" SET "action" = 'edit_length' WHERE "action" = 'edit_for_length';
