import ArgumentParser
import Corpus

/// `--skip-bad`, shared by every command that reads records, and the one way they report bad ones: each on stderr
/// (file:line: field: problem), then the exact count; without `--skip-bad` any bad record makes the run fail
/// (exit 1), and a command that writes an index, a model or a report writes nothing.
struct BadRecordOptions: ParsableArguments {
    @Flag(name: .customLong("skip-bad"), help: "Skip records that cannot be read (each is still reported, with the count) and exit 0.")
    var skipBad = false

    var policy: BadRecordPolicy { skipBad ? .skip : .fail }

    /// Reads whole corpus files under the policy, reporting what was skipped.
    func load(_ files: [String], requireRecords: Bool = true) throws -> CorpusLoad {
        let load = try CorpusLoad.read(files, policy: policy, requireRecords: requireRecords)
        reportSkipped(load.skipped, read: load.records.count)
        return load
    }

    /// Prints the skipped records (at most `BadRecords.listed`) and their count.
    func reportSkipped(_ skipped: [CorpusError], read: Int) {
        guard !skipped.isEmpty else { return }
        for e in skipped.prefix(BadRecords.listed) { printError(e.description) }
        printError(BadRecords.summary(bad: skipped.count, read: read, skipping: true))
    }
}

/// Bad records met by a streaming command (`tag`, `stem`, `similar --batch`): each is reported as it comes, the
/// good ones are written; at the end the count, and exit 1 unless `--skip-bad`.
struct StreamBadRecords {
    let options: BadRecordOptions
    private(set) var count = 0

    init(_ options: BadRecordOptions) { self.options = options }

    /// Lists the first `BadRecords.listed` bad records as they come (as the whole-file readers do); the rest are
    /// counted and the count is said at the end.
    mutating func report(_ message: String) {
        count += 1
        if count <= BadRecords.listed { printError(message) }
    }

    /// Says how many bad records were not listed ("… i 10 więcej"), if any.
    func sayUnlisted() {
        if count > BadRecords.listed {
            printError(tr("… i \(count - BadRecords.listed) więcej", "… and \(count - BadRecords.listed) more"))
        }
    }

    /// Call after the output is complete.
    func finish(good: Int) throws {
        guard count > 0 else { return }
        sayUnlisted()
        if options.skipBad {
            printError(BadRecords.summary(bad: count, read: good, skipping: true))
        } else {
            throw ToolError(BadRecords.summary(bad: count, read: good, skipping: false)
                            + tr(" (poprawne zostały zapisane)", " (the good ones were written)"))
        }
    }
}
