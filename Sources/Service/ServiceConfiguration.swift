import Corpus
import Foundation

/// What `postulaty serve` serves and how: the address, the files it loads at start, and the limits it enforces.
/// Paths are resolved by the caller (the CLI's `Defaults`); this type only carries them.
public struct ServiceConfiguration: Sendable {
    /// Loopback unless told otherwise: a staff service is not put on a network by accident.
    public var host = "127.0.0.1"
    /// 0: any free port (the one taken is printed at start).
    public var port = 8080
    /// The corpus files (JSONL or CSV), read under `badRecords`.
    public var corpusFiles: [String]
    public var badRecords: BadRecordPolicy = .fail
    /// The folder holding the analyzer's tables (`DataLocation`).
    public var dataDirectory: String
    public var taxonomyPath: String
    public var themeModelPath: String
    /// Where a reload looks for the theme model when no folder was named (`--models`): `./Models/themes.model` if
    /// it is there now, else the installed one — so `train` (which writes `./Models/`) then a reload serves the
    /// new model even when the service started on the installed one. Nil: always `themeModelPath`.
    public var themeModelForReload: (@Sendable () -> String)?
    /// nil or a missing file: stances only from the records' own `response_stance`.
    public var stanceModelPath: String?
    /// A saved similarity index; nil: built in memory from the corpus at start.
    public var indexPath: String?
    /// The staff review store (`--store`): created from `corpusFiles` on the first start, then the served corpus;
    /// nil: the service only reads.
    public var storePath: String?
    /// The corpus files were named (`--corpus`), not defaulted: with a store that already holds postulates they
    /// are not read, and the start says so.
    public var corpusNamed = false
    /// Why there are no corpus files (no `Corpora/` here): an error only when an empty store needs them.
    public var noCorpus: String?
    /// `name:token` lines (`--tokens`): who may write, and the name a change is attributed to.
    public var tokensPath: String?
    /// The report's title.
    public var reportTitle = "Kraków"

    /// Request bodies larger than this get 413.
    public var maxBodyBytes = 20 << 20
    /// Queries longer than this (in characters) get 400.
    public var maxQueryCharacters = 5_000
    /// The largest `top` a request may ask for.
    public var maxTop = 100
    /// Copies of the index, analyzers and taggers (each used by one request at a time): one per core by default.
    public var replicas = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(corpusFiles: [String], dataDirectory: String, taxonomyPath: String, themeModelPath: String,
                stanceModelPath: String? = nil, indexPath: String? = nil) {
        self.corpusFiles = corpusFiles
        self.dataDirectory = dataDirectory
        self.taxonomyPath = taxonomyPath
        self.themeModelPath = themeModelPath
        self.stanceModelPath = stanceModelPath
        self.indexPath = indexPath
    }
}
