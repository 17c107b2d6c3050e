import Corpus
import Foundation

/// One file of a report folder.
public struct ReportFile: Sendable {
    public var name: String
    public var contents: String
}

/// Renders a report folder (index.html, report.md, the CSV tables, columns.md, the chart SVGs) and writes it.
public enum Report {
    /// Every file of the report, in a fixed order; pure (no I/O), so tests can compare bytes.
    static func render(_ data: ReportData, language: ReportLanguage = .pl, limits: ReportLimits = ReportLimits(),
                              csv: CSVOptions = ReportCSV.spreadsheet) -> [ReportFile] {
        render(ReportAnalysis(data, language: language, limits: limits, csv: csv))
    }

    static func render(_ analysis: ReportAnalysis) -> [ReportFile] {
        let tables = analysis.tables()
        var files = [ReportFile(name: "index.html", contents: HTMLRenderer(analysis: analysis, tables: tables).render()),
                     ReportFile(name: "report.md", contents: MarkdownRenderer(analysis: analysis, tables: tables).render())]
        for t in tables { files.append(ReportFile(name: t.file, contents: t.csv(analysis.csv))) }
        files.append(ReportFile(name: "columns.md", contents: analysis.columnsDocument(tables)))
        for (name, svg) in analysis.chartFiles() {
            files.append(ReportFile(name: name, contents: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n"))
        }
        return files
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
