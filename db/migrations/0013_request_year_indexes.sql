-- Version 13: a year's view of the request log holds the entries received
-- in it and those received before and still open when it began. These two
-- indexes find the latter (and the unanswered entries the start screen
-- counts as due soon) without walking every entry of the earlier years:
-- the unfinished entries (no answer date or no outcome), few, and the
-- entries by answer date.
CREATE INDEX requests_unfinished ON requests (organ_id, year, serial, answered, outcome) WHERE answered = 0 OR outcome = '';
CREATE INDEX requests_answered ON requests (organ_id, answered, year);
