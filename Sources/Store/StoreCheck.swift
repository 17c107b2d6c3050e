import Corpus
import GRDB

/// What `store check` finds: SQLite's own integrity check, the foreign keys, and the store's own rules — every
/// postulate has its `add` audit entry and every review equals the `after` of its last `review` entry (a review
/// written without its audit entry, or the reverse, would be a half-applied change).
public struct StoreCheckResult: Sendable {
    public var postulates = 0
    public var reviews = 0
    public var auditEntries = 0
    public var schema: [String] = []
    public var problems: [String] = []
    public var isOK: Bool { problems.isEmpty }
}

extension ReviewStore {
    public func check() throws(StoreError) -> StoreCheckResult {
        try read { db in
            var r = StoreCheckResult()
            r.schema = try StoreSchema.migrator.completedMigrations(db)
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                r.problems.append("integrity_check: \(line)")
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], parent: String = row[2]
                r.problems.append(tr("klucz obcy: wiersz tabeli \(table) wskazuje na brakujący wiersz tabeli \(parent)",
                                     "foreign key: a row of \(table) points to a missing row of \(parent)"))
            }
            r.postulates = try Int.fetchOne(db, sql: "SELECT count(*) FROM postulates") ?? 0
            r.reviews = try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews") ?? 0
            r.auditEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            for id in try String.fetchAll(db, sql: """
                SELECT id FROM postulates p WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.postulate_id = p.id AND a.action = 'add')
                ORDER BY seq
                """) {
                r.problems.append(tr("postulat „\(id)” nie ma wpisu dodania w dzienniku", "postulate \"\(id)\" has no add entry in the audit trail"))
            }
            let reviews = try Self.reviews(db, id: nil)
            let last = try Row.fetchAll(db, sql: """
                SELECT postulate_id, after FROM audit WHERE seq IN (SELECT max(seq) FROM audit WHERE action = 'review' GROUP BY postulate_id)
                """)
            var logged: [String: String] = [:]
            for row in last { logged[row["postulate_id"]] = row["after"] }
            for (id, review) in reviews.sorted(by: { $0.key < $1.key }) where logged[id] != review.json.jsonText {
                r.problems.append(tr("recenzja postulatu „\(id)” nie zgadza się z ostatnim wpisem dziennika", "the review of \"\(id)\" differs from its last audit entry"))
            }
            for id in logged.keys.sorted() where reviews[id] == nil {
                r.problems.append(tr("dziennik ma recenzję postulatu „\(id)”, magazyn jej nie ma", "the audit trail has a review of \"\(id)\" the store lacks"))
            }
            return r
        }
    }

    /// The store's ids in the order added (to compare with a similarity index).
    public func ids() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM postulates ORDER BY seq") }
    }
}
