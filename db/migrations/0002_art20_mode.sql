-- Version 2: where table 二（一）'s issued/repealed cells come from.
-- '' (or 'typed') keeps the typed values; 'log' computes them from the
-- disclosure items flagged with art20_row/art20_action (model.Art20FromItems).
ALTER TABLE reports ADD COLUMN art20_mode TEXT NOT NULL DEFAULT '';
