-- The reader view `edition_results` (0006) brought up to the outcomes of 0005: 'disqualified'
-- and 'did not start' in words, and a loop run off course or after the limit (unofficial) never
-- counted as completed. Same columns as before; 0006 is not edited (applied migrations never are).
--
-- Every entrant of every edition, in the order of the edition's file, with the runner's name
-- (the same person across years), the spelling a source listed them under, and the outcome in
-- words: 'finish', 'fun run', 'over limit' (loops done, but over the limit that would count
-- them), 'dropped' (stopped during a loop: a DNF), 'disqualified' (a DQ), 'did not start' or
-- 'unknown' (the sources do not say).
DROP VIEW edition_results;
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
    CASE entry.outcome WHEN 'fun_run' THEN 'fun run' WHEN 'over_limit' THEN 'over limit'
         WHEN 'did_not_start' THEN 'did not start' ELSE entry.outcome END
                                                              AS outcome,
    coalesce(entry.loops_completed, (SELECT max(loop) FROM loop_time WHERE loop_time.entry_id = entry.id AND loop_time.unofficial IS NULL))
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
