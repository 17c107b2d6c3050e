import GRDB

/// The store's schema as GRDB migrations, one per version, never edited once released (a change is a new
/// migration). GRDB records the applied ones in `grdb_migrations`; a file holding one this build does not know was
/// written by a newer postulaty and is refused (`ReviewStore.open`).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // One row per postulate, the record's typed fields as columns; `themes` a JSON array, `extra` the other
            // fields as a JSON object in source order (so a round trip keeps them). `seq` keeps the adding order.
            try db.execute(sql: """
                CREATE TABLE postulates (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    year INTEGER,
                    meeting TEXT NOT NULL,
                    organisation TEXT NOT NULL,
                    text TEXT NOT NULL,
                    justification TEXT NOT NULL,
                    response TEXT NOT NULL,
                    respondent TEXT NOT NULL,
                    themes TEXT NOT NULL,
                    extra TEXT NOT NULL,
                    added_by TEXT NOT NULL,
                    added_at TEXT NOT NULL
                );
                CREATE TABLE reviews (
                    postulate_id TEXT PRIMARY KEY NOT NULL REFERENCES postulates(id) ON DELETE CASCADE,
                    themes TEXT,
                    response TEXT,
                    stance TEXT,
                    note TEXT,
                    reviewer TEXT NOT NULL,
                    reviewed_at TEXT NOT NULL
                );
                CREATE TABLE same_as (
                    postulate_id TEXT NOT NULL REFERENCES reviews(postulate_id) ON DELETE CASCADE,
                    other_id TEXT NOT NULL REFERENCES postulates(id),
                    PRIMARY KEY (postulate_id, other_id)
                ) WITHOUT ROWID;
                CREATE INDEX same_as_other ON same_as(other_id);
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    who TEXT NOT NULL,
                    action TEXT NOT NULL,
                    postulate_id TEXT NOT NULL REFERENCES postulates(id),
                    before TEXT,
                    after TEXT NOT NULL
                );
                CREATE INDEX audit_postulate ON audit(postulate_id, seq);
                """)
        }
        return m
    }

    /// The migrations this build knows, in order (what `store check` prints as the schema).
    static var versions: [String] { migrator.migrations }
}
