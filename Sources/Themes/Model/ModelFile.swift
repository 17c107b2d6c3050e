import Corpus
import Foundation
import PolishText

/// The model file: line 1 is a one-line JSON header (format, version, analyzer configuration and hash, label field,
/// mode, labels), then the body as pretty-printed JSON with sorted keys. Documented in docs/themes.md.
///
/// Why a separate header: a reader can refuse a wrong format, version or analyzer after one line, and say why,
/// before decoding megabytes of weights. Why sorted keys and no dates: the same data and configuration give the
/// same bytes.
public enum ModelFile {
    struct Header: Codable {
        var format: String
        var version: Int
        var analyzerHash: String
        var analyzer: AnalyzerConfiguration
        var labelField: String
        var mode: LabelMode
        var labels: [String]
    }

    struct Body: Codable {
        var taxonomy: [ThemeDescription]
        var vectorizer: TfidfVectorizer
        var variant: ClassifierKind
        var alpha: Double
        var scorer: LinearScorer
        var platt: [PlattScaling]
        var temperature: TemperatureScaling?
        var thresholds: [Double]
        var maxLabels: Int
        var fallbackRatio: Double
        var training: TrainingSummary
        /// Absent in version 1 (and in models without a support gate, which are still written as version 1).
        var support: EvidenceSupport?
    }

    public static func encode(_ model: ThemeModel) throws -> Data {
        // A model with a support gate is version 2: a version-1 reader would ignore the gate and tag differently,
        // so it must refuse the file instead. Without one, the bytes stay those of version 1.
        let header = Header(format: ThemeModel.formatName,
                            version: model.support == nil ? ThemeModel.formatVersionWithoutSupport : ThemeModel.formatVersion,
                            analyzerHash: model.analyzer.hash, analyzer: model.analyzer, labelField: model.labelField,
                            mode: model.mode, labels: model.labels)
        let body = Body(taxonomy: model.taxonomy, vectorizer: model.vectorizer, variant: model.variant,
                        alpha: model.alpha, scorer: model.scorer, platt: model.platt, temperature: model.temperature,
                        thresholds: model.thresholds, maxLabels: model.maxLabels, fallbackRatio: model.fallbackRatio,
                        training: model.training, support: model.support)
        let compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try compact.encode(header)
        data.append(0x0A)
        data.append(try pretty.encode(body))
        data.append(0x0A)
        return data
    }

    /// Decodes a model; with `analyzer`, first refuses a model trained with a different analyzer configuration.
    /// Every refusal is `ThemesError.modelFile(path: source, problem:)`: a plain sentence naming the file (never a
    /// decoder's dump).
    public static func decode(_ data: Data, source: String = "model", analyzer: AnalyzerConfiguration? = nil) throws -> ThemeModel {
        func fail(_ problem: ModelFileProblem) -> ThemesError { .modelFile(path: source, problem: problem) }
        guard !data.isEmpty else { throw fail(.empty) }
        guard let newline = data.firstIndex(of: 0x0A) else {
            throw fail(looksLikeHeaderStart(data) ? .damaged(tr("urwany w pierwszym wierszu", "cut short in its first line"))
                                                  : .notAModel(tr("brak nagłówka modelu w pierwszym wierszu", "no model header on line 1")))
        }
        let decoder = JSONDecoder()
        let header: Header
        do { header = try decoder.decode(Header.self, from: data[data.startIndex..<newline]) } catch {
            let format = (try? decoder.decode(FormatOnly.self, from: data[data.startIndex..<newline]))?.format
            if let format, format != ThemeModel.formatName {
                throw fail(.notAModel(tr("format „\(format)”, a model ma format „\(ThemeModel.formatName)”",
                                         "format \"\(format)\", a model's is \"\(ThemeModel.formatName)\"")))
            }
            if format == ThemeModel.formatName { throw fail(.damaged(tr("nagłówek: ", "header: ") + brief(error))) }
            throw fail(.notAModel(tr("pierwszy wiersz nie jest nagłówkiem modelu", "line 1 is not a model header")))
        }
        guard header.format == ThemeModel.formatName else {
            throw fail(.notAModel(tr("format „\(header.format)”, a model ma format „\(ThemeModel.formatName)”",
                                     "format \"\(header.format)\", a model's is \"\(ThemeModel.formatName)\"")))
        }
        guard (ThemeModel.formatVersionWithoutSupport...ThemeModel.formatVersion).contains(header.version) else {
            throw fail(.unsupportedVersion(header.version))
        }
        guard header.analyzerHash == header.analyzer.hash else {
            throw fail(.damaged(tr("skrót analizatora w nagłówku nie zgadza się z jego ustawieniami",
                                   "the header's analyzer hash does not match its analyzer configuration")))
        }
        if let analyzer, analyzer.hash != header.analyzerHash || analyzer != header.analyzer {
            var diffs = header.analyzer.differences(from: analyzer)
            if diffs.isEmpty { diffs = ["hash: \(header.analyzerHash) vs \(analyzer.hash)"] }
            throw fail(.analyzer(diffs))
        }
        let rest = data[(newline + 1)...]
        guard rest.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw fail(.damaged(tr("urwany po nagłówku: brak wag modelu", "cut short after the header: no model weights")))
        }
        let body: Body
        do { body = try decoder.decode(Body.self, from: rest) } catch let e as ThemesError {
            if case .invalidModel(let m) = e { throw fail(.damaged(m)) }
            throw fail(.damaged(e.description))
        } catch {
            throw fail(.damaged(endsEarly(rest) ? tr("plik kończy się w połowie", "the file ends part-way") : brief(error)))
        }
        let L = header.labels.count, V = body.vectorizer.featureCount
        guard body.scorer.labelCount == L, body.scorer.featureCount == V, body.scorer.weights.count == L * V,
              body.scorer.bias.count == L else {
            throw fail(.damaged(tr("macierz wag nie pasuje do \(L) etykiet × \(V) cech", "weight matrix does not match \(L) labels × \(V) features")))
        }
        if let support = body.support {
            guard header.version >= 2, header.mode == .multiLabel, support.baseRate.count == L,
                  support.labelDocumentFrequency.count == L * V, support.prior > 0, (0...1).contains(support.minimum),
                  support.dominantShare > 0, support.dominantShare <= 1,
                  support.labelDocumentFrequency.allSatisfy({ $0 >= 0 }) else {
                throw fail(.damaged(tr("bramka swoistości nie pasuje do \(L) etykiet × \(V) cech",
                                       "the support gate does not match \(L) labels × \(V) features")))
            }
        }
        switch header.mode {
        case .multiLabel:
            guard body.platt.count == L, body.thresholds.count == L else {
                throw fail(.damaged(tr("brak kalibracji lub progów części etykiet", "calibration or thresholds missing for some labels")))
            }
        case .singleLabel:
            guard body.temperature != nil else {
                throw fail(.damaged(tr("model jednej etykiety bez temperatury", "single-label model without temperature")))
            }
        }
        return ThemeModel(analyzer: header.analyzer, labelField: header.labelField, mode: header.mode,
                          labels: header.labels, taxonomy: body.taxonomy, vectorizer: body.vectorizer,
                          variant: body.variant, alpha: body.alpha, scorer: body.scorer, platt: body.platt,
                          temperature: body.temperature, thresholds: body.thresholds,
                          maxLabels: body.maxLabels, fallbackRatio: body.fallbackRatio, training: body.training,
                          support: body.support)
    }

    /// Reads a model file, refusing it when `analyzer` differs from the one it was trained with. Only a regular
    /// file is read (a folder, FIFO or device is refused at once, see `WholeFile`); every refusal is a
    /// `ThemesError.modelFile` naming `path`.
    public static func load(path: String, analyzer: AnalyzerConfiguration? = nil) throws -> ThemeModel {
        let bytes: [UInt8]
        do { bytes = try WholeFile.read(path: path) } catch {
            if !FileManager.default.fileExists(atPath: path) { throw ThemesError.modelFile(path: path, problem: .missing) }
            throw ThemesError.modelFile(path: path, problem: .unreadable(error.message))
        }
        return try decode(Data(bytes), source: path, analyzer: analyzer)
    }

    /// Only the header's `format` (to tell another file's JSON from a damaged model header).
    private struct FormatOnly: Decodable { var format: String }

    /// Whether the bytes start as a model header does (`{"analyzer":`), so that a file without a line break is
    /// called cut short rather than foreign.
    private static func looksLikeHeaderStart(_ data: Data) -> Bool {
        data.starts(with: Array("{\"analyzer\":".utf8))
    }

    /// Whether a JSON text stops before its closing brace (the usual sign of a file cut short).
    private static func endsEarly(_ body: Data.SubSequence) -> Bool {
        guard let last = body.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return true }
        return last != UInt8(ascii: "}")
    }

    /// A decoding error in a few words: the field and what is wrong with it, never the decoder's description.
    static func brief(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            var s = ""
            for k in keys {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s
        }
        guard let e = error as? DecodingError else { return tr("niepoprawne dane", "invalid data") }
        switch e {
        case .keyNotFound(let key, let context):
            let p = path(context.codingPath + [key])
            return tr("brak pola „\(p)”", "field \"\(p)\" missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let p = path(context.codingPath)
            return tr("pole „\(p)” ma niewłaściwy typ", "field \"\(p)\" has the wrong type")
        case .dataCorrupted(let context):
            let p = path(context.codingPath)
            return p.isEmpty ? tr("niepoprawny JSON", "invalid JSON") : tr("niepoprawna wartość pola „\(p)”", "invalid value of field \"\(p)\"")
        @unknown default:
            return tr("niepoprawne dane", "invalid data")
        }
    }

    /// Writes the model through Corpus's `AtomicFile` (temporary file, then rename), so a failed write never
    /// leaves a half-written model.
    public static func save(_ model: ThemeModel, path: String) throws {
        try AtomicFile.write([UInt8](try encode(model)), to: path)
    }
}
