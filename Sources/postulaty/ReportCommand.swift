import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'report' is not implemented yet") }
}
