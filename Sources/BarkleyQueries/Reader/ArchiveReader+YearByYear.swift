import BarkleyArchive

/// The year-by-year questions of ``History``, asked from any task (see ``ArchiveReader/read(_:)``).
extension ArchiveReader {
    /// ``History/editionIndex()``.
    public func editionIndex() async throws -> EditionIndex { try await read { try $0.editionIndex() } }

    /// ``History/editionAggregates(loops:)``.
    public func editionAggregates(loops: Int? = nil) async throws -> EditionAggregates {
        try await read { try $0.editionAggregates(loops: loops) }
    }

    /// ``History/splits(year:)``.
    public func splits(year: Int) async throws -> EditionSplits { try await read { try $0.splits(year: year) } }

    /// ``History/recordProgression(loops:)``.
    public func recordProgression(loops: Int? = nil) async throws -> RecordProgression {
        try await read { try $0.recordProgression(loops: loops) }
    }

    /// ``History/allFinishes(loops:)``.
    public func allFinishes(loops: Int?) async throws -> FinishList { try await read { try $0.allFinishes(loops: loops) } }
}
