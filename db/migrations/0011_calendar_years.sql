-- Version 11: the years whose State Council holiday schedule the clerk has
-- entered in full. A year with only some days entered still warns (K1)
-- unless it is marked here or holds every statutory holiday.
CREATE TABLE calendar_years (
    year INTEGER PRIMARY KEY
);
