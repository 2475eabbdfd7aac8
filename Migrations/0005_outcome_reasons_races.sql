-- migrator: foreign_keys off
-- Outcomes with reasons, unofficial loops, races and course facts, runner identity (issue 15,
-- parts 2-4). Twins: EditionFiles/ReasonRules.swift and the reader refuse an edition file that
-- breaks any of these before anything is written.
--
-- `entry` gains outcomes (a DQ, a DNS), a coded reason for a non-finish with free text, and the
-- external ids an entrant's file states (Wikidata QID, DUV, UltraSignup), kept as written so that
-- export gives the file back; a runner's ids are those its entries state. Its CHECKs change, so
-- it is rebuilt as 0003 rebuilt it (https://sqlite.org/lang_altertable.html#otheralter). The
-- other tables gain columns only: ADD COLUMN keeps their rows and those who refer to them.

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
    stated_outcome   TEXT    CHECK (stated_outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'disqualified', 'did_not_start')),
    outcome          TEXT    NOT NULL CHECK (outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'disqualified', 'did_not_start', 'unknown')),
    finish_seconds   INTEGER CHECK (finish_seconds BETWEEN 1 AND 3600000),
    note             TEXT,
    -- Why the entrant did not finish: a code, and free text (a DQ's cause).
    reason           TEXT    CHECK (reason IN ('refused_to_continue', 'missed_cutoff', 'lost', 'injured', 'sick', 'pages_missing', 'other')),
    reason_note      TEXT,
    -- External identifiers, as the edition file states them.
    wikidata         TEXT    CHECK (wikidata GLOB 'Q[1-9]*' AND NOT substr(wikidata, 2) GLOB '*[^0-9]*' AND length(wikidata) <= 12),
    duv              TEXT    CHECK (length(trim(duv)) > 0),
    ultrasignup      TEXT    CHECK (length(trim(ultrasignup)) > 0),
    UNIQUE (edition_id, runner_id),
    UNIQUE (edition_id, position),
    CHECK (outcome <> 'finish' OR finish_seconds IS NOT NULL OR stated_outcome = 'finish'),
    -- A finisher has no reason for not finishing.
    CHECK (outcome <> 'finish' OR (reason IS NULL AND reason_note IS NULL)),
    -- A runner who did not start completed no loop.
    CHECK (outcome <> 'did_not_start' OR coalesce(loops_completed, 0) = 0)
) STRICT;
INSERT INTO new_entry (id, edition_id, runner_id, position, name, listed_as, listed_as_key, country, sex, first_attempt,
                       loops_completed, stated_outcome, outcome, finish_seconds, note)
    SELECT id, edition_id, runner_id, position, name, listed_as, listed_as_key, country, sex, first_attempt,
           loops_completed, stated_outcome, outcome, finish_seconds, note FROM entry;
DROP TABLE entry;
ALTER TABLE new_entry RENAME TO entry;
CREATE INDEX entry_by_runner ON entry (runner_id, edition_id);
CREATE INDEX entry_by_alias ON entry (listed_as_key) WHERE listed_as_key IS NOT NULL;
CREATE INDEX entry_by_outcome ON entry (outcome, finish_seconds);
CREATE INDEX entry_by_country ON entry (country, outcome);

-- A loop run off course, finished after the limit or from the wrong direction: kept, but it
-- counts for no record, no finish and not in loops_completed.
ALTER TABLE loop_time ADD COLUMN unofficial TEXT CHECK (unofficial IN ('off_course', 'after_limit', 'wrong_direction'));

-- Which race an edition's finishes belong to, as the file states it; NULL: derived from the
-- format (3 loops: the 3-loop race, otherwise the 100-mile race).
ALTER TABLE edition ADD COLUMN category TEXT CHECK (category IN ('100_mile', '3_loop'));

-- The course as a source describes it that year; every fact optional, the citations required.
CREATE TABLE edition_course (
    edition_id INTEGER PRIMARY KEY REFERENCES edition (id) ON DELETE CASCADE,
    loop_miles REAL    CHECK (loop_miles > 0 AND loop_miles <= 100),
    books      INTEGER CHECK (books BETWEEN 1 AND 100),
    climb_feet INTEGER CHECK (climb_feet BETWEEN 1 AND 1000000),
    changes    TEXT    CHECK (length(trim(changes)) > 0)
) STRICT;

CREATE TABLE course_source (
    edition_id INTEGER NOT NULL REFERENCES edition_course (edition_id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (edition_id, key),
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- A runner's stable key (`jasmin-paris`): made from the name when the runner is first stored and
-- never changed by a later spelling. Existing runners get theirs from their folded name.
ALTER TABLE runner ADD COLUMN key TEXT;
UPDATE runner SET key = replace(search_key, ' ', '-');
CREATE UNIQUE INDEX runner_by_key ON runner (key);
