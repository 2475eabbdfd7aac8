import Foundation

/// The Datasette metadata of an exported archive (`metadata.json`): title, source, licence, a
/// description of every table, view and column a reader meets, and canned queries.
///
/// Datasette reads it with `datasette serve barkley.sqlite --metadata metadata.json`
/// (https://docs.datasette.io/en/stable/metadata.html). The descriptions are written here, beside
/// the schema they describe; a test checks that each names a real table, view and column.
public enum DatasetteMetadata {
    /// The name Datasette gives the database: the exported file's name without its extension.
    public static let databaseName = "barkley"
    /// The exported archive file.
    public static let fileName = databaseName + ".sqlite"

    /// What each table and view is, and its columns: `[name: (description, [column: description])]`.
    public static let tables: [String: (description: String, columns: [String: String])] = [
        "finishes": ("Every finish, oldest edition first, with the race it counts for (100-mile or 3-loop: never count the two together), the runner's name, the time and the margin to the limit.", [
            "year": "The edition's year.", "race": "The race (the Barkley Marathons unless another race was imported).",
            "category": Self.categoryDescription,
            "place": "Place in the edition by finish time; empty for a finish the sources state without a time.",
            "runner": "The runner, as named across all their years.", "name_in_edition": "The name as this edition's file writes it.",
            "country": "ISO 3166 alpha-3 country code.", "sex": "F or M.", "loops": "Loops for a finish in this edition.",
            "time": "Finish time, H:MM:SS with hours past 24 (H:MM:-- when published only to the minute).",
            "time_seconds": "Finish time in seconds.", "precision": "exact, or approximate (known to the minute).",
            "margin": "Time to spare before the limit, H:MM:SS.", "margin_seconds": "Time to spare before the limit, in seconds.",
            "first_attempt": "1 for a first attempt at the race (a 'virgin'), 0 if not, empty if unknown.",
            "runner_id": "The runner (runner.id).", "entry_id": "The entry (entry.id).",
        ]),
        "edition_results": ("Every entrant of every edition, with the runner's name, the outcome in words and the reason a source gives for a non-finish.", [
            "year": "The edition's year.", "race": "The race.", "category": Self.categoryDescription,
            "entrant_number": "Order in the edition's file (1 = first).",
            "runner": "The runner, as named across all their years.", "name_in_edition": "The name as this edition's file writes it.",
            "listed_as": "The spelling a source listed the runner under, where it differs.",
            "country": "ISO 3166 alpha-3 country code.", "sex": "F or M.",
            "first_attempt": "1 for a first attempt at the race, 0 if not, empty if unknown.",
            "outcome": "finish, fun run, over limit (loops done over the limit that would count them), dropped (a DNF during a loop), disqualified, did not start or unknown.",
            "reason": Self.reasonDescription, "reason_note": "What a source says of the reason (a DQ's cause, what 'other' was).",
            "loops_completed": "Loops completed, as stated or as the loop times show; an unofficial loop is never counted.",
            "unofficial_loops": "Loops run that do not count (off course, after the limit, wrong direction); see loop_times.",
            "finish_time": "Finish time, H:MM:SS; empty unless a finish.", "finish_seconds": "Finish time in seconds.",
            "note": "A note on the entry.", "runner_id": "The runner (runner.id).", "entry_id": "The entry (entry.id).",
        ]),
        "loop_times": ("Every recorded loop time: cumulative time and the loop's own split, as text beside seconds, with the cutoff; unofficial marks a loop that was run but does not count.", [
            "year": "The edition's year.", "race": "The race.", "category": Self.categoryDescription,
            "runner": "The runner.", "loop": "Loop number (1 = first).",
            "unofficial": Self.unofficialDescription,
            "time": "Cumulative time at the end of the loop, H:MM:SS (H:MM:-- when known to the minute).",
            "time_seconds": "Cumulative time in seconds.", "precision": "exact, or approximate (known to the minute).",
            "split": "The loop's own time, where the previous loop's time is known.", "split_seconds": "The loop's own time in seconds.",
            "cutoff": "The loop's cumulative cutoff, where published.", "cutoff_seconds": "The cutoff in seconds.",
            "direction": "clockwise or counterclockwise, where known.", "note": "A note on the time (how a source gave it).",
            "runner_id": "The runner (runner.id).", "entry_id": "The entry (entry.id).",
        ]),
        "editions_overview": ("One row per edition: format, field, counts stated by the sources and counts of named entrants.", [
            "year": "The edition's year.", "race": "The race.", "category": Self.categoryDescription,
            "held": "1 if held, 0 if not (no field, no format).",
            "start_date": "Start date, YYYY-MM-DD.", "start_time": "Start time, HH:MM local.", "loops": "Loops for a finish.",
            "time_limit": "Time limit for a finish, H:MM:SS.", "time_limit_seconds": "Time limit in seconds.",
            "fun_run_loops": "Loops for a fun run.", "fun_run_time_limit": "Time limit for a fun run, H:MM:SS.",
            "fun_run_time_limit_seconds": "Fun-run time limit in seconds.", "starters": "How many started (empty if unknown).",
            "entrant_list": "Whether the named entrants are the complete field: complete, partial or unknown.",
            "named_entrants": "Entrants the archive names; fewer than starters when the list is partial.",
            "finishes": "Finishes among the named entrants.", "stated_finishers": "Finishers the sources state.",
            "fun_runs": "Fun runs among the named entrants.", "stated_fun_runs": "Fun runs the sources state.",
            "sources": "Sources cited for the edition.", "notes": "Notes on the edition.",
        ]),
        "edition": ("One edition of a race in one year and the rules it was run under. Times are integer seconds; see editions_overview for text.", [
            "race": "The race.", "year": "The year.", "held": "1 if held, 0 if not.", "start_date": "YYYY-MM-DD.", "start_time": "HH:MM.",
            "finish_loops": "Loops for a finish.", "finish_limit_seconds": "Time limit for a finish, in seconds.",
            "fun_run_loops": "Loops for a fun run.", "fun_run_limit_seconds": "Time limit for a fun run, in seconds.",
            "starters": "How many started.", "entrant_list": "complete, partial or unknown.",
            "stated_finishers": "Finishers the sources state.", "stated_fun_runs": "Fun runs the sources state.", "notes": "Notes.",
            "category": "100_mile or 3_loop as the edition's file states it; empty: from the format (3 loops: 3_loop). The views give it in words.",
        ]),
        "entry": ("A runner in an edition. See edition_results for names and outcomes in words.", [
            "edition_id": "The edition (edition.id).", "runner_id": "The runner (runner.id).", "position": "Order in the edition's file, from 0.",
            "name": "The name as the edition's file writes it.", "listed_as": "The spelling a source used.",
            "listed_as_key": "listed_as folded for matching (lower case, no accents).", "country": "ISO 3166 alpha-3.", "sex": "F or M.",
            "first_attempt": "1 for a first attempt.", "loops_completed": "Loops completed, where stated.",
            "stated_outcome": "The outcome a source states, where the times are silent.",
            "outcome": "finish, fun_run, over_limit, dropped, disqualified, did_not_start or unknown; derived by the importer.",
            "finish_seconds": "Finish time in seconds (finishes only).", "note": "A note.",
            "reason": "Why the entrant did not finish, coded: refused_to_continue, missed_cutoff, lost, injured, sick, pages_missing or other.",
            "reason_note": "Free text on the reason.", "wikidata": "The runner's Wikidata item (Q…), as the file states it.",
            "duv": "The runner's DUV ultra-marathon statistics id.", "ultrasignup": "The runner's UltraSignup id.",
        ]),
        "runner": ("One person, across every year they ran.", [
            "name": "The runner's name.", "search_key": "The name folded for matching (lower case, no accents).",
            "key": "The runner's stable key (jasmin-paris): made from the name when first stored, never changed by a later spelling.",
        ]),
        "loop_time": ("Cumulative elapsed time at the end of a loop, in seconds. See loop_times for text and splits.", [
            "entry_id": "The entry (entry.id).", "loop": "Loop number.", "elapsed_seconds": "Cumulative time in seconds.",
            "precision": "exact, or approximate (known to the minute).", "direction": "clockwise or counterclockwise.", "note": "A note.",
            "unofficial": "off_course, after_limit or wrong_direction: run, but counted for no finish, record or loops completed; empty for a loop that counts.",
        ]),
        "loop_cutoff": ("The cumulative cutoff for one loop of one edition, where published.", [
            "edition_id": "The edition.", "loop": "Loop number.", "cutoff_seconds": "Cumulative cutoff in seconds.",
        ]),
        "loop_count": ("How many started and completed a loop, known even without names.", [
            "edition_id": "The edition.", "loop": "Loop number.", "started": "Started the loop.", "completed": "Completed the loop.",
        ]),
        "source": ("A citation: a URL, or a reference to print.", ["citation": "The citation."]),
        "edition_source": ("The sources of an edition, by the key its file gives them.", [
            "edition_id": "The edition.", "key": "The key entries and times cite.", "source_id": "The source.",
            "position": "Order in the file.", "cite_position": "Order among the edition-level citations; empty when not cited there.",
        ]),
        "entry_source": ("The sources an entry cites.", [
            "entry_id": "The entry.", "edition_id": "The edition.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "loop_time_source": ("The sources a loop time cites.", [
            "entry_id": "The entry.", "loop": "The loop.", "edition_id": "The edition.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "entry_distinct_from": ("Names an entrant is stated not to be (a different person, spelled alike).", [
            "entry_id": "The entry.", "edition_id": "The edition.", "position": "Order in the file.",
            "name": "The other name.", "name_key": "The name folded for matching.",
        ]),
        "import_log": ("Every import, so corrections have a history.", [
            "imported_at": "When (ISO 8601, UTC).", "file_name": "The edition file.", "checksum": "The file's checksum.",
            "race": "The race.", "year": "The year.", "summary": "What changed.",
            "file_size": "The file's size in bytes, where recorded.", "file_modified": "The file's modification time (nanoseconds since 1970), where recorded.",
            "file_device": "The device the file was on, where recorded (with file_inode, which file it was).",
            "file_inode": "The file's inode number, where recorded.",
            "file_changed": "The file's status-change time (ctime, nanoseconds since 1970), where recorded.",
        ]),
        "disputed_value": ("A value the sources give for a fact besides the preferred one (which is in the fact's own table). See barkley disputes.", [
            "edition_id": "The edition.", "entry_id": "The entry, for an entrant's or a loop time's fact; empty for the edition's.",
            "loop": "The loop, for a cutoff, a loop count or a loop time.", "field": "The fact disputed (start_time, starters, elapsed, outcome, …).",
            "position": "Order among the alternatives of one fact.", "value": "The other value, written as the field is.", "note": "A note.",
        ]),
        "disputed_value_source": ("The sources of a disputed value.", [
            "disputed_id": "The disputed value.", "edition_id": "The edition.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "loop_count_source": ("The sources of a loop count.", [
            "edition_id": "The edition.", "loop": "The loop.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "loop_cutoff_source": ("The sources of a cutoff.", [
            "edition_id": "The edition.", "loop": "The loop.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "edition_course": ("The course one year, as a source describes it (the race's own claims, per loop).", [
            "edition_id": "The edition.", "loop_miles": "Miles a loop.", "books": "Books a loop (pages to tear out).",
            "climb_feet": "Climb a loop, in feet.", "changes": "What changed on the course that year.",
        ]),
        "course_source": ("The sources of an edition's course facts.", [
            "edition_id": "The edition.", "key": "The edition's source key.", "position": "Order cited.",
        ]),
        "schema_migration": ("The schema migrations applied to this archive.", [
            "identifier": "The migration file.", "checksum": "Its checksum.", "applied_at": "When.",
        ]),
    ]

    /// The views' `category` column.
    static let categoryDescription = "The race the edition's finishes count for: 100-mile, or 3-loop (1986–1988); "
        + "its finishes, records and firsts are never counted with the other's."
    /// The view `edition_results`' `reason` column.
    static let reasonDescription = "Why the entrant did not finish, where a source says: refused to continue, missed cutoff, lost, "
        + "injured, sick, pages missing or other."
    /// The view `loop_times`' `unofficial` column.
    static let unofficialDescription = "Why a loop, though run, does not count: off course, after the limit or wrong direction; "
        + "empty for a loop that counts."

    /// Canned queries: `[name: (title, sql)]`; Datasette shows each as a page with a form.
    public static let queries: [String: (title: String, sql: String)] = [
        "search": ("Search names, spellings, notes and citations (the words as typed, in order; accents and case ignored)", """
            -- The text is searched as one phrase, so an apostrophe or a word such as AND is text, not FTS5 syntax.
            SELECT 'runner' AS found_in, NULL AS year, runner.name AS runner, runner.name AS text
            FROM runner_search JOIN runner ON runner.id = runner_search.rowid WHERE runner_search MATCH '"' || replace(:text, '"', '""') || '"'
            UNION ALL
            SELECT 'entrant', edition.year, runner.name, entry.name || coalesce(' · ' || entry.listed_as, '') || coalesce(' · ' || entry.note, '')
            FROM entry_search JOIN entry ON entry.id = entry_search.rowid JOIN edition ON edition.id = entry.edition_id
            JOIN runner ON runner.id = entry.runner_id WHERE entry_search MATCH '"' || replace(:text, '"', '""') || '"'
            UNION ALL
            SELECT 'edition', edition.year, NULL, edition.notes
            FROM edition_search JOIN edition ON edition.id = edition_search.rowid WHERE edition_search MATCH '"' || replace(:text, '"', '""') || '"'
            UNION ALL
            SELECT 'citation', NULL, NULL, source.citation
            FROM source_search JOIN source ON source.id = source_search.rowid WHERE source_search MATCH '"' || replace(:text, '"', '""') || '"'
            ORDER BY found_in DESC, year
            """),
        "finishes_by_race": ("Finishes and finishers of each race (the 100-mile and the 3-loop race are never counted together)", """
            SELECT category, count(*) AS finishes, count(DISTINCT runner_id) AS finishers, min(year) AS first_year, max(year) AS last_year
            FROM finishes GROUP BY category ORDER BY finishes DESC
            """),
        "career": ("A runner's career, year by year (part of a name)", """
            SELECT year, category, runner, outcome, reason, reason_note, loops_completed, unofficial_loops, finish_time, note FROM edition_results
            WHERE runner_id IN (SELECT id FROM runner WHERE name LIKE '%' || :name || '%') ORDER BY runner, year
            """),
        "closest_finishes": ("The finishes closest to the limit", """
            SELECT year, category, runner, time, margin FROM finishes WHERE margin_seconds IS NOT NULL ORDER BY margin_seconds LIMIT 20
            """),
        "reasons": ("Why entrants did not finish, in one year (where a source says)", """
            SELECT reason, count(*) AS entrants, group_concat(runner, ', ') AS runners FROM edition_results
            WHERE year = :year AND outcome <> 'finish' GROUP BY reason ORDER BY reason IS NULL, entrants DESC
            """),
        "unofficial_loops": ("Loops run that do not count: off course, after the limit, wrong direction", """
            SELECT year, category, runner, loop, time, unofficial, note FROM loop_times WHERE unofficial IS NOT NULL
            """),
        "attrition": ("How the field thinned, loop by loop, in one year", """
            SELECT loop, started, completed FROM loop_count
            WHERE edition_id = (SELECT id FROM edition WHERE year = :year ORDER BY race = 'Barkley Marathons' DESC LIMIT 1) ORDER BY loop
            """),
    ]

    /// Views and full-text tables Datasette should offer a search box on: `[view: (fts table, key column)]`.
    static let viewSearch: [String: (table: String, key: String)] = [
        "edition_results": ("entry_search", "entry_id"),
        "finishes": ("entry_search", "entry_id"),
    ]

    /// `metadata.json`: sorted keys, so that the same archive version writes the same bytes.
    ///
    /// - Throws: an encoding error (none is expected: every value is a string or a dictionary).
    public static func json() throws -> Data {
        var tableEntries: [String: Any] = [:]
        for (name, table) in tables {
            var entry: [String: Any] = ["description": table.description, "columns": table.columns]
            if let search = viewSearch[name] { entry["fts_table"] = search.table; entry["fts_pk"] = search.key }
            tableEntries[name] = entry
        }
        let database: [String: Any] = [
            "description": "Every edition, entrant, loop time and source of the Barkley Marathons archive. "
                + "Unknown is empty (NULL), never zero. Start with the views finishes, edition_results, loop_times and editions_overview; "
                + "their category column keeps the 100-mile race's finishes apart from the 3-loop race's: never count the two together.",
            "tables": tableEntries,
            "queries": queries.mapValues { ["title": $0.title, "sql": $0.sql] },
        ]
        let metadata: [String: Any] = [
            "title": "Barkley Marathons results archive",
            "description": "The source-backed results archive of the Barkley Marathons (Frozen Head State Park, Tennessee), exported by barkley \(PackageVersion.current).",
            "source": "Public race reports, results pages and articles, cited row by row (tables source, edition_source, entry_source, loop_time_source)",
            "license": "Facts of the public record, each cited to its source; no licence is claimed over them",
            "databases": [databaseName: database],
        ]
        return try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys])
    }
}
