/// A 64-bit FNV-1a checksum, as 16 hex digits.
///
/// It detects edits (a changed migration, a changed edition file); it is not meant to resist
/// deliberate collisions, which nothing here needs.
public enum Checksum {
    // Inlinable so that each caller gets a loop specialised for its byte sequence (a `Data`, a
    // `String.UTF8View`): the generic version costs an import a few per cent.
    @inlinable
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @inlinable
    public static func fnv1a64(_ text: String) -> String { fnv1a64(text.utf8) }
}
