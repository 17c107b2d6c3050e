import Foundation

/// Text from a meeting summary file. PDFs go through poppler's `pdftotext` in its default reading-order mode:
/// that mode writes a table cell by cell (what `MeetingImporter` parses); `-layout` would put the columns side
/// by side on each line instead.
enum PDFText {
    static var unreadable: String {
        tr("nie można odczytać pliku (brak pliku lub brak uprawnień)", "cannot read the file (missing, or no permission)")
    }

    static func readUTF8(path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(.io, file: path, unreadable)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CorpusError(.encoding, file: path, tr("plik nie jest tekstem UTF-8", "the file is not UTF-8 text"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The pdftotext executable on PATH, or nil.
    static func findTool(_ name: String = "pdftotext") -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func extract(path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CorpusError(.io, file: path, unreadable)
        }
        guard let tool = findTool() else {
            throw CorpusError(.io, file: path,
                              tr("do odczytu PDF potrzebny jest program pdftotext (Debian/Ubuntu: apt-get install poppler-utils); można też podać plik .txt",
                                 "reading a PDF needs the pdftotext program (Debian/Ubuntu: apt-get install poppler-utils); a .txt file can be given instead"))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-enc", "UTF-8", "-eol", "unix", path, "-"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch {
            throw CorpusError(.io, file: path, tr("nie można uruchomić pdftotext: \(error)", "cannot run pdftotext: \(error)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let msg = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CorpusError(.io, file: path, tr("pdftotext zakończył się błędem (\(p.terminationStatus)): \(msg)",
                                                  "pdftotext failed (\(p.terminationStatus)): \(msg)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(.encoding, file: path, tr("pdftotext zwrócił tekst, który nie jest UTF-8", "pdftotext returned text that is not UTF-8"))
        }
        return text
    }
}
