import Corpus

/// Why the store refused something; the message names the store file (and the record or field where there is one).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file's schema was written by a newer postulaty (migrations this build does not know).
        case newerSchema
        /// The file is not there (commands other than `import` and `serve` never create a store).
        case missing
        /// Records or a review failed validation: nothing was stored.
        case invalid
        /// No postulate with that id.
        case unknownID
        /// An id already in the store.
        case duplicateID
        /// SQLite said no (I/O, a damaged file, a lock held too long).
        case database
    }
    public var kind: Kind
    public var message: String
    /// Validation problems, each naming file, line and field (kind `.invalid`).
    public var issues: [CorpusIssue]
    /// The one field a refused review names (`themes`, `stance`, `same_as`, …), for an API client to point at.
    public var field: String?

    public init(_ kind: Kind, _ message: String, issues: [CorpusIssue] = [], field: String? = nil) {
        self.kind = kind; self.message = message; self.issues = issues; self.field = field
    }

    public var description: String {
        issues.isEmpty ? message : ([message] + issues.map(\.description)).joined(separator: "\n")
    }
}
