import Foundation

/// Reads a whole UTF-8 text file, or standard input for nil or "-", with an error naming the file when it cannot.
enum TextInput {
    static func read(_ path: String?) throws -> String {
        let data: Data
        let name = path ?? "stdin"
        if let path, path != "-" {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw ToolError("\(path): cannot read the file (missing or not readable)")
            }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidLine(data)
            throw ToolError("\(name): line \(line): not valid UTF-8")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// 1-based number of the first line holding invalid UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        return data.withUnsafeBytes { raw -> Int in
            let b = raw.bindMemory(to: UInt8.self)
            var result = 1
            LineSplitter.forEachLine(b) { l in
                if result == 1, String(validatingUTF8Bytes: l) == nil { result = line; return }
                line += 1
            }
            return result
        }
    }
}
