import Foundation
import XCTest
@testable import PolishText

/// The analyzer on the installed lexicon, made once for the test process (loading it takes a while), and the skip
/// for a machine without the lexicon. Shared by the tests of names, identifiers and term labels.
enum RealLexiconAnalyzer {
    static func skipUnlessInstalled() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else {
            throw XCTSkip("the Morfologik dictionary is not installed (apt-get install libmorfologik-stemming-java)")
        }
    }

    nonisolated(unsafe) static var shared: Analyzer?
    static func analyzer() throws -> Analyzer {
        if let a = shared { return a }
        let a = try Analyzer(lemmatizer: try MorphologyLemmatizerTests.lemmatizer())
        shared = a
        return a
    }
}
