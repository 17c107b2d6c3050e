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
    public static func render(_ data: ReportData, language: ReportLanguage = .pl, limits: ReportLimits = ReportLimits(),
                              csv: CSVOptions = ReportCSV.spreadsheet) -> [ReportFile] {
        render(ReportAnalysis(data, language: language, limits: limits, csv: csv))
    }

    public static func render(_ analysis: ReportAnalysis) -> [ReportFile] {
        let tables = analysis.tables()
        var files = [ReportFile(name: "index.html", contents: HTMLRenderer(a: analysis, tables: tables).render()),
                     ReportFile(name: "report.md", contents: MarkdownRenderer(a: analysis, tables: tables).render())]
        for t in tables { files.append(ReportFile(name: t.file, contents: t.csv(analysis.csv))) }
        files.append(ReportFile(name: "columns.md", contents: analysis.columnsDocument(tables)))
        for (name, svg) in analysis.chartFiles() {
            files.append(ReportFile(name: name, contents: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n"))
        }
        return files
    }

    /// Writes `files` into `directory` (created if missing). Each file goes to a temporary name in the same folder
    /// and is then renamed over the old one (`AtomicFile`), so a reader never sees a half-written file and a failed
    /// run leaves the previous report's files whole.
    public static func write(_ files: [ReportFile], to directory: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ReportError("\(directory): exists and is not a folder") }
        } else {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw ReportError("\(directory): cannot create the folder")
            }
        }
        for f in files {
            let path = directory.hasSuffix("/") ? directory + f.name : directory + "/" + f.name
            do { try AtomicFile.write(f.contents, to: path) } catch {
                throw ReportError("\(path): cannot write the file (\(error))")
            }
        }
    }
}

/// A report error with a message for the user (names the file).
public struct ReportError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
