-- A database that explains itself: views with readable columns for the common questions, and
-- full-text search over runner names, spellings, notes and citations. Nothing here stores a
-- fact of its own: the views read the tables of 0001–0003, and the search tables index them.
--
-- Times in the views are text beside the integer seconds they come from: `H:MM:SS` with hours
-- past 24, or `H:MM:--` where the source gives only the minute (precision 'approximate'), as
-- the `barkley` CLI prints them. NULL is unknown, as everywhere in the archive.
--
-- The views use no full-text table: with `trusted_schema` off (barkley's connections) SQLite
-- refuses a virtual table inside a view. Search with MATCH on the *_search tables directly.

-- Every finish, oldest edition first: place in its edition (by time; a finish the sources
-- state without a time has no place), the runner, the finish time and how close it came to the
-- limit. `precision` is the finishing loop's ('exact' or 'approximate'; NULL without a time).
CREATE VIEW finishes AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    CASE WHEN entry.finish_seconds IS NOT NULL THEN
        rank() OVER (PARTITION BY entry.edition_id ORDER BY entry.finish_seconds IS NULL, entry.finish_seconds)
    END                                                       AS place,
    runner.name                                               AS runner,
    entry.name                                                AS name_in_edition,
    entry.country                                             AS country,
    entry.sex                                                 AS sex,
    edition.finish_loops                                      AS loops,
    CASE WHEN entry.finish_seconds IS NOT NULL THEN
        printf('%d:%02d:', entry.finish_seconds / 3600, entry.finish_seconds / 60 % 60)
        || CASE WHEN last_loop.precision = 'approximate' THEN '--' ELSE printf('%02d', entry.finish_seconds % 60) END
    END                                                       AS time,
    entry.finish_seconds                                      AS time_seconds,
    last_loop.precision                                       AS precision,
    CASE WHEN entry.finish_seconds IS NOT NULL AND edition.finish_limit_seconds IS NOT NULL THEN
        printf('%d:%02d:', (edition.finish_limit_seconds - entry.finish_seconds) / 3600,
                           (edition.finish_limit_seconds - entry.finish_seconds) / 60 % 60)
        || CASE WHEN last_loop.precision = 'approximate' THEN '--'
                ELSE printf('%02d', (edition.finish_limit_seconds - entry.finish_seconds) % 60) END
    END                                                       AS margin,
    edition.finish_limit_seconds - entry.finish_seconds      AS margin_seconds,
    entry.first_attempt                                       AS first_attempt,
    entry.runner_id                                           AS runner_id,
    entry.id                                                  AS entry_id
FROM entry
JOIN edition ON edition.id = entry.edition_id
JOIN runner ON runner.id = entry.runner_id
LEFT JOIN loop_time AS last_loop ON last_loop.entry_id = entry.id AND last_loop.loop = edition.finish_loops
WHERE entry.outcome = 'finish'
ORDER BY edition.year, edition.race, place IS NULL, place, entry.position;

-- Every entrant of every edition, in the order of the edition's file, with the runner's name
-- (the same person across years), the spelling a source listed them under, and the outcome in
-- words: 'finish', 'fun run', 'over limit' (loops done, but over the limit that would count
-- them), 'dropped' (stopped during a loop: a DNF) or 'unknown' (the sources do not say).
CREATE VIEW edition_results AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    entry.position + 1                                        AS entrant_number,
    runner.name                                               AS runner,
    entry.name                                                AS name_in_edition,
    entry.listed_as                                           AS listed_as,
    entry.country                                             AS country,
    entry.sex                                                 AS sex,
    entry.first_attempt                                       AS first_attempt,
    CASE entry.outcome WHEN 'fun_run' THEN 'fun run' WHEN 'over_limit' THEN 'over limit' ELSE entry.outcome END
                                                              AS outcome,
    coalesce(entry.loops_completed, (SELECT max(loop) FROM loop_time WHERE loop_time.entry_id = entry.id))
                                                              AS loops_completed,
    CASE WHEN entry.finish_seconds IS NOT NULL THEN
        printf('%d:%02d:%02d', entry.finish_seconds / 3600, entry.finish_seconds / 60 % 60, entry.finish_seconds % 60)
    END                                                       AS finish_time,
    entry.finish_seconds                                      AS finish_seconds,
    entry.note                                                AS note,
    entry.runner_id                                           AS runner_id,
    entry.id                                                  AS entry_id
FROM entry
JOIN edition ON edition.id = entry.edition_id
JOIN runner ON runner.id = entry.runner_id
ORDER BY edition.year, edition.race, entry.position;

-- Every recorded loop time: the cumulative time at the end of the loop (`time`) and the loop's
-- own time (`split`, where the previous loop's time is known; loop 1's split is its time),
-- each as text beside its seconds, with its precision ('approximate' when either end is known
-- only to the minute), the loop's cumulative cutoff where published, and its direction.
CREATE VIEW loop_times AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    runner.name                                               AS runner,
    loop_time.loop                                            AS loop,
    printf('%d:%02d:', loop_time.elapsed_seconds / 3600, loop_time.elapsed_seconds / 60 % 60)
    || CASE WHEN loop_time.precision = 'approximate' THEN '--' ELSE printf('%02d', loop_time.elapsed_seconds % 60) END
                                                              AS time,
    loop_time.elapsed_seconds                                 AS time_seconds,
    loop_time.precision                                       AS precision,
    CASE WHEN loop_time.loop = 1 OR previous.elapsed_seconds IS NOT NULL THEN
        printf('%d:%02d:', (loop_time.elapsed_seconds - coalesce(previous.elapsed_seconds, 0)) / 3600,
                           (loop_time.elapsed_seconds - coalesce(previous.elapsed_seconds, 0)) / 60 % 60)
        || CASE WHEN loop_time.precision = 'approximate' OR previous.precision = 'approximate' THEN '--'
                ELSE printf('%02d', (loop_time.elapsed_seconds - coalesce(previous.elapsed_seconds, 0)) % 60) END
    END                                                       AS split,
    CASE WHEN loop_time.loop = 1 OR previous.elapsed_seconds IS NOT NULL THEN
        loop_time.elapsed_seconds - coalesce(previous.elapsed_seconds, 0)
    END                                                       AS split_seconds,
    CASE WHEN loop_cutoff.cutoff_seconds IS NOT NULL THEN
        printf('%d:%02d:%02d', loop_cutoff.cutoff_seconds / 3600, loop_cutoff.cutoff_seconds / 60 % 60, loop_cutoff.cutoff_seconds % 60)
    END                                                       AS cutoff,
    loop_cutoff.cutoff_seconds                                AS cutoff_seconds,
    loop_time.direction                                       AS direction,
    loop_time.note                                            AS note,
    entry.runner_id                                           AS runner_id,
    entry.id                                                  AS entry_id
FROM loop_time
JOIN entry ON entry.id = loop_time.entry_id
JOIN edition ON edition.id = entry.edition_id
JOIN runner ON runner.id = entry.runner_id
LEFT JOIN loop_time AS previous ON previous.entry_id = loop_time.entry_id AND previous.loop = loop_time.loop - 1
LEFT JOIN loop_cutoff ON loop_cutoff.edition_id = entry.edition_id AND loop_cutoff.loop = loop_time.loop
ORDER BY edition.year, edition.race, entry.position, loop_time.loop;

-- One row per edition: its format, the field, what the sources state and what the archive
-- names. `named_entrants` may be fewer than `starters` (`entrant_list` says whether the list is
-- 'complete', 'partial' or 'unknown'); `finishes` and `fun_runs` count named entrants,
-- `stated_finishers` and `stated_fun_runs` are the sources' totals (NULL when none is given).
CREATE VIEW editions_overview AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    edition.held                                              AS held,
    edition.start_date                                        AS start_date,
    edition.start_time                                        AS start_time,
    edition.finish_loops                                      AS loops,
    CASE WHEN edition.finish_limit_seconds IS NOT NULL THEN
        printf('%d:%02d:%02d', edition.finish_limit_seconds / 3600, edition.finish_limit_seconds / 60 % 60, edition.finish_limit_seconds % 60)
    END                                                       AS time_limit,
    edition.finish_limit_seconds                              AS time_limit_seconds,
    edition.fun_run_loops                                     AS fun_run_loops,
    CASE WHEN edition.fun_run_limit_seconds IS NOT NULL THEN
        printf('%d:%02d:%02d', edition.fun_run_limit_seconds / 3600, edition.fun_run_limit_seconds / 60 % 60, edition.fun_run_limit_seconds % 60)
    END                                                       AS fun_run_time_limit,
    edition.fun_run_limit_seconds                             AS fun_run_time_limit_seconds,
    edition.starters                                          AS starters,
    edition.entrant_list                                      AS entrant_list,
    (SELECT count(*) FROM entry WHERE entry.edition_id = edition.id)                           AS named_entrants,
    (SELECT count(*) FROM entry WHERE entry.edition_id = edition.id AND outcome = 'finish')    AS finishes,
    edition.stated_finishers                                  AS stated_finishers,
    (SELECT count(*) FROM entry WHERE entry.edition_id = edition.id AND outcome = 'fun_run')   AS fun_runs,
    edition.stated_fun_runs                                   AS stated_fun_runs,
    (SELECT count(*) FROM edition_source WHERE edition_source.edition_id = edition.id)          AS sources,
    edition.notes                                             AS notes
FROM edition
ORDER BY edition.year, edition.race;

-- Full-text search (FTS5), one index per table searched, each over its table's text columns
-- ("external content": the text is the table's, the index holds only the words). Accents and
-- case are ignored: "aurelien" finds "Aurélien". Kept in step by the importer (Swift code, in
-- Archive+SearchIndex.swift), not by triggers: an archive carries no trigger, and barkley refuses
-- a file that does. Find runners with
--   SELECT runner.* FROM runner_search JOIN runner ON runner.id = runner_search.rowid
--   WHERE runner_search MATCH 'paris'
-- (Datasette finds these indexes by their content= and offers a search box on each table.)
CREATE VIRTUAL TABLE runner_search USING fts5 (
    name, content="runner", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
-- An entry's name as its edition writes it, the spelling a source listed it under, and its note.
CREATE VIRTUAL TABLE entry_search USING fts5 (
    name, listed_as, note, content="entry", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
-- An edition's notes.
CREATE VIRTUAL TABLE edition_search USING fts5 (
    notes, content="edition", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
-- Every citation (a URL, or a reference to print).
CREATE VIRTUAL TABLE source_search USING fts5 (
    citation, content="source", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);
-- An archive upgraded to this version has rows already: index them.
INSERT INTO runner_search (runner_search) VALUES ('rebuild');
INSERT INTO entry_search (entry_search) VALUES ('rebuild');
INSERT INTO edition_search (edition_search) VALUES ('rebuild');
INSERT INTO source_search (source_search) VALUES ('rebuild');
