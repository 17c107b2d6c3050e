import Corpus
import Foundation
import PolishText
import Similarity
import Themes

/// libFuzzer entry point. One binary, five targets, chosen by `POSTULATY_FUZZ_TARGET` (scripts/fuzz.sh sets it):
///
/// - `jsonl`   — `CorpusStream` over a `.jsonl` file (ByteReader, JSONParser, Postulate(jsonObject:)); every record
///               read must also survive a write-and-read-back unchanged (`jsonLine` is a fixed point);
/// - `csv`     — `CorpusStream` over a `.csv` file (header, delimiter choice, RFC 4180 records, PostulateCSV);
/// - `meeting` — `MeetingImporter.parse(text:fileName:)` on the input as UTF-8 text (the first byte chooses
///               whether the year is given, as `--year` does, or must be found in the text);
/// - `model`   — `ModelFile.decode`; a model it accepts then tags one record (a loader must not accept a
///               file the tagger cannot use);
/// - `index`   — `SimilarityIndex.load(bytes:)` with the trailing checksum recomputed first, so the fuzzer gets
///               past it to the section parser (a checksum is no defence: anyone can recompute it); an index
///               it accepts then answers one query.
///
/// Corpus inputs go through a file (in /dev/shm when there is one) because that is the code path the tool
/// runs: `CorpusStream(path:)`, with its `fopen`/`fread` chunking.
enum Fuzz {
    enum Target: String, CaseIterable { case jsonl, csv, meeting, model, index }

    static let target: Target = {
        let name = ProcessInfo.processInfo.environment["POSTULATY_FUZZ_TARGET"] ?? ""
        guard let t = Target(rawValue: name) else {
            let all = Target.allCases.map(\.rawValue).joined(separator: ", ")
            fputs("postulaty-fuzz: set POSTULATY_FUZZ_TARGET to one of: \(all)\n", stderr)
            exit(2)
        }
        return t
    }()

    static let scratchDirectory: String = {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDir), isDir.boolValue { return "/dev/shm" }
        return NSTemporaryDirectory()
    }()

    static let scratchBase = "\(scratchDirectory)/postulaty-fuzz-\(getpid())"

    /// The analyzer indexes are built with (loaded once: the lexicon takes a second).
    static let analyzer: Analyzer = {
        do { return try DefaultAnalyzer.make() } catch {
            fputs("postulaty-fuzz: cannot load the analyzer (run from the repository root): \(error)\n", stderr)
            exit(2)
        }
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch target {
        case .jsonl: corpus(bytes, ext: "jsonl")
        case .csv: corpus(bytes, ext: "csv")
        case .meeting: meeting(bytes)
        case .model: model(bytes)
        case .index: index(bytes)
        }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
        guard let f = fopen(path, "wb") else { fputs("postulaty-fuzz: cannot write \(path)\n", stderr); exit(2) }
        if bytes.count > 0 { _ = fwrite(bytes.baseAddress, 1, bytes.count, f) }
        fclose(f)
    }

    static func corpus(_ bytes: UnsafeBufferPointer<UInt8>, ext: String) {
        let path = scratchBase + "." + ext
        write(bytes, to: path)
        defer { unlink(path) }
        guard let stream = try? CorpusStream(path: path) else { return }
        // A JSONL stream goes on after a bad line; a CSV stream ends at its first error. Bounded either way.
        var errors = 0
        while errors < 10_000 {
            do {
                guard let p = try stream.next() else { break }
                if ext == "jsonl" { checkRoundTrip(p) }
            } catch {
                errors += 1
            }
        }
    }

    /// A record written as JSONL and read back is written the same way again.
    static func checkRoundTrip(_ p: Postulate) {
        let line = p.jsonLine
        guard let again = try? CorpusReader.record(jsonLine: line) else {
            fputs("postulaty-fuzz: a record's own JSONL line does not read back:\n\(line)\n", stderr)
            abort()
        }
        guard again.jsonLine == line else {
            fputs("postulaty-fuzz: JSONL round trip changed a record:\n\(line)\n\(again.jsonLine)\n", stderr)
            abort()
        }
    }

    static func meeting(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self)
        let importer = MeetingImporter(year: first & 1 == 0 ? nil : 2025)
        _ = try? importer.parse(text: text, fileName: "krakow-2025-06-17-spotkanie.txt")
    }

    static func model(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let model = try? ModelFile.decode(Data(buffer: bytes), source: "fuzz.model") else { return }
        let record = Postulate(id: "1", text: "klub senior kluby seniora dzielnica ścieżka rowerowa zieleń",
                               justification: "bezpieczeństwo pieszych")
        let analyzer = WhitespaceTerms()
        let scratch = ThemeModel.Scratch()
        _ = model.predict(record: record, analyzer: analyzer, scratch: scratch)
    }

    static func index(_ bytes: UnsafeBufferPointer<UInt8>) {
        var copy = Array(bytes)
        if copy.count >= 24 {
            let sum = copy.withUnsafeBytes { IndexChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<($0.count - 8)])) }
            withUnsafeBytes(of: sum.littleEndian) { s in for k in 0..<8 { copy[copy.count - 8 + k] = s[k] } }
        }
        let loaded = copy.withUnsafeBytes { try? SimilarityIndex.load(bytes: $0, path: "fuzz.index", analyzer: analyzer) }
        guard let index = loaded else { return }
        _ = index.similar(to: "kluby seniora w dzielnicy", top: 3)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.run(UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    // Resolve the target (and load the analyzer for `index`) before the first input, not inside it.
    if Fuzz.target == .index { _ = Fuzz.analyzer }
    return 0
}
