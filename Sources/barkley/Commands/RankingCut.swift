import BarkleyQueries

/// A ranking cut at `--limit` rows without cutting a tie: the runners within the limit, and
/// after them everyone with the same count as the last of them (`most finishes --limit 10`
/// lists 20 when ten more runners share the tenth runner's one finish). A reader asking for
/// "the top 10" expects a tie for tenth place to be shown whole, as results lists do; the
/// answer says how many were added (``tiedPastLimit``), in every format.
///
/// JSON: `runners` (array of `rank`, `runner`, `count`, `years`), `completeness`, `loops`, as
/// ``BarkleyQueries/RunnerRanking`` names them, then `limit` and `tied_past_limit`.
struct RankingCut: Encodable {
    var runners: [RankedRunner]
    var completeness: Completeness
    var loops: Int?
    /// The `--limit` asked for.
    var limit: Int
    /// How many runners are listed past `limit`: all tied with the runner at `limit`. 0 when
    /// the tie (if any) ends within the limit.
    var tiedPastLimit: Int

    /// `ranking` (every runner, most first) cut at `limit`, ties kept whole.
    init(_ ranking: RunnerRanking, limit: Int) {
        let within = Array(ranking.runners.prefix(max(0, limit)))
        let tied = within.last.map { last in ranking.runners.dropFirst(within.count).prefix { $0.count == last.count } } ?? []
        runners = within + tied
        completeness = ranking.completeness
        loops = ranking.loops
        self.limit = limit
        tiedPastLimit = tied.count
    }

    enum CodingKeys: String, CodingKey {
        case runners, completeness, loops, limit
        case tiedPastLimit = "tied_past_limit"
    }
}
