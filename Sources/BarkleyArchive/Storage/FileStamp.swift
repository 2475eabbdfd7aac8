#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and modification time, as `stat` gives them: what the import log keeps of each
/// file it read, so that importing a folder again can skip an unchanged file without opening it
/// (as `make`, `rsync` and git's index do).
///
/// A file modified less than ``settling`` before it is looked at gets no stamp: a second
/// change within the file system's timestamp granularity (a jiffy on Linux, 2 s on FAT) could
/// leave size and time as they were. Such a file is compared by checksum the next time.
struct FileStamp: Hashable, Sendable {
    /// Bytes.
    var size: Int64
    /// Nanoseconds since 1970-01-01 UTC.
    var modified: Int64

    /// How long a file must have been left alone for its stamp to be trusted: 2 seconds.
    static let settling: Int64 = 2_000_000_000

    init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the regular file at `path`, or nil when it cannot be read, is not a regular
    /// file, or was modified within ``settling`` of now.
    init?(settledFileAt path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        var now = timespec()
        guard clock_gettime(CLOCK_REALTIME, &now) == 0 else { return nil }
        let modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        let current = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        guard current - modified >= Self.settling else { return nil }
        self.init(size: Int64(info.st_size), modified: modified)
    }
}
