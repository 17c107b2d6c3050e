import Corpus
import Foundation

/// An upload handed to the file readers the CLI uses (CSV with quoted line breaks, chunked JSONL): written to a
/// folder of its own (mode 700) under the temporary directory, removed afterwards, and the folder's path taken out
/// of every message again, so an answer names the upload ("upload.csv:3: …"), never the server's disk.
enum PrivateUploadFile {
    /// Calls `body` with the file's path and the function that takes the folder out of a message.
    static func with<T>(_ bytes: [UInt8], name: String, _ body: (_ path: String, _ named: (String) -> String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-serve-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ServiceError(.internalServerError, tr("nie można zapisać pliku tymczasowego", "cannot write a temporary file"))
        }
        return try body(path) { $0.replacingOccurrences(of: folder + "/", with: "") }
    }
}
