import Corpus
import Foundation
import GRDB

/// The staff review store: one SQLite file (WAL, foreign keys on, `synchronous = FULL` so an acknowledged change
/// survives a crash) holding the postulates, their reviews and an audit trail. Every change is one transaction that
/// writes its audit entry with it, so a change is either whole (with its audit entry) or absent. Thread-safe:
/// GRDB's pool serialises the writes and lets reads run beside them.
public final class ReviewStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Every change goes through it (group commit).
    let writes: WriteQueue
    /// Theme codes and stances are checked against it; nil skips the theme check.
    public let taxonomy: Taxonomy?

    /// Opened read-only (`check`, `export`, `backup`, `train`/`eval --store`): never creates, migrates or writes.
    public let readOnly: Bool

    /// Opens (`create`: or creates) the store at `path` and brings its schema up to date. A file written by a newer
    /// postulaty is refused before anything is changed. `readOnly`: the file must already be a store with the
    /// current schema (an empty, non-SQLite or schema-less file is refused, naming it) and nothing is written to it.
    public init(path: String, create: Bool = false, readOnly: Bool = false, taxonomy: Taxonomy? = nil) throws(StoreError) {
        self.path = path
        self.taxonomy = taxonomy
        self.readOnly = readOnly
        if (readOnly || !create) && !FileManager.default.fileExists(atPath: path) {
            // A relative path is read from the working folder: named, since a command run from the wrong folder
            // is the usual cause (and making a new, empty store there the wrong cure).
            let here = path.hasPrefix("/") ? "" : tr(" w folderze \(FileManager.default.currentDirectoryPath)", " in the folder \(FileManager.default.currentDirectoryPath)")
            throw StoreError(.missing, tr("\(path): nie ma magazynu\(here) (uruchom polecenie z folderu serwisu albo podaj --store ŚCIEŻKA; nowy magazyn tworzy: postulaty store import PLIKI…)",
                                          "\(path): no store there\(here) (run the command from the service's folder or pass --store PATH; a new store is made by: postulaty store import FILES…)"))
        }
        if readOnly { try Self.requireSQLiteFile(path) }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        if !readOnly { config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            let migrator = StoreSchema.migrator
            let newer = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if newer {
                let known = StoreSchema.versions.joined(separator: ", ")
                let found = try pool.read { db in try migrator.appliedIdentifiers(db) }
                    .subtracting(StoreSchema.versions).sorted().joined(separator: ", ")
                throw StoreError(.newerSchema, tr("\(path): magazyn ma nowszy schemat (\(found)) niż ta wersja postulaty (zna: \(known)); użyj nowszej wersji programu",
                                                  "\(path): the store has a newer schema (\(found)) than this postulaty knows (\(known)); use a newer version of the program"))
            }
            if readOnly {
                let done = try pool.read { db in try migrator.completedMigrations(db) }
                if done != StoreSchema.versions {
                    let missing = StoreSchema.versions.filter { !done.contains($0) }.joined(separator: ", ")
                    throw StoreError(.database, done.isEmpty
                        ? tr("\(path): to nie jest magazyn postulaty (plik SQLite bez schematu magazynu)", "\(path): not a postulaty store (an SQLite file without the store's schema)")
                        : tr("\(path): magazyn ma starszy schemat (brak: \(missing)); otwórz go raz przez postulaty serve --store albo store import, by go uaktualnić",
                             "\(path): the store has an older schema (missing: \(missing)); open it once with postulaty serve --store or store import to upgrade it"))
                }
            } else {
                try migrator.migrate(pool)
            }
            writes = WriteQueue(pool: pool)
        } catch let e as StoreError {
            throw e
        } catch {
            throw Self.failure(path, error)
        }
    }

    /// A read-only open must not let SQLite take an empty or foreign file for a new, empty database.
    static func requireSQLiteFile(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.database, tr("\(path): nie można odczytać pliku (\(systemErrorText(errno)))", "\(path): cannot read the file (\(systemErrorText(errno)))"))
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty {
            throw StoreError(.database, tr("\(path): pusty plik, nie magazyn", "\(path): an empty file, not a store"))
        }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError(.database, tr("\(path): to nie jest plik SQLite", "\(path): not an SQLite file"))
        }
    }

    /// Ends the store's use: waits for the writer, folds the WAL into the main file (`wal_checkpoint(TRUNCATE)`)
    /// and closes every connection. Why: until then the latest changes may live only in `-wal`, and a copy of the
    /// main file alone (a restore, `cp`) would lack them. Every command that opened the store calls it, `serve`
    /// after its last request.
    public func close() throws(StoreError) {
        writes.stopAndWait()
        do {
            if !readOnly {
                try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            }
            try pool.close()
        } catch {
            throw Self.failure(path, error)
        }
    }

    static func failure(_ path: String, _ error: Error) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            return StoreError(.database, tr("\(path): błąd bazy SQLite (\(e.message ?? "\(e.resultCode)"))", "\(path): SQLite error (\(e.message ?? "\(e.resultCode)"))"))
        }
        return StoreError(.database, "\(path): \(error)")
    }

    /// Runs a read, mapping SQLite's errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw Self.failure(path, error) }
    }

    deinit { writes.stop() }

    /// Runs one change (its own savepoint in the next group commit), mapping SQLite's errors to `StoreError`.
    func write<T>(_ body: @escaping (Database) throws -> T) throws(StoreError) -> T {
        do { return try writes.perform(body) } catch { throw Self.failure(path, error) }
    }

    /// The migrations applied to the file, in order.
    public func schemaVersions() throws(StoreError) -> [String] {
        try read { db in try StoreSchema.migrator.completedMigrations(db) }
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }

    // MARK: postulates

    /// Where a record came from, for messages.
    public struct Origin: Sendable {
        public var file: String
        public var line: Int
        public init(file: String, line: Int) { self.file = file; self.line = line }
    }

    /// Adds records from one source (`file` names it in messages; records numbered 1, 2, …).
    @discardableResult
    public func add(_ records: [Postulate], file: String, who: String) throws(StoreError) -> [String] {
        try add(records, origins: records.indices.map { Origin(file: file, line: $0 + 1) }, who: who)
    }

    /// Adds records in one transaction after validating them as `corpus validate` does (ids also checked across
    /// the sources and against the store); any problem: nothing is stored and the error lists every problem.
    @discardableResult
    public func add(_ records: [Postulate], origins: [Origin], who: String) throws(StoreError) -> [String] {
        guard records.count == origins.count else { throw StoreError(.invalid, "records \(records.count) ≠ origins \(origins.count)") }
        let validator = CorpusValidator(taxonomy: taxonomy)
        var issues: [CorpusIssue] = []
        var files: [String] = []
        var byFile: [String: [(record: Postulate, line: Int)]] = [:]
        for (p, o) in zip(records, origins) {
            if byFile[o.file] == nil { files.append(o.file) }
            byFile[o.file, default: []].append((p, o.line))
        }
        for f in files { issues += validator.validate(records: byFile[f] ?? [], file: f) }
        var first: [String: Origin] = [:]
        for (p, o) in zip(records, origins) where !p.id.isEmpty {
            if let seen = first[p.id] {
                if seen.file != o.file {   // repeats within a file are the validator's
                    issues.append(CorpusIssue(kind: .duplicateId, file: o.file, line: o.line, field: "id",
                                              message: tr("identyfikator „\(p.id)” powtórzony (pierwszy raz: \(seen.file):\(seen.line))",
                                                          "id \"\(p.id)\" repeated (first seen at \(seen.file):\(seen.line))")))
                }
            } else {
                first[p.id] = o
            }
        }
        let time = Self.now()
        let found = issues
        return try write { db in
            var issues = found
            for (p, o) in zip(records, origins) where !p.id.isEmpty {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM postulates WHERE id = ?", arguments: [p.id]) == true {
                    issues.append(CorpusIssue(kind: .duplicateId, file: o.file, line: o.line, field: "id",
                                              message: tr("identyfikator „\(p.id)” jest już w magazynie", "id \"\(p.id)\" is already in the store")))
                }
            }
            if !issues.isEmpty {
                // Every record already stored: the same batch sent again (a double submit), not a broken file.
                if issues.count == records.count, found.isEmpty {
                    let n = counted(records.count, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))
                    throw StoreError(.invalid, tr("wszystkie (\(n)) są już w magazynie — dodano je wcześniej; nic nie zapisano ponownie",
                                                  "all of them (\(n)) are already in the store — added before; nothing stored again"), issues: issues)
                }
                let n = counted(issues.count, pl: ("błąd", "błędy", "błędów"), en: ("problem", "problems"))
                throw StoreError(.invalid, tr("nic nie zapisano: \(n)", "nothing stored: \(n)"), issues: issues)
            }
            for p in records { try Self.insert(p, who: who, at: time, db) }
            return records.map(\.id)
        }
    }

    static func insert(_ p: Postulate, who: String, at time: String, _ db: Database) throws {
        let extra = p.extra.filter { !Postulate.typedFields.contains($0.0) }
        try db.execute(sql: """
            INSERT INTO postulates (id, year, meeting, organisation, text, justification, response, respondent, themes, extra, added_by, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [p.id, p.year, p.meeting, p.organisation, p.text, p.justification, p.response, p.respondent,
                             JSONValue.array(p.themes.map { .string($0) }).jsonText, JSONValue.object(extra).jsonText, who, time])
        try db.execute(sql: "INSERT INTO audit (at, who, action, postulate_id, before, after) VALUES (?, ?, 'add', ?, NULL, ?)",
                       arguments: [time, who, p.id, p.jsonLine])
    }

    /// How many postulates the store holds.
    public func count() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM postulates") ?? 0 }
    }

    /// Every postulate with its review, in the order they were added.
    public func all() throws(StoreError) -> [StoredPostulate] {
        try read { db in
            let reviews = try Self.reviews(db, id: nil)
            return try Row.fetchAll(db, sql: "SELECT * FROM postulates ORDER BY seq").map { row in
                let p = try Self.record(row)
                return StoredPostulate(record: p, review: reviews[p.id])
            }
        }
    }

    /// One postulate with its review, or nil.
    public func postulate(_ id: String) throws(StoreError) -> StoredPostulate? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM postulates WHERE id = ?", arguments: [id]) else { return nil }
            return StoredPostulate(record: try Self.record(row), review: try Self.reviews(db, id: id)[id])
        }
    }

    static func record(_ row: Row) throws -> Postulate {
        var p = Postulate(id: row["id"], year: row["year"], meeting: row["meeting"], organisation: row["organisation"],
                          text: row["text"], justification: row["justification"], response: row["response"],
                          respondent: row["respondent"])
        p.themes = try JSONValue.parse(row["themes"]).arrayValue?.compactMap(\.stringValue) ?? []
        p.extra = try JSONValue.parse(row["extra"]).objectValue ?? []
        return p
    }

    static func reviews(_ db: Database, id: String?) throws -> [String: Review] {
        let filter = id == nil ? "" : " WHERE postulate_id = ?"
        let args: StatementArguments = id.map { [$0] } ?? []
        var links: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT postulate_id, other_id FROM same_as\(filter) ORDER BY postulate_id, other_id", arguments: args) {
            links[row["postulate_id"], default: []].append(row["other_id"])
        }
        var out: [String: Review] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM reviews\(filter)", arguments: args) {
            let pid: String = row["postulate_id"]
            let themes: String? = row["themes"]
            out[pid] = Review(themes: try themes.map { try JSONValue.parse($0).arrayValue?.compactMap(\.stringValue) ?? [] },
                              sameAs: links[pid] ?? [], response: row["response"], stance: row["stance"], note: row["note"],
                              reviewer: row["reviewer"], reviewedAt: row["reviewed_at"])
        }
        return out
    }

    // MARK: reviews

    /// Applies a review change to postulate `id` in one transaction (the review, its links and the audit entry),
    /// after checking theme codes against the taxonomy, the stance against the closed set and that every linked id
    /// is another postulate of the store. Returns the stored review.
    @discardableResult
    public func review(_ id: String, _ change: ReviewChange, who: String) throws(StoreError) -> Review {
        if case .set(let themes) = change.themes {
            var seen = Set<String>()
            for t in themes {
                if let taxonomy, !taxonomy.contains(t) {
                    throw StoreError(.invalid, tr("themes: kod tematu „\(t)” nie występuje w taksonomii (dozwolone: \(taxonomy.codes.joined(separator: ", ")))",
                                                  "themes: theme code \"\(t)\" is not in the taxonomy (allowed: \(taxonomy.codes.joined(separator: ", ")))"), field: "themes")
                }
                if !seen.insert(t).inserted {
                    throw StoreError(.invalid, tr("themes: kod tematu „\(t)” podany dwa razy", "themes: theme code \"\(t)\" given twice"), field: "themes")
                }
            }
        }
        // Every review is kept twice (the review and its audit entry) and shown on pages: a pasted document is a mistake.
        for (key, part) in [("response", change.response), ("note", change.note)] {
            if case .set(let s) = part, s.count > ReviewChange.maxCharacters {
                throw StoreError(.invalid, tr("pole „\(key)”: \(s.count) znaków, a najwyżej \(ReviewChange.maxCharacters)",
                                              "field \"\(key)\": \(s.count) characters, at most \(ReviewChange.maxCharacters)"), field: key)
            }
        }
        if case .set(let s) = change.stance, ResponseStance(rawValue: s) == nil {
            let list = ResponseStance.allCases.map(\.rawValue).joined(separator: ", ")
            throw StoreError(.invalid, tr("stance: „\(s)” nie jest dozwolonym stanowiskiem (\(list))", "stance: \"\(s)\" is not an allowed stance (\(list))"), field: "stance")
        }
        let time = Self.now()
        return try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM postulates WHERE id = ?", arguments: [id]) == true else {
                throw StoreError(.unknownID, tr("nie ma postulatu o identyfikatorze „\(id.prefix(200))”", "no postulate has the id \"\(id.prefix(200))\""))
            }
            // A change that names no field would only add an audit entry that says nothing.
            guard change != ReviewChange() else {
                throw StoreError(.invalid, tr("recenzja niczego nie zmienia: podaj co najmniej jedno z pól themes, same_as, response, stance, note",
                                              "the review changes nothing: give at least one of the fields themes, same_as, response, stance, note"))
            }
            let old = try Self.reviews(db, id: id)[id]
            let new = change.applied(to: old, reviewer: who, at: time)
            var links = Set<String>()
            for other in new.sameAs {
                guard other != id else {
                    throw StoreError(.invalid, tr("same_as: postulat nie może powtarzać samego siebie", "same_as: a postulate cannot repeat itself"), field: "same_as")
                }
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM postulates WHERE id = ?", arguments: [other]) == true else {
                    throw StoreError(.invalid, tr("same_as: nie ma postulatu „\(other.prefix(200))”", "same_as: no postulate \"\(other.prefix(200))\""), field: "same_as")
                }
                links.insert(other)
            }
            var stored = new
            stored.sameAs = links.sorted()
            // The same decision sent again (a double submit, a reload of the form's post) changes nothing: no write,
            // no audit entry, and the review keeps who made it and when.
            if let old, old.sameDecision(as: stored) { return old }
            try db.execute(sql: """
                INSERT INTO reviews (postulate_id, themes, response, stance, note, reviewer, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(postulate_id) DO UPDATE SET themes = excluded.themes, response = excluded.response,
                    stance = excluded.stance, note = excluded.note, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at
                """, arguments: [id, stored.themes.map { JSONValue.array($0.map { .string($0) }).jsonText }, stored.response,
                                 stored.stance, stored.note, who, time])
            try db.execute(sql: "DELETE FROM same_as WHERE postulate_id = ?", arguments: [id])
            for other in stored.sameAs {
                try db.execute(sql: "INSERT INTO same_as (postulate_id, other_id) VALUES (?, ?)", arguments: [id, other])
            }
            try db.execute(sql: "INSERT INTO audit (at, who, action, postulate_id, before, after) VALUES (?, ?, 'review', ?, ?, ?)",
                           arguments: [time, who, id, old?.json.jsonText, stored.json.jsonText])
            return stored
        }
    }

    /// The audit entries of postulate `id`, oldest first (nil: no such postulate).
    public func history(_ id: String) throws(StoreError) -> [AuditEntry]? {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM postulates WHERE id = ?", arguments: [id]) == true else { return nil }
            return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE postulate_id = ? ORDER BY seq", arguments: [id]).map { row in
                let before: String? = row["before"]
                return AuditEntry(seq: row["seq"], at: row["at"], who: row["who"], action: row["action"], postulateID: row["postulate_id"],
                                  before: try before.map { try JSONValue.parse($0) }, after: try JSONValue.parse(row["after"]))
            }
        }
    }

    // MARK: export, backup

    /// The whole store as JSONL in the corpus format, reviewed fields applied, in the order added.
    public func exportJSONL() throws(StoreError) -> [UInt8] {
        CorpusWriter.jsonl(try all().map(\.reviewed))
    }

    /// Before a file is replaced by a copy: SQLite would replay the old file's `-wal` onto the new one (a corrupt
    /// store, or the old changes mixed into the restored ones). A `-wal` holding changes is refused — the store it
    /// belongs to was not closed (a killed service) and those changes are only there; an empty one and the `-shm`
    /// are removed (a closed store's leftovers).
    static func clearSidecars(of destination: String) throws(StoreError) {
        let wal = destination + "-wal", shm = destination + "-shm"
        let fm = FileManager.default
        if let size = (try? fm.attributesOfItem(atPath: wal))?[.size] as? NSNumber, size.intValue > 0 {
            throw StoreError(.database, tr("\(wal): zmiany, których nie ma jeszcze w \(destination) (magazyn nie został zamknięty — przerwany serwis?); przenieś \(destination), \(wal) i \(shm) razem w bezpieczne miejsce i powtórz — nic nie zmieniono",
                                           "\(wal): changes not yet in \(destination) (the store was not closed — an interrupted service?); move \(destination), \(wal) and \(shm) aside together and try again; nothing was changed"))
        }
        for sidecar in [wal, shm] where fm.fileExists(atPath: sidecar) {
            do { try fm.removeItem(atPath: sidecar) } catch {
                throw StoreError(.database, "\(sidecar): \(tr("nie można usunąć", "cannot remove")) (\(error.localizedDescription))")
            }
        }
    }

    /// Copies the store to `destination` with SQLite's online backup API: a consistent snapshot even while the
    /// service writes (the copy is made beside the destination and renamed onto it, so a half copy is never seen).
    public func backup(to destination: String) throws(StoreError) {
        try Self.clearSidecars(of: destination)
        let temp = destination + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try? FileManager.default.removeItem(atPath: temp)
            do {
                let target = try DatabaseQueue(path: temp)
                try pool.backup(to: target)
                // The copy keeps the store's WAL mode, so even reading it (`store check` of a backup) would leave
                // `-wal` and `-shm` beside it: a backup is one self-contained file (a restored store is put back in
                // WAL mode when it is opened for writing).
                try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try target.close()
            }
            guard rename(temp, destination) == 0 else {
                throw StoreError(.database, "\(destination): \(systemErrorText(errno))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw Self.failure(destination, error)
        }
    }
}
