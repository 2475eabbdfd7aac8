// barkley-bench: the Barkley Archive's benchmarks, separate from the tests.
//
//     swift run -c release --scratch-path .build-bench barkley-bench [--sizes 1000,100000,1000000] [--json PATH] [--work-dir DIR]
//
// See README.md beside this file for what is measured and how to read the results.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if let subcommand = arguments.first, ChildMeasurements.subcommands.contains(subcommand) {
        try ChildMeasurements.run(arguments)
    } else {
        try BenchCommand(arguments: arguments).run()
    }
} catch let error as BenchError {
    FileHandle.standardError.write(Data("barkley-bench: \(error)\n".utf8))
    exit(error.isUsage ? 64 : 1)
} catch {
    FileHandle.standardError.write(Data("barkley-bench: \(error)\n".utf8))
    exit(1)
}
