-- Disputed values (issue 15): where sources disagree, an edition file keeps its preferred value
-- in the field itself and lists the others under `disputed:`, each with its own sources. Every
-- query uses the preferred value; `barkley disputes` lists the others. New tables only: no
-- existing table is rebuilt, and an archive of 0003 keeps every row as it was.
--
-- One row per alternative. Where it belongs follows from the field: an edition's own field
-- (entry_id and loop NULL), a cutoff's `time` or a loop count's `started`/`completed` (loop),
-- an entrant's field (entry_id), a loop time's `elapsed` (entry_id and loop). `value` is the
-- canonical text of the value as the field itself is written ('07:54', '38', '57:53:20',
-- 'false'); `entered` can only be disputed as false (a source that says the runner was not
-- there). Twin of Sources/BarkleyArchive/EditionFiles/DisputeRules.swift.
CREATE TABLE disputed_value (
    id         INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    entry_id   INTEGER REFERENCES entry (id) ON DELETE CASCADE,
    loop       INTEGER CHECK (loop BETWEEN 1 AND 100),
    field      TEXT    NOT NULL CHECK (field IN ('start_date', 'start_time', 'starters', 'finishers', 'fun_run_completers',
                                                 'time', 'started', 'completed', 'loops_completed', 'outcome', 'country',
                                                 'sex', 'first_attempt', 'entered', 'elapsed')),
    position   INTEGER NOT NULL CHECK (position >= 0),  -- order among the alternatives of one field
    value      TEXT    NOT NULL CHECK (length(trim(value)) > 0 AND (field <> 'entered' OR value = 'false')),
    note       TEXT
) STRICT;
CREATE INDEX disputed_value_by_edition ON disputed_value (edition_id, entry_id, loop, field, position);

CREATE TABLE disputed_value_source (
    disputed_id INTEGER NOT NULL REFERENCES disputed_value (id) ON DELETE CASCADE,
    edition_id  INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (disputed_id, key),
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX disputed_value_source_by_edition ON disputed_value_source (edition_id, key);

-- Citations of a loop count and of a cutoff (`cite:` on their items), as entries and times have.
CREATE TABLE loop_count_source (
    edition_id INTEGER NOT NULL,
    loop       INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (edition_id, loop, key),
    FOREIGN KEY (edition_id, loop) REFERENCES loop_count (edition_id, loop) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE loop_cutoff_source (
    edition_id INTEGER NOT NULL,
    loop       INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (edition_id, loop, key),
    FOREIGN KEY (edition_id, loop) REFERENCES loop_cutoff (edition_id, loop) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, key) REFERENCES edition_source (edition_id, key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
