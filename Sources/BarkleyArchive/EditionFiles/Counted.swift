/// `1 finisher`, `2 finishers`, `0 loop times`: a count and its noun, singular for one, for the
/// import's messages and summaries, and the presentation layer's `Presentation.plural` above it.
///
/// - Parameters:
///   - count: how many.
///   - singular: the noun for one (`finisher`, `loop time`).
///   - plural: the noun for any other count; `singular` + "s" when nil.
package func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
