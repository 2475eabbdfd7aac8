#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file: what the import log keeps of each file it read, so that importing
/// a folder again can skip an unchanged file without opening it (as `make`, `rsync` and git's
/// index do).
///
/// Size and modification time alone do not tell files apart: two same-named files of one length
/// in two folders, written in one clock tick, share them, and `touch -d` sets a rewritten
/// file's time back. So the stamp also holds the file's device and inode (which file it is) and
/// its status-change time (ctime), which every write, rename or `touch` moves to the present
/// and no user call can set back. A file is skipped only when all of them match (migration 0009).
///
/// A file whose modification or change time is less than ``settling`` before it is looked at
/// gets no stamp: a second change within the file system's timestamp granularity (a jiffy on
/// Linux, 2 s on FAT) could leave every part as it was. Such a file is compared by checksum the
/// next time.
struct FileStamp: Hashable, Sendable {
    /// Bytes.
    var size: Int64
    /// Nanoseconds since 1970-01-01 UTC.
    var modified: Int64
    /// The device the file is on and its inode there, as the signed 64-bit numbers of the same
    /// bits as `stat`'s (unsigned) ones; nil in stamps logged before migration 0009.
    var device: Int64?
    var inode: Int64?
    /// The last status change (ctime), nanoseconds since 1970-01-01 UTC; nil as `device`.
    var changed: Int64?

    /// How long a file must have been left alone for its stamp to be trusted: 2 seconds.
    static let settling: Int64 = 2_000_000_000

    init(size: Int64, modified: Int64, device: Int64? = nil, inode: Int64? = nil, changed: Int64? = nil) {
        self.size = size
        self.modified = modified
        self.device = device
        self.inode = inode
        self.changed = changed
    }

    /// Whether the stamp holds every part (stamps logged before migration 0009 do not): only a
    /// complete stamp equal in every part to the one logged lets a file be skipped unread.
    var isComplete: Bool { device != nil && inode != nil && changed != nil }

    /// The stamp of the regular file at `path`, or nil when it cannot be read, is not a regular
    /// file, or was modified or changed within ``settling`` of now.
    init?(settledFileAt path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let (mtime, ctime) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (mtime, ctime) = (info.st_mtim, info.st_ctim)
        #endif
        var now = timespec()
        guard clock_gettime(CLOCK_REALTIME, &now) == 0 else { return nil }
        let modified = Self.nanoseconds(mtime), changed = Self.nanoseconds(ctime)
        let current = Self.nanoseconds(now)
        guard current - modified >= Self.settling, current - changed >= Self.settling else { return nil }
        self.init(size: Int64(info.st_size), modified: modified,
                  device: Int64(truncatingIfNeeded: info.st_dev), inode: Int64(truncatingIfNeeded: info.st_ino), changed: changed)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
