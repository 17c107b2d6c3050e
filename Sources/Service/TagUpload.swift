import Corpus
import Foundation
import Themes

/// An uploaded file to tag (the body of `POST /api/tag`, or the file or text of the `/tag` form), tagged as
/// `postulaty tag` tags a file: `TagInput` reads it, `TagRun` tags it, `TagOutputWriter` writes JSONL for JSONL or
/// plain text, CSV for CSV. A record that cannot be read makes the whole upload a 400 naming every bad record as the
/// CLI does (`upload.csv:3: pole „year”: …`); nothing is returned half-tagged.
public struct TagUpload: Sendable {
    public var bytes: [UInt8]
    public var kind: TagInput.Kind
    /// The name errors use (the uploaded file's own name, else `upload.jsonl`/`upload.csv`/`upload.txt`).
    public var name: String
    /// How a CSV answer is written (the API: as `postulaty tag` writes it; the form: as the sheet came).
    public var csvOptions = CSVOptions()

    public struct Output: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
        public var fileName: String
        public var records: Int
    }

    public init(bytes: [UInt8], kind: TagInput.Kind, name: String? = nil) {
        self.bytes = bytes
        self.kind = kind
        let fallback = "upload." + (kind == .csv ? "csv" : kind == .text ? "txt" : "jsonl")
        self.name = name.map(Self.safeName) ?? fallback
        if self.name.isEmpty { self.name = fallback }
    }

    /// The kind for a media type (`application/x-ndjson`, `text/csv`, `text/plain`…); nil for any other.
    public static func kind(mediaType: String) -> TagInput.Kind? {
        let type = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines", "application/json":
            return .jsonl
        case "text/csv", "application/csv": return .csv
        case "text/plain": return .text
        default: return nil
        }
    }

    /// The dialect of an uploaded sheet, for the file the form gives back: a header line split by `;` (what a
    /// Polish-locale spreadsheet writes) comes back with `;` and a byte-order mark, so the same spreadsheet opens it
    /// in columns; a byte-order mark is kept.
    public static func sheetDialect(_ bytes: [UInt8]) -> CSVOptions {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let header = bytes.dropFirst(bom ? 3 : 0).prefix { $0 != 0x0A }
        let semicolons = header.filter { $0 == UInt8(ascii: ";") }.count, commas = header.filter { $0 == UInt8(ascii: ",") }.count
        return semicolons > commas ? CSVOptions(delimiter: ";", byteOrderMark: true) : CSVOptions(delimiter: ",", byteOrderMark: bom)
    }

    /// A file name as a browser sends it, reduced to its last component and harmless characters.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        // spaces become "_" ("wnioski łódź 2026.csv" → "wnioski_łódź_2026.csv"), quotes and the like are left out
        let spaced = last.unicodeScalars.map { $0.properties.isWhitespace ? "_" : $0 }
        let kept = spaced.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0) }
        return String(String.UnicodeScalarView(kept.prefix(100))).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    func run(tagger: Tagger) throws -> Output {
        guard !bytes.isEmpty else {
            throw ServiceError(.badRequest, name + ": " + tr("brak postulatów do oznaczenia (puste wejście)", "no postulates to tag (empty input)"))
        }
        // TagInput reads files (the CLI's own reader, chunked): the upload goes through a private file.
        return try PrivateUploadFile.with(bytes, name: name) { path, named in
            let input: TagInput
            do { input = try TagInput(path: path, kind: kind, readFields: tagger.model.vectorizer.configuration.fields.map(\.field)) } catch {
                throw ServiceError(.badRequest, named("\(error)"))
            }
            let format: CorpusFormat = kind == .csv ? .csv : .jsonl
            var writer = TagOutputWriter(format: format, csvOptions: csvOptions)
            var out: [UInt8] = []
            var bad: [String] = []
            let tagged = TagRun.run(input, tagger: tagger, writer: &writer, bad: { bad.append(named($0.message)) }) { out += $0 }
            if !bad.isEmpty {
                var lines = Array(bad.prefix(BadRecords.listed))
                if bad.count > BadRecords.listed {
                    lines.append(tr("… i \(bad.count - BadRecords.listed) więcej", "… and \(bad.count - BadRecords.listed) more"))
                }
                lines.append(tr("\(counted(bad.count, pl: ("błędny rekord", "błędne rekordy", "błędnych rekordów"), en: ("bad record", "bad records"))) (poprawnych: \(tagged)); popraw plik i wyślij go ponownie",
                                "\(counted(bad.count, pl: ("błędny rekord", "błędne rekordy", "błędnych rekordów"), en: ("bad record", "bad records"))) (good: \(tagged)); correct the file and send it again"))
                throw ServiceError(.badRequest, lines.joined(separator: "\n"))
            }
            if tagged == 0 {
                throw ServiceError(.badRequest, name + ": " + tr("brak postulatów do oznaczenia (puste wejście)", "no postulates to tag (empty input)"))
            }
            out += writer.flush()
            let base = (name as NSString).deletingPathExtension
            return Output(bytes: out, contentType: format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
                          fileName: (base.isEmpty ? "upload" : base) + "-tagged." + (format == .csv ? "csv" : "jsonl"), records: tagged)
        }
    }
}
