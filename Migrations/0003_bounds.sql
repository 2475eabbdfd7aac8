-- Bounds that state the real race: loops and loop numbers up to 100, any time up to 1,000
-- hours (3,600,000 s), counts (starters, finishers, loop counts, positions) up to 100,000.
-- Twin of Sources/BarkleyArchive/Model/RaceBounds.swift and EditionFiles/EditionBounds.swift,
-- which refuse an edition file breaking them before anything is written.
--
-- SQLite cannot add a CHECK constraint to an existing table without rebuilding it and every
-- table that refers to it, so each bound is a BEFORE INSERT and a BEFORE UPDATE trigger that
-- aborts the statement exactly as a failed CHECK would. Rows already stored are held to the
-- same bounds at the end of this file: the migration fails, and changes nothing, if any breaks one.

CREATE TRIGGER edition_bounds_insert BEFORE INSERT ON edition
WHEN NEW.finish_loops > 100 OR NEW.fun_run_loops > 100 OR NEW.finish_limit_seconds > 3600000 OR NEW.fun_run_limit_seconds > 3600000 OR NEW.starters > 100000 OR NEW.stated_finishers > 100000 OR NEW.stated_fun_runs > 100000
BEGIN
    SELECT RAISE(ABORT, 'edition: a value is beyond what a race has (finish_loops, fun_run_loops, finish_limit_seconds, fun_run_limit_seconds, starters, stated_finishers, stated_fun_runs: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER edition_bounds_update BEFORE UPDATE ON edition
WHEN NEW.finish_loops > 100 OR NEW.fun_run_loops > 100 OR NEW.finish_limit_seconds > 3600000 OR NEW.fun_run_limit_seconds > 3600000 OR NEW.starters > 100000 OR NEW.stated_finishers > 100000 OR NEW.stated_fun_runs > 100000
BEGIN
    SELECT RAISE(ABORT, 'edition: a value is beyond what a race has (finish_loops, fun_run_loops, finish_limit_seconds, fun_run_limit_seconds, starters, stated_finishers, stated_fun_runs: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_cutoff_bounds_insert BEFORE INSERT ON loop_cutoff
WHEN NEW.loop > 100 OR NEW.cutoff_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'loop_cutoff: a value is beyond what a race has (loop, cutoff_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_cutoff_bounds_update BEFORE UPDATE ON loop_cutoff
WHEN NEW.loop > 100 OR NEW.cutoff_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'loop_cutoff: a value is beyond what a race has (loop, cutoff_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_count_bounds_insert BEFORE INSERT ON loop_count
WHEN NEW.loop > 100 OR NEW.started > 100000 OR NEW.completed > 100000
BEGIN
    SELECT RAISE(ABORT, 'loop_count: a value is beyond what a race has (loop, started, completed: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_count_bounds_update BEFORE UPDATE ON loop_count
WHEN NEW.loop > 100 OR NEW.started > 100000 OR NEW.completed > 100000
BEGIN
    SELECT RAISE(ABORT, 'loop_count: a value is beyond what a race has (loop, started, completed: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER entry_bounds_insert BEFORE INSERT ON entry
WHEN NEW.position > 100000 OR NEW.loops_completed > 100 OR NEW.finish_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'entry: a value is beyond what a race has (position, loops_completed, finish_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER entry_bounds_update BEFORE UPDATE ON entry
WHEN NEW.position > 100000 OR NEW.loops_completed > 100 OR NEW.finish_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'entry: a value is beyond what a race has (position, loops_completed, finish_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_time_bounds_insert BEFORE INSERT ON loop_time
WHEN NEW.loop > 100 OR NEW.elapsed_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'loop_time: a value is beyond what a race has (loop, elapsed_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

CREATE TRIGGER loop_time_bounds_update BEFORE UPDATE ON loop_time
WHEN NEW.loop > 100 OR NEW.elapsed_seconds > 3600000
BEGIN
    SELECT RAISE(ABORT, 'loop_time: a value is beyond what a race has (loop, elapsed_seconds: loops at most 100, seconds at most 3600000, counts at most 100000)');
END;

-- Rows stored before this migration: a no-op update of each row beyond a bound fires its trigger.
UPDATE edition SET finish_loops = finish_loops WHERE finish_loops > 100 OR fun_run_loops > 100 OR finish_limit_seconds > 3600000 OR fun_run_limit_seconds > 3600000 OR starters > 100000 OR stated_finishers > 100000 OR stated_fun_runs > 100000;
UPDATE loop_cutoff SET loop = loop WHERE loop > 100 OR cutoff_seconds > 3600000;
UPDATE loop_count SET loop = loop WHERE loop > 100 OR started > 100000 OR completed > 100000;
UPDATE entry SET position = position WHERE position > 100000 OR loops_completed > 100 OR finish_seconds > 3600000;
UPDATE loop_time SET loop = loop WHERE loop > 100 OR elapsed_seconds > 3600000;
