import BarkleyArchive

extension History {
    /// The distances a finish of the race has been, in loops, smallest first: `[3, 5]` for the
    /// Barkley (the 3-loop race of 1986–1988, then 5 loops since 1989).
    ///
    /// A counting question asked for another number of loops has no answer at all — not an
    /// unknown one — so the CLI refuses it with these (see `barkley records --loops 6`).
    ///
    /// - Throws: `SQLiteError` when the archive cannot be read.
    public func finishLoopCounts() throws -> [Int] {
        Set(try editionFacts().filter(\.held).compactMap(\.finishLoops)).sorted()
    }
}
