import BarkleyArchive
import SQLiteLayer

extension SQL {
    /// The runner's key, and each external id from the latest entry that states one.
    static let runnerIdentity = NamedQuery("a runner's key and external ids", """
        SELECT runner.key AS key,
               (SELECT entry.wikidata FROM entry WHERE entry.runner_id = runner.id AND entry.wikidata IS NOT NULL
                ORDER BY entry.edition_id DESC LIMIT 1) AS wikidata,
               (SELECT entry.duv FROM entry WHERE entry.runner_id = runner.id AND entry.duv IS NOT NULL
                ORDER BY entry.edition_id DESC LIMIT 1) AS duv,
               (SELECT entry.ultrasignup FROM entry WHERE entry.runner_id = runner.id AND entry.ultrasignup IS NOT NULL
                ORDER BY entry.edition_id DESC LIMIT 1) AS ultrasignup
        FROM runner WHERE runner.id = ?1
        """, sample: [.integer(1)])
}

extension History {
    /// A runner's stable key and external ids; the ids are the runner's, whichever edition
    /// file states them (the latest edition's where two differ).
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    func identity(ofRunner id: Int64) throws -> (key: String?, ids: ExternalIDs) {
        guard let row = try connection.row(SQL.runnerIdentity.sql, [id]) else { return (nil, ExternalIDs()) }
        return (try row.optional("key"), ExternalIDs(wikidata: try row.optional("wikidata"), duv: try row.optional("duv"),
                                                   ultrasignup: try row.optional("ultrasignup")))
    }
}
