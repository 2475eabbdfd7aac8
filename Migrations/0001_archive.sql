-- The Barkley Archive schema, first version.
-- Applied migrations are never edited: a change is a new numbered file beside this one.
-- NULL means unknown throughout; a count of 0 is a known zero.

-- A citation: a URL, or a reference to print.
CREATE TABLE source (
    id       INTEGER PRIMARY KEY,
    citation TEXT NOT NULL UNIQUE CHECK (length(trim(citation)) > 0)
) STRICT;

-- One edition of a race in one year, and the rules it was run under.
CREATE TABLE edition (
    id                      INTEGER PRIMARY KEY,
    race                    TEXT    NOT NULL CHECK (length(trim(race)) > 0),
    year                    INTEGER NOT NULL CHECK (year BETWEEN 1986 AND 2999),
    held                    INTEGER NOT NULL DEFAULT 1 CHECK (held IN (0, 1)),
    start_date              TEXT    CHECK (start_date IS NULL OR date(start_date) IS start_date),
    start_time              TEXT    CHECK (start_time IS NULL OR strftime('%H:%M', '2000-01-01 ' || start_time) IS start_time),
    finish_loops            INTEGER CHECK (finish_loops > 0),
    finish_limit_seconds    INTEGER CHECK (finish_limit_seconds > 0),
    fun_run_loops           INTEGER CHECK (fun_run_loops > 0 AND (finish_loops IS NULL OR fun_run_loops < finish_loops)),
    fun_run_limit_seconds   INTEGER CHECK (fun_run_limit_seconds > 0),
    starters                INTEGER CHECK (starters >= 0),
    entrant_list            TEXT    NOT NULL CHECK (entrant_list IN ('complete', 'partial', 'unknown')),
    stated_finishers        INTEGER CHECK (stated_finishers >= 0),
    stated_fun_runs         INTEGER CHECK (stated_fun_runs >= 0),
    notes                   TEXT,
    UNIQUE (race, year),
    -- An edition that was not held has no field and no format.
    CHECK (held = 1 OR (starters IS NULL AND finish_loops IS NULL AND stated_finishers IS NULL))
) STRICT;
CREATE INDEX edition_by_year ON edition (year);

-- The cumulative cutoff for one loop of one edition, where published.
CREATE TABLE loop_cutoff (
    edition_id     INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    loop           INTEGER NOT NULL CHECK (loop > 0),
    cutoff_seconds INTEGER NOT NULL CHECK (cutoff_seconds > 0),
    PRIMARY KEY (edition_id, loop)
) STRICT, WITHOUT ROWID;

-- Edition-level counts of how many started and completed a loop, known even without names.
CREATE TABLE loop_count (
    edition_id INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    loop       INTEGER NOT NULL CHECK (loop > 0),
    started    INTEGER CHECK (started >= 0),
    completed  INTEGER CHECK (completed >= 0 AND (started IS NULL OR completed <= started)),
    PRIMARY KEY (edition_id, loop),
    CHECK (started IS NOT NULL OR completed IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- One person, across every year they ran. `search_key` is the name folded for matching
-- (lower case, no accents), so "aurelien sanchez" finds "Aurélien Sanchez". Other spellings
-- are the `listed_as` of the runner's entries.
CREATE TABLE runner (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    search_key TEXT NOT NULL UNIQUE
) STRICT;

-- A runner in an edition. `outcome` is derived by the importer from the loop times and the
-- edition's format (and a source's statement where the times are silent); it is stored so
-- that queries can use an index, and rewritten whenever the edition is imported again.
CREATE TABLE entry (
    id               INTEGER PRIMARY KEY,
    edition_id       INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    runner_id        INTEGER NOT NULL REFERENCES runner (id),
    position         INTEGER NOT NULL CHECK (position >= 0),
    name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),  -- as this edition's file writes it
    listed_as        TEXT,                                             -- the spelling a source used: an alias
    listed_as_key    TEXT,                                             -- listed_as folded for matching
    country          TEXT    CHECK (country IS NULL OR (length(country) = 3 AND country GLOB '[A-Z][A-Z][A-Z]')),
    sex              TEXT    CHECK (sex IN ('F', 'M')),
    first_attempt    INTEGER CHECK (first_attempt IN (0, 1)),
    loops_completed  INTEGER CHECK (loops_completed >= 0),
    stated_outcome   TEXT    CHECK (stated_outcome IN ('finish', 'fun_run', 'over_limit', 'dropped')),
    outcome          TEXT    NOT NULL CHECK (outcome IN ('finish', 'fun_run', 'over_limit', 'dropped', 'unknown')),
    finish_seconds   INTEGER CHECK (finish_seconds > 0),
    note             TEXT,
    UNIQUE (edition_id, runner_id),
    UNIQUE (edition_id, position),
    CHECK (outcome <> 'finish' OR finish_seconds IS NOT NULL OR stated_outcome = 'finish')
) STRICT;
CREATE INDEX entry_by_runner ON entry (runner_id, edition_id);
CREATE INDEX entry_by_alias ON entry (listed_as_key) WHERE listed_as_key IS NOT NULL;
CREATE INDEX entry_by_outcome ON entry (outcome, finish_seconds);
CREATE INDEX entry_by_country ON entry (country, outcome);

-- Cumulative elapsed time at the end of a loop.
CREATE TABLE loop_time (
    entry_id        INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    loop            INTEGER NOT NULL CHECK (loop > 0),
    elapsed_seconds INTEGER NOT NULL CHECK (elapsed_seconds > 0),
    precision       TEXT    NOT NULL CHECK (precision IN ('exact', 'approximate')),
    direction       TEXT    CHECK (direction IN ('clockwise', 'counterclockwise')),
    note            TEXT,
    PRIMARY KEY (entry_id, loop)
) STRICT, WITHOUT ROWID;
CREATE INDEX loop_time_by_loop ON loop_time (loop, elapsed_seconds);

-- Citations. An edition's sources have the key its file gives them; entries and times cite keys.
CREATE TABLE edition_source (
    edition_id INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    key        TEXT    NOT NULL CHECK (length(key) > 0),
    source_id  INTEGER NOT NULL REFERENCES source (id),
    position   INTEGER NOT NULL,
    cite_position INTEGER CHECK (cite_position >= 0),  -- order among the edition-level citations; NULL when not cited there
    PRIMARY KEY (edition_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX edition_source_by_source ON edition_source (source_id);

CREATE TABLE entry_source (
    entry_id   INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    edition_id INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (entry_id, key),
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
-- Reading an edition's citations, and the cascade when an edition is replaced, go by edition.
CREATE INDEX entry_source_by_edition ON entry_source (edition_id, key);

CREATE TABLE loop_time_source (
    entry_id   INTEGER NOT NULL,
    loop       INTEGER NOT NULL,
    edition_id INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (entry_id, loop, key),
    FOREIGN KEY (entry_id, loop) REFERENCES loop_time (entry_id, loop) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX loop_time_source_by_edition ON loop_time_source (edition_id, key);

-- Every import, so corrections have a history.
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    imported_at TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    checksum    TEXT    NOT NULL,
    race        TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    summary     TEXT    NOT NULL
) STRICT;
CREATE INDEX import_log_by_edition ON import_log (race, year, id);
