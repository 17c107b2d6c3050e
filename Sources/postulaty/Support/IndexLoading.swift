import Similarity

/// The similarity index as the commands read and write it: with the default analyzer (an index built with another
/// one is refused, naming the differing setting). `similar` and every `index` subcommand go through here.
enum IndexLoading {
    /// The index at `path`; a missing, damaged or mismatched file is an error naming it (`SimilarityError`).
    static func load(_ path: String) throws -> SimilarityIndex {
        try SimilarityIndex.load(path: path, analyzer: try Defaults.analyzer())
    }

    /// Writes `index` to `path` (temporary file, then rename).
    static func save(_ index: SimilarityIndex, to path: String) throws {
        try index.save(to: path)
    }
}
