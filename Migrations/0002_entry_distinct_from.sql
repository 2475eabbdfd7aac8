-- An entrant's answer when the import asks whether a new name is an existing runner spelled
-- another way: "a different person" (`distinct_from:` in an edition file). Kept as written, in
-- file order, so that export gives the file back; `name_key` is the name folded like
-- runner.search_key, for the import's check. A table of its own, so that no existing table is
-- rebuilt.
CREATE TABLE entry_distinct_from (
    entry_id   INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    edition_id INTEGER NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    name_key   TEXT    NOT NULL CHECK (length(name_key) > 0),
    PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_distinct_from_by_edition ON entry_distinct_from (edition_id);
