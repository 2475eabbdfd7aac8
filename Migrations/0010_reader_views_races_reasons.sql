-- The reader views (0006, 0008) brought up to the facts of 0005: which race an edition's
-- finishes belong to (`category`), why an entrant did not finish (`reason`, `reason_note`) and
-- why a loop, though run, does not count (`unofficial`). 0006 and 0008 are not edited (applied
-- migrations never are): each view is dropped and made again with every column it had, in the
-- same order, and the new ones beside them.
--
-- `category` is the race in words, '100-mile' or '3-loop': the edition's stated category, or
-- else the one its format gives (3 loops: the 3-loop race; 5 loops or unknown: the 100-mile
-- race), as `RaceCategory.derived(fromLoops:)` decides in Swift. The two races' finishes are
-- never counted together: through 2025 the 100-mile race has 26 finishes by 20 runners, the
-- 3-loop race 1 (Ed Furtaw, 1988) --
--   SELECT category, count(*) AS finishes, count(DISTINCT runner_id) AS finishers
--   FROM finishes GROUP BY category
-- Codes read as words, as the CLI prints them: a reason 'refused to continue', 'missed cutoff',
-- 'lost', 'injured', 'sick', 'pages missing' or 'other'; an unofficial loop 'off course',
-- 'after the limit' or 'wrong direction'. NULL is unknown (or, for `unofficial`, a loop that counts).

-- Every finish, oldest edition first: place in its edition (by time; a finish the sources
-- state without a time has no place), the race it counts for, the runner, the finish time and
-- how close it came to the limit. `precision` is the finishing loop's ('exact' or
-- 'approximate'; NULL without a time).
DROP VIEW finishes;
CREATE VIEW finishes AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    CASE coalesce(edition.category, CASE WHEN edition.finish_loops = 3 THEN '3_loop' ELSE '100_mile' END)
        WHEN '3_loop' THEN '3-loop' ELSE '100-mile' END      AS category,
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

-- Every entrant of every edition, in the order of the edition's file, with the race, the
-- runner's name (the same person across years), the spelling a source listed them under, and
-- the outcome in words: 'finish', 'fun run', 'over limit' (loops done, but over the limit that
-- would count them), 'dropped' (stopped during a loop: a DNF), 'disqualified' (a DQ), 'did not
-- start' or 'unknown' (the sources do not say), with the reason a source gives for a non-finish.
-- A loop run off course or after the limit (unofficial) is never counted as completed.
DROP VIEW edition_results;
CREATE VIEW edition_results AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    CASE coalesce(edition.category, CASE WHEN edition.finish_loops = 3 THEN '3_loop' ELSE '100_mile' END)
        WHEN '3_loop' THEN '3-loop' ELSE '100-mile' END      AS category,
    entry.position + 1                                        AS entrant_number,
    runner.name                                               AS runner,
    entry.name                                                AS name_in_edition,
    entry.listed_as                                           AS listed_as,
    entry.country                                             AS country,
    entry.sex                                                 AS sex,
    entry.first_attempt                                       AS first_attempt,
    CASE entry.outcome WHEN 'fun_run' THEN 'fun run' WHEN 'over_limit' THEN 'over limit'
         WHEN 'did_not_start' THEN 'did not start' ELSE entry.outcome END
                                                              AS outcome,
    replace(entry.reason, '_', ' ')                           AS reason,
    entry.reason_note                                         AS reason_note,
    coalesce(entry.loops_completed, (SELECT max(loop) FROM loop_time WHERE loop_time.entry_id = entry.id AND loop_time.unofficial IS NULL))
                                                              AS loops_completed,
    (SELECT count(*) FROM loop_time WHERE loop_time.entry_id = entry.id AND loop_time.unofficial IS NOT NULL)
                                                              AS unofficial_loops,
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
-- only to the minute), the loop's cumulative cutoff where published, its direction, and
-- `unofficial` for a loop that was run but does not count.
DROP VIEW loop_times;
CREATE VIEW loop_times AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    CASE coalesce(edition.category, CASE WHEN edition.finish_loops = 3 THEN '3_loop' ELSE '100_mile' END)
        WHEN '3_loop' THEN '3-loop' ELSE '100-mile' END      AS category,
    runner.name                                               AS runner,
    loop_time.loop                                            AS loop,
    printf('%d:%02d:', loop_time.elapsed_seconds / 3600, loop_time.elapsed_seconds / 60 % 60)
    || CASE WHEN loop_time.precision = 'approximate' THEN '--' ELSE printf('%02d', loop_time.elapsed_seconds % 60) END
                                                              AS time,
    loop_time.elapsed_seconds                                 AS time_seconds,
    loop_time.precision                                       AS precision,
    CASE loop_time.unofficial WHEN 'off_course' THEN 'off course' WHEN 'after_limit' THEN 'after the limit'
         WHEN 'wrong_direction' THEN 'wrong direction' END  AS unofficial,
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

-- One row per edition: its race, format, the field, what the sources state and what the
-- archive names. `named_entrants` may be fewer than `starters` (`entrant_list` says whether the
-- list is 'complete', 'partial' or 'unknown'); `finishes` and `fun_runs` count named entrants,
-- `stated_finishers` and `stated_fun_runs` are the sources' totals (NULL when none is given).
DROP VIEW editions_overview;
CREATE VIEW editions_overview AS
SELECT
    edition.year                                              AS year,
    edition.race                                              AS race,
    CASE coalesce(edition.category, CASE WHEN edition.finish_loops = 3 THEN '3_loop' ELSE '100_mile' END)
        WHEN '3_loop' THEN '3-loop' ELSE '100-mile' END      AS category,
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
