/// What to do with a record that cannot be read (bad JSON, bad UTF-8, a CSV row wider than its header, a field of
/// the wrong type). One policy for every command that reads records; see docs/reliability.md.
public enum BadRecordPolicy: Sendable, Equatable {
    /// Read everything, then fail naming every bad record: nothing is built from a partly read corpus.
    case fail
    /// Skip bad records (the caller reports each and their exact count).
    case skip
}

/// Records read from corpus files under a `BadRecordPolicy`, each with the file and line it came from.
///
/// Why a type of its own: `index`, `dedupe`, `train`, `eval` and `report` all read whole corpora, and each used to
/// stop at the first bad record with its own message; now they share one reading, one count and one refusal.
public struct CorpusLoad {
    public struct Origin: Sendable, Equatable {
        public var file: String
        public var line: Int

        public init(file: String, line: Int) { self.file = file; self.line = line }
    }

    public var records: [Postulate] = []
    public var origins: [Origin] = []
    /// The bad records skipped (always empty under `.fail`, which throws instead).
    public var skipped: [CorpusError] = []
    /// With `read(…, presenceOf: FIELD)`: per record, whether its source had FIELD (a JSONL key, a CSV column), so
    /// a record without a label can be told from one whose label is empty.
    public var fieldPresent: [Bool]? = nil

    public init() {}

    /// Reads every file in order. A file that cannot be read as a whole (missing, a folder, empty, UTF-16) throws
    /// at once whatever the policy: skipping it would hide a whole file. With `requireRecords`, a corpus without a
    /// single record is an error (an empty corpus must never replace an index, a model or a report).
    public static func read(_ files: [String], policy: BadRecordPolicy, requireRecords: Bool = true,
                            presenceOf field: String? = nil) throws -> CorpusLoad {
        var load = CorpusLoad()
        var present: [Bool] = []
        load.skipped = try forEach(files, policy: policy, requireRecords: requireRecords, sourceFields: field != nil) { p, origin, stream in
            load.records.append(p)
            load.origins.append(origin)
            if let field {
                present.append(stream.format == .csv ? stream.csvHeader.contains(field)
                                                     : stream.jsonFields.contains { $0.0 == field })
            }
        }
        if field != nil { load.fieldPresent = present }
        return load
    }

    /// `read` one record at a time, in constant memory (`corpus stats`); returns the skipped records. Under
    /// `.fail` the bad records are collected to the end (so all are named) and then thrown; `body` has seen the
    /// good ones by then, so a caller that must not act on a partial corpus keeps its output until this returns.
    @discardableResult
    public static func forEach(_ files: [String], policy: BadRecordPolicy, requireRecords: Bool = true,
                               _ body: (Postulate, Origin) throws -> Void) throws -> [CorpusError] {
        try forEach(files, policy: policy, requireRecords: requireRecords, sourceFields: false) { p, origin, _ in try body(p, origin) }
    }

    /// `forEach` whose body also sees the stream; with `sourceFields` the stream holds each record's source fields
    /// (`jsonFields`), else records are read without them (`CorpusStream.nextRecord`).
    static func forEach(_ files: [String], policy: BadRecordPolicy, requireRecords: Bool, sourceFields: Bool,
                        _ body: (Postulate, Origin, CorpusStream) throws -> Void) throws -> [CorpusError] {
        var bad: [CorpusError] = []
        var good = 0
        for file in files {
            let stream = try CorpusStream(path: file)
            let before = good + bad.count
            while true {
                do {
                    guard let p = try sourceFields ? stream.next() : stream.nextRecord() else { break }
                    good += 1
                    try body(p, Origin(file: file, line: stream.line), stream)
                } catch let e as CorpusError {
                    if e.kind == .io { throw e }
                    bad.append(e)
                }
            }
            if requireRecords && good + bad.count == before {
                throw CorpusError(.empty, file: file, tr("plik nie zawiera żadnego rekordu (pusty korpus)",
                                                         "the file holds no record (an empty corpus)"))
            }
        }
        if policy == .fail && !bad.isEmpty { throw BadRecords(errors: bad, read: good) }
        if requireRecords && good == 0 {
            throw CorpusError(.empty, file: files.isEmpty ? "—" : files.joined(separator: ", "),
                              tr("brak poprawnych postulatów do przeczytania", "no good postulates to read"))
        }
        return bad
    }
}

/// Bad records met while reading under `BadRecordPolicy.fail`: each named (file, line, field, problem), then the
/// count and how to go on without them.
public struct BadRecords: Error, CustomStringConvertible {
    public var errors: [CorpusError]
    /// Records read without a problem.
    public var read: Int

    public init(errors: [CorpusError], read: Int) { self.errors = errors; self.read = read }

    /// At most this many records are listed one by one; the count covers all.
    public static let listed = 20

    public var description: String {
        var lines = errors.prefix(Self.listed).map(\.description)
        if errors.count > Self.listed {
            lines.append(tr("… i \(errors.count - Self.listed) więcej", "… and \(errors.count - Self.listed) more"))
        }
        lines.append(Self.summary(bad: errors.count, read: read, skipping: false))
        return lines.joined(separator: "\n")
    }

    /// The closing count: "2 błędne rekordy (przeczytano 1500 poprawnych); nic nie zapisano — popraw je albo
    /// dodaj --skip-bad", or when skipping "pominięto 2 błędne rekordy".
    public static func summary(bad: Int, read: Int, skipping: Bool) -> String {
        let badText = counted(bad, pl: ("błędny rekord", "błędne rekordy", "błędnych rekordów"),
                              en: ("bad record", "bad records"))
        if skipping {
            return tr("pominięto \(badText) (poprawnych: \(read))", "skipped \(badText) (good: \(read))")
        }
        return tr("\(badText) (poprawnych: \(read)); popraw je albo dodaj --skip-bad, by je pominąć",
                  "\(badText) (good: \(read)); correct them or add --skip-bad to skip them")
    }
}
