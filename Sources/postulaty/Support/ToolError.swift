import Foundation

/// An error the tool reports to the user as one clear line (and exit status 1), never a crash.
struct ToolError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Writes a line to stderr (progress and diagnostics never mix into stdout); never traps, even on a full or
/// closed stderr.
func printError(_ s: String) {
    StandardError.write(s + "\n")
}
