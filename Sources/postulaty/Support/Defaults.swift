import Corpus
import Foundation
import PolishText

/// The embedded defaults. The user's files are relative to the working directory (`Corpora/*.jsonl`, `Models/`,
/// `Reports/`); the analyzer's data comes from the data folder (`DataLocation`), wherever the tool is run from.
enum Defaults {
    static let corporaDirectory = "Corpora"
    /// Training-only records (docs/themes.md, "Training data"): `train` and `eval` read them by default besides
    /// `Corpora/*.jsonl`; nothing else does (report, index, corpus stats read the meeting corpus only).
    static let trainingDirectory = "Corpora/training"
    static let modelsDirectory = "Models"
    static let themeModel = "Models/themes.model"
    static let stanceModel = "Models/stance.model"
    static let taxonomy = "Models/taxonomy.json"
    static let similarityIndex = "Models/similarity.index"
    static let reportsDirectory = "Reports"

    /// `Corpora/*.jsonl`, sorted by name so every run reads them in the same order.
    /// - Throws: when there is no `Corpora/` folder here, an error naming the folder looked in and saying to pass FILES.
    /// `named`: how the command takes files instead (`serve`: `--corpus PLIKI…`).
    static func corpusFiles(named: (pl: String, en: String) = ("PLIKI…", "FILES…")) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corporaDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            let here = FileManager.default.currentDirectoryPath
            throw ToolError(tr("nie znaleziono folderu \(corporaDirectory)/ w bieżącym folderze (\(here)); podaj pliki korpusu: \(named.pl)",
                               "no \(corporaDirectory)/ folder in the working directory (\(here)); pass the corpus \(named.en)"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: corporaDirectory)
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(corporaDirectory)/\($0)" }
    }

    /// `Corpora/training/*.jsonl`, sorted by name; none when the folder is missing.
    static func trainingFiles() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: trainingDirectory, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: trainingDirectory) } catch {
            throw ToolError(tr("\(trainingDirectory): nie można odczytać folderu (\(error.localizedDescription))",
                               "\(trainingDirectory): cannot read the folder (\(error.localizedDescription))"))
        }
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(trainingDirectory)/\($0)" }
    }

    /// The folder holding the analyzer's tables (see `DataLocation`); a one-line error naming every folder tried.
    static func dataDirectory() throws -> String {
        try DataLocation.current.resolve()
    }

    static func analyzer() throws -> Analyzer {
        try DefaultAnalyzer.make(modelsDirectory: try dataDirectory())
    }

    /// The default lemmatiser with the switches a saved model was trained with (see `DefaultAnalyzer.make(matching:)`).
    static func analyzer(matching saved: AnalyzerConfiguration) throws -> Analyzer {
        try DefaultAnalyzer.make(matching: saved, modelsDirectory: try dataDirectory())
    }

    /// The default lemmatiser with a stop-word setting of one's own (nil: none).
    static func analyzer(stopWords: String?) throws -> Analyzer {
        let lemmatizer = try DefaultAnalyzer.lemmatizer(modelsDirectory: try dataDirectory())
        return try Analyzer(lemmatizer: lemmatizer,
                            configuration: AnalyzerConfiguration(lemmatizer: lemmatizer.identifier, stopWords: stopWords))
    }

    /// A file the tool ships with (`themes.model`, `stance.model`, `similarity.index`, `taxonomy.json`), to read
    /// when the user gave no path: the user's own `Models/<name>` in the working directory when it exists, else
    /// the same file in the data folder. Why the user's first: a model trained with `postulaty train` lands in
    /// `./Models/` and must be the one used; the shipped one serves an installed tool run from any folder.
    static func shipped(_ name: String) -> Shipped {
        let local = modelsDirectory + "/" + name
        if FileManager.default.fileExists(atPath: local) { return Shipped(path: local, tried: [local]) }
        let location = DataLocation.current
        var tried = [local]
        if let dir = try? location.resolve() {
            tried.append(dir + "/" + name)
        } else {
            tried += location.candidates.map { $0 + "/" + name }
        }
        var seen = Set<String>()
        tried = tried.filter { seen.insert($0).inserted }
        return Shipped(path: tried.first { FileManager.default.fileExists(atPath: $0) }, tried: tried)
    }

    /// Where a shipped default was looked for and found (nil when nowhere).
    struct Shipped {
        var path: String?
        var tried: [String]

        /// The path found, or an error naming the paths tried and the option that passes one, e.g.
        /// "nie znaleziono modelu: Models/themes.model ani /usr/local/share/postulaty/themes.model; podaj --model PLIK".
        func required(_ what: (pl: String, en: String), option: String) throws -> String {
            if let path { return path }
            let listPL = tried.count > 1 ? tried.dropLast().joined(separator: ", ") + " ani " + tried[tried.count - 1] : tried[0]
            let listEN = tried.count > 1 ? tried.dropLast().joined(separator: ", ") + " or " + tried[tried.count - 1] : tried[0]
            throw ToolError(tr("nie znaleziono \(what.pl): \(listPL); podaj \(option) PLIK",
                               "\(what.en) not found: \(listEN); pass \(option) FILE"))
        }

        /// The path found, else the user's default path (for callers that handle a missing file themselves).
        var orDefault: String { path ?? tried[0] }
    }

    /// A writer's default output (`Models/themes.model`, `Models/similarity.index`) goes to `./Models/` of the
    /// working directory, which is made when missing (as `report` makes `Reports/`), never to the data folder.
    /// Call just before writing, so a run that fails earlier leaves no folder behind. Other paths are returned as
    /// given: the folder of an explicit path is not made (a mistyped path must not create folders).
    /// True for the default outputs whose folder (`Models/`) `preparingOutput` creates just before writing.
    static func madeBeforeWriting(_ path: String) -> Bool {
        path == themeModel || path == stanceModel || path == similarityIndex
    }

    static func preparingOutput(_ path: String) throws -> String {
        guard madeBeforeWriting(path) else { return path }
        do { try FileManager.default.createDirectory(atPath: modelsDirectory, withIntermediateDirectories: true) } catch {
            throw ToolError(tr("\(modelsDirectory): nie można utworzyć folderu (\(error.localizedDescription))",
                               "\(modelsDirectory): cannot create the folder (\(error.localizedDescription))"))
        }
        return path
    }

    static func themeModel(_ explicit: String?) throws -> String {
        try explicit ?? shipped("themes.model").required(("modelu", "model"), option: "--model")
    }

    static func similarityIndex(_ explicit: String?) throws -> String {
        try explicit ?? shipped("similarity.index").required(("indeksu", "index"), option: "--index")
    }
}
