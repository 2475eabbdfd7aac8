import SeededRandom

/// The benchmark's generator: SplitMix64, so the same seed gives the same history everywhere.
typealias SeededGenerator = SplitMix64
