/// The one tie rule of every ranking cut at a limit: `limit` N returns the first N and
/// everyone tied with the N-th.
///
/// A reader asking for "the top 10" expects a tie for tenth place to be shown whole, as results
/// lists do: cutting it would leave out runners with the same count as one listed, in an order
/// (first year, then name) that says nothing about who ranks higher.
extension Array {
    /// The first `limit` elements, then every element after them that `tied` says ties with the
    /// `limit`-th; and how many were added past the limit (0 when no tie crosses it). A nil
    /// `limit` keeps every element; a `limit` below 1 keeps none. The array is in ranking order.
    func cut(keepingTiesAt limit: Int?, tied: (Element, Element) -> Bool) -> (elements: [Element], pastLimit: Int) {
        guard let limit else { return (self, 0) }
        let within = Array(prefix(Swift.max(0, limit)))
        guard let last = within.last else { return (within, 0) }
        let past = dropFirst(within.count).prefix { tied($0, last) }
        return (within + past, past.count)
    }
}
