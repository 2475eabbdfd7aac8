import BarkleyArchive
import BarkleyBuiltInArchive
import Foundation
do {
    let archive = try BuiltInArchive.open()
    try? FileManager.default.removeItem(atPath: "/tmp/b.sqlite")
    try archive.backup(to: "/tmp/b.sqlite")
    let out = URL(fileURLWithPath: "/tmp/export")
    try archive.exportEditions(to: out)
} catch { print(error) }
