import Foundation
import SeededRandom
import SQLiteLayer
import Testing

@Suite("Values round-trip through SQLite unchanged")
struct ValueRoundTripTests {
    /// The seed of every generated value below; change it only together with the test name.
    static let seed: UInt64 = 0x5EED_BA4C_1E7A_2026

    /// A column without type affinity, and a STRICT `ANY` column: both must keep every value as bound.
    static let tables = [
        "CREATE TABLE sample (id INTEGER PRIMARY KEY, value)",
        "CREATE TABLE sample (id INTEGER PRIMARY KEY, value ANY) STRICT",
    ]

    @Test("every generated value reads back exactly as written (SplitMix64 seed 0x5EED_BA4C_1E7A_2026)",
          arguments: tables)
    func generatedValuesRoundTrip(createTable: String) throws {
        let values = Self.generatedValues()
        #expect(values.count >= 500)
        let db = try Connection.inMemory()
        try db.execute(createTable)
        let insert = try db.prepare("INSERT INTO sample (id, value) VALUES (?, ?)")
        for (index, value) in values.enumerated() {
            try insert.execute([.integer(Int64(index)), value])
        }

        let stored = try db.rows("SELECT id, value FROM sample ORDER BY id")
        #expect(stored.count == values.count)
        for (row, written) in zip(stored, values) {
            let index: Int = try row.require("id")
            let read = try #require(row["value"])
            #expect(read == written, "value \(index) (seed \(Self.seed))")
            let change = "value \(index) changed bits or bytes: wrote \(written.debugDump), read \(read.debugDump)"
            #expect(identical(read, written), Comment(rawValue: change))
        }
    }

    @Test("every generated value decodes through the typed decoder of its own type (SplitMix64 seed 0x5EED_BA4C_1E7A_2026)")
    func generatedValuesDecodeTyped() throws {
        let values = Self.generatedValues()
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE sample (id INTEGER PRIMARY KEY, value ANY) STRICT")
        for (index, value) in values.enumerated() {
            try db.run("INSERT INTO sample (id, value) VALUES (?, ?)", [index, value])
        }
        for row in try db.rows("SELECT id, value FROM sample ORDER BY id") {
            let written = values[try row.require("id", as: Int.self)]
            switch written {
            case .null:
                #expect(try row.optional("value", as: String.self) == nil)
                #expect(try row.optional("value", as: Int64.self) == nil)
                #expect(throws: RowDecodingError.self) { try row.require("value", as: Int64.self) }
            case .integer(let int):
                #expect(try row.require("value", as: Int64.self) == int)
                #expect(try row.optional("value", as: Int64.self) == int)
            case .real(let double):
                #expect(try row.require("value", as: Double.self).bitPattern == double.bitPattern)
            case .text(let text):
                let read = try row.require("value", as: String.self)
                #expect(Array(read.utf8) == Array(text.utf8))
            case .blob(let bytes):
                #expect(try row.require("value", as: Data.self) == Data(bytes))
            }
        }
    }

    @Test("a NULL reads as nil through optional and is refused by require, naming the column")
    func nullDecodesAsNil() throws {
        let db = try Connection.inMemory()
        let row = try #require(try db.row("SELECT NULL AS finish_time"))
        #expect(try row.optional("finish_time", as: Int64.self) == nil)
        #expect(try row.optional("finish_time", as: String.self) == nil)
        let error = try #require(throws: RowDecodingError.self) { try row.require("finish_time", as: Int64.self) }
        #expect(error.column == "finish_time")
    }

    @Test("decoding a value as another type throws an error naming the column")
    func wrongTypeThrows() throws {
        let db = try Connection.inMemory()
        let row = try #require(try db.row("SELECT 'twelve' AS laps, 12 AS name, x'00ff' AS age, 1.5 AS bib"))
        let laps = try #require(throws: RowDecodingError.self) { try row.require("laps", as: Int64.self) }
        #expect(laps.column == "laps")
        let name = try #require(throws: RowDecodingError.self) { try row.optional("name", as: String.self) }
        #expect(name.column == "name")
        let age = try #require(throws: RowDecodingError.self) { try row.require("age", as: String.self) }
        #expect(age.column == "age")
        let bib = try #require(throws: RowDecodingError.self) { try row.optional("bib", as: Int.self) }
        #expect(bib.column == "bib")
        let blob = try #require(throws: RowDecodingError.self) { try row.require("name", as: Data.self) }
        #expect(blob.column == "name")
    }

    @Test("decoding a column the row does not have throws an error naming it")
    func missingColumnThrows() throws {
        let db = try Connection.inMemory()
        let row = try #require(try db.row("SELECT 1 AS present"))
        let error = try #require(throws: RowDecodingError.self) { try row.optional("absent", as: Int64.self) }
        #expect(error.column == "absent")
    }

    @Test("text holding U+0000 is stored whole, not cut at the NUL")
    func textWithNulRoundTrips() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE sample (value ANY) STRICT")
        let text = "before\u{0}after"
        try db.run("INSERT INTO sample (value) VALUES (?)", [text])
        let read = try db.scalar("SELECT value FROM sample", as: String.self)
        #expect(read.map { Array($0.utf8) } == Array(text.utf8))
        #expect(try db.scalar("SELECT length(CAST(value AS BLOB)) FROM sample", as: Int64.self) == 12)
    }

    // MARK: Values

    /// The edge cases, then 600 values from the seed.
    static func generatedValues() -> [DatabaseValue] {
        var generator = ValueGenerator(seed: seed)
        return edgeCases + generator.values(count: 600)
    }

    /// The values most likely to be bent on the way through.
    static let edgeCases: [DatabaseValue] = [
        .null,
        .integer(0), .integer(-1), .integer(1), .integer(.min), .integer(.max),
        .integer(Int64(Int32.max) + 1), .integer(Int64(Int32.min) - 1),
        .real(0.0), .real(-0.0), .real(.greatestFiniteMagnitude), .real(-.greatestFiniteMagnitude),
        .real(.leastNonzeroMagnitude), .real(-.leastNonzeroMagnitude), .real(.leastNormalMagnitude),
        .real(.infinity), .real(-.infinity), .real(1.0), .real(0.1), .real(9_007_199_254_740_992),
        .text(""), .text(" "), .text("O'Brien; DROP TABLE sample; --"),
        .text("👨‍👩‍👧‍👦"), .text("🇳🇿🏳️‍🌈"), .text("👍🏽"),
        .text("e\u{301}"), .text("\u{E9}"), .text("a\u{300}\u{316}\u{35C}\u{361}b"),
        .text("שָׁלוֹם"), .text("مرحبا بالعالم"), .text("abc\u{202E}fed\u{202C}"),
        .text("日本語のテキスト"), .text("\u{0}"), .text("split\u{0}at NUL\u{0}"), .text("\u{10FFFF}\u{FFFF}\u{FEFF}"),
        .blob([]), .blob([0]), .blob([0, 0, 0]), .blob(Array(0...255)),
    ]
}

/// Equal in every bit: reals by bit pattern (so -0.0 is not 0.0), text by UTF-8 bytes (Swift's
/// `==` on strings treats "é" and "e\u{301}" as equal; SQLite must not even normalize).
func identical(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
    switch (a, b) {
    case (.real(let x), .real(let y)): x.bitPattern == y.bitPattern
    case (.text(let x), .text(let y)): Array(x.utf8) == Array(y.utf8)
    default: a == b
    }
}

extension DatabaseValue {
    /// Enough detail to reproduce a failure: type, bits and scalars.
    var debugDump: String {
        switch self {
        case .real(let double): "real(\(double), bits 0x\(String(double.bitPattern, radix: 16)))"
        case .text(let text): "text(\(text.unicodeScalars.map { "U+" + String($0.value, radix: 16) }))"
        default: "\(self)"
        }
    }
}

/// Random SQLite values from a fixed seed.
struct ValueGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func values(count: Int) -> [DatabaseValue] {
        (0..<count).map { _ in value() }
    }

    mutating func value() -> DatabaseValue {
        switch random.next() % 5 {
        case 0: .null
        case 1: .integer(integer())
        case 2: .real(real())
        case 3: .text(text())
        default: .blob((0..<Int(random.next() % 65)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }

    private mutating func integer() -> Int64 {
        switch random.next() % 3 {
        case 0: Int64(bitPattern: random.next())
        case 1: Int64(bitPattern: random.next()) >> (random.next() % 63)  // every magnitude
        default: [Int64.min, .max, 0, -1, 1].randomElement(using: &random)!
        }
    }

    private mutating func real() -> Double {
        // Any bit pattern but NaN, which SQLite stores as NULL by design (https://sqlite.org/floatingpoint.html).
        while true {
            let double = Double(bitPattern: random.next())
            if !double.isNaN { return double }
        }
    }

    /// Text of any scalars but U+0000: ASCII, combining marks, right-to-left scripts, CJK,
    /// emoji with skin tones and zero-width joiners, flags, and the rest of the code space.
    private mutating func text() -> String {
        let pieceCount = Int(random.next() % 12)  // 0: the empty string
        var scalars = String.UnicodeScalarView()
        for _ in 0..<pieceCount {
            switch random.next() % 9 {
            case 0: scalars.append(scalar(in: 0x20...0x7E))
            case 1: scalars.append(contentsOf: [scalar(in: 0x61...0x7A), scalar(in: 0x300...0x36F), scalar(in: 0x300...0x36F)])
            case 2: scalars.append(contentsOf: [scalar(in: 0x5D0...0x5EA), scalar(in: 0x591...0x5C7)])  // Hebrew with points
            case 3: scalars.append(scalar(in: 0x621...0x64A))  // Arabic
            case 4: scalars.append(scalar(in: 0x4E00...0x9FFF))
            case 5:  // an emoji, a skin tone, a zero-width joiner, another emoji
                scalars.append(contentsOf: [scalar(in: 0x1F466...0x1F469), scalar(in: 0x1F3FB...0x1F3FF), "\u{200D}", scalar(in: 0x1F300...0x1F5FF)])
            case 6: scalars.append(contentsOf: [scalar(in: 0x1F1E6...0x1F1FF), scalar(in: 0x1F1E6...0x1F1FF)])  // a flag
            case 7: scalars.append(scalar(in: 0x200E...0x202E))  // direction marks and overrides
            default: scalars.append(scalar(in: 0x1...0x10FFFF))
            }
        }
        return String(scalars)
    }

    /// A scalar in `range`, skipping surrogates (which are not scalars).
    private mutating func scalar(in range: ClosedRange<UInt32>) -> Unicode.Scalar {
        while true {
            let value = range.lowerBound + UInt32(random.next() % UInt64(range.count))
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }
}
