import Corpus

/// Errors a clerk or a script can act on: each names the file and what is wrong with it.
public enum SimilarityError: Error, CustomStringConvertible, Equatable {
    case notAnIndex(path: String)
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    case corrupted(path: String, reason: String)
    case analyzerMismatch(path: String, differences: [String])
    case duplicateID(String)
    case unknownID(String)
    case io(path: String, reason: String)

    public var description: String {
        let rebuild = tr("zbuduj go ponownie poleceniem `postulaty index build`", "rebuild it with `postulaty index build`")
        switch self {
        case .notAnIndex(let path):
            return "\(path): " + tr("to nie jest indeks podobieństwa (inne bajty na początku pliku)",
                                    "not a similarity index (bad magic bytes)")
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path): " + tr("indeks w formacie w wersji \(found), a ten program czyta wersję \(supported); ",
                                    "index format version \(found) is not supported (this tool reads version \(supported)); ") + rebuild
        case .corrupted(let path, let reason):
            return "\(path): " + tr("indeks jest uszkodzony: \(reason); ", "corrupted index: \(reason); ") + rebuild
        case .analyzerMismatch(let path, let differences):
            let list = differences.joined(separator: "; ")
            return "\(path): " + tr("indeks zbudowano z innym analizatorem (\(list)); ",
                                    "the index was built with a different analyzer (\(list)); ") + rebuild
        case .duplicateID(let id):
            return tr("identyfikator postulatu „\(id)” powtórzony (w indeksie identyfikatory muszą być niepowtarzalne)",
                      "duplicate postulate id \"\(id)\" (ids must be unique in an index)")
        case .unknownID(let id):
            return tr("w indeksie nie ma postulatu o identyfikatorze „\(id)”", "no postulate with id \"\(id)\" in the index")
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
