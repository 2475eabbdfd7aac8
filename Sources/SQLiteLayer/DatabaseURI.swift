import Foundation

/// The SQLite URI that opens exactly the file at a path.
///
/// Debian's SQLite is built with `SQLITE_USE_URI=1`, so a plain file name starting with
/// `file:` would be read as a URI (`file:x.sqlite?mode=memory`). Every connection therefore
/// opens an absolute, percent-encoded `file://` URI built here: the path is only ever a path,
/// and the options SQLite reads are the ones this layer adds (https://sqlite.org/uri.html).
enum DatabaseURI {
    /// `file:///absolute/path` with every byte outside `A–Z a–z 0–9 - . _ ~ /` percent-encoded;
    /// `immutable=1` when the file is to be read as it is, without locks or a `-shm`.
    static func of(_ path: String, immutable: Bool = false) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var uri = "file://"
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                uri += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return immutable ? uri + "?immutable=1" : uri
    }
}
