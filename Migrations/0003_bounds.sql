-- migrator: foreign_keys off
-- Bounds that state the real race: loops and loop numbers up to 100, any time up to 1,000 hours
-- (3,600,000 s), counts (starters, finishers, loop counts, positions) up to 100,000. Twin of
-- Sources/BarkleyArchive/Model/RaceBounds.swift and EditionFiles/EditionBounds.swift, which
-- refuse an edition file breaking them before anything is written.
--
-- SQLite cannot add a CHECK constraint to a table, so each bounded table is rebuilt as SQLite
-- documents (https://sqlite.org/lang_altertable.html#otheralter): with foreign keys off (the
-- first line asks the migrator), a new table with the bounds, the rows copied (a row beyond a
-- bound fails the copy, and the whole migration with it), the old table dropped, the new one
-- renamed, its indexes made again; foreign_key_check runs before the commit. Children first, so
-- that no table is dropped while a rebuilt one still names it.

CREATE TABLE new_loop_time (
    entry_id        INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    loop            INTEGER NOT NULL CHECK (loop BETWEEN 1 AND 100),
    elapsed_seconds INTEGER NOT NULL CHECK (elapsed_seconds BETWEEN 1 AND 3600000),
    precision       TEXT    NOT NULL CHECK (precision IN ('exact', 'approximate')),
    direction       TEXT    CHECK (direction IN ('clockwise', 'counterclockwise')),
    note            TEXT,
    PRIMARY KEY (entry_id, loop)
) STRICT, WITHOUT ROWID;
INSERT INTO new_loop_time SELECT * FROM loop_time;
DROP TABLE loop_time;
ALTER TABLE new_loop_time RENAME TO loop_time;
CREATE INDEX loop_time_by_loop ON loop_time (loop, elapsed_seconds);

CREATE TABLE new_entry (
    id               INTEGER PRIMARY KEY,
    edition_id       INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    runner_id        INTEGER NOT NULL REFERENCES runner (id),
    position         INTEGER NOT NULL CHECK (position BETWEEN 0 AND 100000),
    name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),  -- as this edition's file writes it
    listed_as        TEXT,                                             -- the spelling a source used: an alias
    listed_as_key    TEXT,                                             -- listed_as folded for matching
    country          TEXT    CHECK (country IS NULL OR (length(country) = 3 AND country GLOB '[A-Z][A-Z][A-Z]')),
    sex              TEXT    CHECK (sex IN ('F', 'M')),
    first_attempt    INTEGER CHECK (first_attempt IN (0, 1)),
    loops_completed  INTEGER CHECK (loops_completed BETWEEN 0 AND 100),
    stated_outcome   TEXT    CHECK (stated_outcome IN ('finish', 'fun_run', 'over_limit', 'dropped')),
    outcome          TEXT    NOT NULL CHECK (outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'unknown')),
    finish_seconds   INTEGER CHECK (finish_seconds BETWEEN 1 AND 3600000),
    note             TEXT,
    UNIQUE (edition_id, runner_id),
    UNIQUE (edition_id, position),
    CHECK (outcome <> 'finish' OR finish_seconds IS NOT NULL OR stated_outcome = 'finish')
) STRICT;
INSERT INTO new_entry SELECT * FROM entry;
DROP TABLE entry;
ALTER TABLE new_entry RENAME TO entry;
CREATE INDEX entry_by_runner ON entry (runner_id, edition_id);
CREATE INDEX entry_by_alias ON entry (listed_as_key) WHERE listed_as_key IS NOT NULL;
CREATE INDEX entry_by_outcome ON entry (outcome, finish_seconds);
CREATE INDEX entry_by_country ON entry (country, outcome);

CREATE TABLE new_loop_count (
    edition_id INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    loop       INTEGER NOT NULL CHECK (loop BETWEEN 1 AND 100),
    started    INTEGER CHECK (started BETWEEN 0 AND 100000),
    completed  INTEGER CHECK (completed BETWEEN 0 AND 100000 AND (started IS NULL OR completed <= started)),
    PRIMARY KEY (edition_id, loop),
    CHECK (started IS NOT NULL OR completed IS NOT NULL)
) STRICT, WITHOUT ROWID;
INSERT INTO new_loop_count SELECT * FROM loop_count;
DROP TABLE loop_count;
ALTER TABLE new_loop_count RENAME TO loop_count;

CREATE TABLE new_loop_cutoff (
    edition_id     INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    loop           INTEGER NOT NULL CHECK (loop BETWEEN 1 AND 100),
    cutoff_seconds INTEGER NOT NULL CHECK (cutoff_seconds BETWEEN 1 AND 3600000),
    PRIMARY KEY (edition_id, loop)
) STRICT, WITHOUT ROWID;
INSERT INTO new_loop_cutoff SELECT * FROM loop_cutoff;
DROP TABLE loop_cutoff;
ALTER TABLE new_loop_cutoff RENAME TO loop_cutoff;

CREATE TABLE new_edition (
    id                      INTEGER PRIMARY KEY,
    race                    TEXT    NOT NULL CHECK (length(trim(race)) > 0),
    year                    INTEGER NOT NULL CHECK (year BETWEEN 1986 AND 2999),
    held                    INTEGER NOT NULL DEFAULT 1 CHECK (held IN (0, 1)),
    start_date              TEXT    CHECK (start_date IS NULL OR date(start_date) IS start_date),
    start_time              TEXT    CHECK (start_time IS NULL OR strftime('%H:%M', '2000-01-01 ' || start_time) IS start_time),
    finish_loops            INTEGER CHECK (finish_loops > 0 AND finish_loops <= 100),
    finish_limit_seconds    INTEGER CHECK (finish_limit_seconds > 0 AND finish_limit_seconds <= 3600000),
    fun_run_loops           INTEGER CHECK (fun_run_loops > 0 AND fun_run_loops <= 100 AND (finish_loops IS NULL OR fun_run_loops < finish_loops)),
    fun_run_limit_seconds   INTEGER CHECK (fun_run_limit_seconds > 0 AND fun_run_limit_seconds <= 3600000),
    starters                INTEGER CHECK (starters BETWEEN 0 AND 100000),
    entrant_list            TEXT    NOT NULL CHECK (entrant_list IN ('complete', 'partial', 'unknown')),
    stated_finishers        INTEGER CHECK (stated_finishers BETWEEN 0 AND 100000),
    stated_fun_runs         INTEGER CHECK (stated_fun_runs BETWEEN 0 AND 100000),
    notes                   TEXT,
    UNIQUE (race, year),
    -- An edition that was not held has no field and no format.
    CHECK (held = 1 OR (starters IS NULL AND finish_loops IS NULL AND stated_finishers IS NULL))
) STRICT;
INSERT INTO new_edition SELECT * FROM edition;
DROP TABLE edition;
ALTER TABLE new_edition RENAME TO edition;
CREATE INDEX edition_by_year ON edition (year);
