import Foundation

/// One theme of the taxonomy: a stable code for programs, labels and a description for people.
public struct Theme: Sendable, Equatable {
    public var code: String
    public var labelPL: String
    public var labelEN: String
    public var descriptionPL: String
    public var descriptionEN: String

    public init(code: String, labelPL: String, labelEN: String, descriptionPL: String = "", descriptionEN: String = "") {
        self.code = code; self.labelPL = labelPL; self.labelEN = labelEN
        self.descriptionPL = descriptionPL; self.descriptionEN = descriptionEN
    }
}

/// The theme codes a corpus may use (`Models/taxonomy.json`), in the file's order. Analysts add themes by
/// editing the file and retraining; nothing else in the code lists them.
public struct Taxonomy: Sendable, Equatable {
    public static let defaultPath = "Models/taxonomy.json"
    public static let formatName = "postulaty-taxonomy"

    public var themes: [Theme]

    public init(themes: [Theme]) { self.themes = themes }

    public var codes: [String] { themes.map(\.code) }
    public func contains(_ code: String) -> Bool { themes.contains { $0.code == code } }
    public func theme(_ code: String) -> Theme? { themes.first { $0.code == code } }
    /// The Polish label, or the code itself when the taxonomy does not know it.
    public func labelPL(_ code: String) -> String { theme(code)?.labelPL ?? code }

    /// Loads a taxonomy file; errors name the file and the theme (by position) and field at fault.
    public static func load(path: String = defaultPath) throws -> Taxonomy {
        // WholeFile, not FileManager: a folder, FIFO or device named as the taxonomy is refused, never waited on.
        let bytes = try WholeFile.read(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CorpusError(.encoding, file: path, tr("plik nie jest w UTF-8", "the file is not UTF-8"))
        }
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch {
            throw CorpusError(.syntax, file: path, tr("niepoprawny JSON: \(error)", "invalid JSON: \(error)"))
        }
        return try parse(root, file: path)
    }

    static func parse(_ root: JSONValue, file: String) throws -> Taxonomy {
        if let f = root["format"]?.stringValue, f != formatName {
            throw CorpusError(.syntax, file: file, field: "format",
                              tr("to nie jest plik taksonomii (format „\(f)”)", "not a taxonomy file (format \"\(f)\")"))
        }
        guard let list = root["themes"]?.arrayValue else {
            throw CorpusError(.syntax, file: file, field: "themes", tr("brak listy tematów", "missing list of themes"))
        }
        var themes: [Theme] = []
        for (i, t) in list.enumerated() {
            func field(_ name: String, required: Bool) throws -> String {
                if let s = t[name]?.stringValue, !s.isEmpty || !required { return s }
                if !required, t[name] == nil { return "" }
                throw CorpusError(.syntax, file: file, field: "themes[\(i)].\(name)", tr("brak tekstu", "missing text"))
            }
            let code = try field("code", required: true)
            guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw CorpusError(.syntax, file: file, field: "themes[\(i)].code",
                                  tr("kod „\(code)”: tylko litery ASCII, cyfry, _ i -", "code \"\(code)\": ASCII letters, digits, _ and - only"))
            }
            if themes.contains(where: { $0.code == code }) {
                throw CorpusError(.syntax, file: file, field: "themes[\(i)].code", tr("kod „\(code)” powtórzony", "code \"\(code)\" repeated"))
            }
            themes.append(Theme(code: code, labelPL: try field("label_pl", required: true),
                                labelEN: try field("label_en", required: true),
                                descriptionPL: try field("description_pl", required: false),
                                descriptionEN: try field("description_en", required: false)))
        }
        return Taxonomy(themes: themes)
    }

    /// The file's JSON (what `Models/taxonomy.json` holds), one theme a line for readable diffs.
    public var jsonText: String {
        var s = "{\"format\":\"\(Taxonomy.formatName)\",\"version\":1,\"themes\":[\n"
        s += themes.map { t in
            JSONValue.object([("code", .string(t.code)), ("label_pl", .string(t.labelPL)), ("label_en", .string(t.labelEN)),
                              ("description_pl", .string(t.descriptionPL)), ("description_en", .string(t.descriptionEN))]).jsonText
        }.joined(separator: ",\n")
        return s + "\n]}\n"
    }
}
