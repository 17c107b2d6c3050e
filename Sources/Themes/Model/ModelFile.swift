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
        var variant: NaiveBayesVariant
        var alpha: Double
        var scorer: LinearScorer
        var platt: [PlattScaling]
        var temperature: TemperatureScaling?
        var thresholds: [Double]
        var maxLabels: Int
        var fallbackRatio: Double
        var training: TrainingSummary
    }

    public static func encode(_ model: ThemeModel) throws -> Data {
        let header = Header(format: ThemeModel.formatName, version: ThemeModel.formatVersion,
                            analyzerHash: model.analyzer.hash, analyzer: model.analyzer, labelField: model.labelField,
                            mode: model.mode, labels: model.labels)
        let body = Body(taxonomy: model.taxonomy, vectorizer: model.vectorizer, variant: model.variant,
                        alpha: model.alpha, scorer: model.scorer, platt: model.platt, temperature: model.temperature,
                        thresholds: model.thresholds, maxLabels: model.maxLabels, fallbackRatio: model.fallbackRatio,
                        training: model.training)
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
    public static func decode(_ data: Data, source: String = "model", analyzer: AnalyzerConfiguration? = nil) throws -> ThemeModel {
        guard let newline = data.firstIndex(of: 0x0A) else {
            throw ThemesError.invalidModel("\(source): no header line")
        }
        let decoder = JSONDecoder()
        let header: Header
        do { header = try decoder.decode(Header.self, from: data[data.startIndex..<newline]) } catch {
            throw ThemesError.invalidModel("\(source): line 1 is not a postulaty model header")
        }
        guard header.format == ThemeModel.formatName else {
            throw ThemesError.invalidModel("\(source): format \(header.format), expected \(ThemeModel.formatName)")
        }
        guard header.version == ThemeModel.formatVersion else {
            throw ThemesError.invalidModel("\(source): format version \(header.version), this tool reads version \(ThemeModel.formatVersion)")
        }
        guard header.analyzerHash == header.analyzer.hash else {
            throw ThemesError.invalidModel("\(source): the header's analyzer hash does not match its analyzer configuration")
        }
        if let analyzer, analyzer.hash != header.analyzerHash || analyzer != header.analyzer {
            var diffs = header.analyzer.differences(from: analyzer)
            if diffs.isEmpty { diffs = ["hash: \(header.analyzerHash) vs \(analyzer.hash)"] }
            throw ThemesError.analyzerMismatch(diffs)
        }
        let body: Body
        do { body = try decoder.decode(Body.self, from: data[(newline + 1)...]) } catch let e as ThemesError {
            throw ThemesError.invalidModel("\(source): \(e.description)")
        } catch {
            throw ThemesError.invalidModel("\(source): the model body cannot be read (\(error))")
        }
        let L = header.labels.count, V = body.vectorizer.featureCount
        guard body.scorer.labelCount == L, body.scorer.featureCount == V, body.scorer.weights.count == L * V,
              body.scorer.bias.count == L else {
            throw ThemesError.invalidModel("\(source): weight matrix does not match \(L) labels × \(V) features")
        }
        switch header.mode {
        case .multiLabel:
            guard body.platt.count == L, body.thresholds.count == L else {
                throw ThemesError.invalidModel("\(source): calibration or thresholds missing for some labels")
            }
        case .singleLabel:
            guard body.temperature != nil else { throw ThemesError.invalidModel("\(source): single-label model without temperature") }
        }
        return ThemeModel(analyzer: header.analyzer, labelField: header.labelField, mode: header.mode,
                          labels: header.labels, taxonomy: body.taxonomy, vectorizer: body.vectorizer,
                          variant: body.variant, alpha: body.alpha, scorer: body.scorer, platt: body.platt,
                          temperature: body.temperature, thresholds: body.thresholds,
                          maxLabels: body.maxLabels, fallbackRatio: body.fallbackRatio, training: body.training)
    }

    /// Reads a model file, refusing it when `analyzer` differs from the one it was trained with.
    public static func load(path: String, analyzer: AnalyzerConfiguration? = nil) throws -> ThemeModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemesError.invalidModel("\(path): cannot read the model file (missing or not readable); train one with `postulaty train`")
        }
        return try decode(data, source: path, analyzer: analyzer)
    }

    /// Writes the model through Corpus's `AtomicFile` (temporary file, then rename), so a failed write never
    /// leaves a half-written model.
    public static func save(_ model: ThemeModel, path: String) throws {
        try AtomicFile.write([UInt8](try encode(model)), to: path)
    }
}
