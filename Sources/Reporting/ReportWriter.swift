import Corpus
import Foundation
import PolishText

/// One file of a report folder.
public struct ReportFile: Sendable {
    public var name: String
    public var contents: String
}

/// Renders a report folder (index.html, report.md, the CSV tables, columns.md, the chart SVGs) and writes it.
public enum Report {
    /// Every file of the report, in a fixed order; pure (no I/O), so tests can compare bytes. `threads`: how many
    /// files are rendered at a time (the bytes do not depend on it).
    static func render(_ data: ReportData, language: ReportLanguage = .pl, limits: ReportLimits = ReportLimits(),
                              csv: CSVOptions = ReportCSV.spreadsheet, threads: Int = 1) -> [ReportFile] {
        render(ReportAnalysis(data, language: language, limits: limits, csv: csv), threads: threads)
    }

    static func render(_ analysis: ReportAnalysis, threads: Int = 1) -> [ReportFile] {
        let tables = analysis.tables(threads: threads)
        // The files depend on the analysis and the tables only, not on each other: on a 100k corpus the two
        // 100k-row CSV tables and the HTML page each take a good part of a second, so they are rendered side by
        // side, each into its own slot, and listed in the fixed order below.
        var parts: [@Sendable () -> [ReportFile]] = tables.map { t in { [ReportFile(name: t.file, contents: t.csv(analysis.csv))] } }
        parts.insert({ [ReportFile(name: "index.html", contents: HTMLRenderer(analysis: analysis, tables: tables).render())] }, at: 0)
        parts.insert({ [ReportFile(name: "report.md", contents: MarkdownRenderer(analysis: analysis, tables: tables).render())] }, at: 1)
        parts.append { [ReportFile(name: "columns.md", contents: analysis.columnsDocument(tables))] }
        parts.append {
            analysis.chartFiles().map { name, svg in
                ReportFile(name: name, contents: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n")
            }
        }
        let all = parts
        // One part per "worker" (block 1): GCD hands the parts to the free cores as they finish, so the large ones
        // need not be placed in advance.
        return ParallelAnalysis.orderedMap(0..<all.count, workers: threads <= 1 ? 1 : all.count, block: 1) { _, i in
            all[i]()
        }.flatMap { $0 }
    }

    /// The files every report has: a folder holding all three is taken for an earlier report, which a new run may
    /// overwrite (its other files are replaced when the new report has them, and left as they are otherwise).
    public static let signatureFiles = ["index.html", "report.md", "columns.md"]

    /// The extensions of the files a report writes (an input with one of them inside the folder could be replaced).
    static let writtenExtensions = [".html", ".md", ".csv", ".svg"]

    /// Checks, before any work, that a report may be written into `directory`: it is missing (it will be created),
    /// empty, or an earlier report (`signatureFiles`); any other folder needs `force`. A path that exists and is not
    /// a folder (a file, FIFO, device) is refused, as is a folder holding one of the run's `inputs` under a name a
    /// report file could take.
    public static func checkFolder(_ directory: String, force: Bool, inputs: [String]) throws(ReportError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw ReportError(tr("\(directory): istnieje i nie jest folderem — raport to folder plików; nic nie zapisano",
                                 "\(directory): exists and is not a folder — a report is a folder of files; nothing written"))
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory) } catch {
            throw ReportError(tr("\(directory): nie można odczytać folderu", "\(directory): cannot read the folder"))
        }
        for name in names where writtenExtensions.contains(where: { name.hasSuffix($0) }) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            for input in inputs where OutputTarget.sameFile(path, input) {
                throw ReportError(tr("\(path): to ten sam plik co wejście \(input) — raport mógłby go zastąpić; wybierz inny folder (-o)",
                                     "\(path): is the same file as the input \(input) — the report could replace it; choose another folder (-o)"))
            }
        }
        let visible = names.filter { !$0.hasPrefix(".") }
        if visible.isEmpty || force || signatureFiles.allSatisfy(names.contains) { return }
        let shown = visible.sorted().prefix(3).joined(separator: ", ") + (visible.count > 3 ? ", …" : "")
        let missing = signatureFiles.filter { !names.contains($0) }.joined(separator: ", ")
        throw ReportError(tr(
            "\(directory): folder nie jest pusty (\(shown)) i nie jest wcześniejszym raportem (brak \(missing)) — nic nie zapisano; wybierz pusty folder albo dodaj --force",
            "\(directory): the folder is not empty (\(shown)) and is not an earlier report (no \(missing)) — nothing written; choose an empty folder or add --force"))
    }

    /// Writes `files` into `directory` (created if missing) as one change (`AtomicFile.writeAll`): every file is
    /// written to a temporary name first, then all are renamed over the old ones with Ctrl-C held back, so an
    /// interrupted or failed run leaves the previous report whole, never half old and half new.
    public static func write(_ files: [ReportFile], to directory: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ReportError(tr("\(directory): istnieje i nie jest folderem", "\(directory): exists and is not a folder")) }
        } else {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw ReportError(tr("\(directory): nie można utworzyć folderu", "\(directory): cannot create the folder"))
            }
        }
        let paths = files.map { (path: directory.hasSuffix("/") ? directory + $0.name : directory + "/" + $0.name, bytes: Array($0.contents.utf8)) }
        do { try AtomicFile.writeAll(paths) } catch {
            throw ReportError(tr("nie zapisano raportu (poprzedni, jeśli był, został bez zmian): \(error)",
                                 "the report was not written (the previous one, if any, is unchanged): \(error)"))
        }
    }
}

/// A report error with a message for the user (names the file).
public struct ReportError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
