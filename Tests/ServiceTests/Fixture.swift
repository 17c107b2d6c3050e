import Corpus
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Service
import XCTest

/// The engine the route tests share (loading takes seconds in a debug build): the repository's corpus and models,
/// plus one file of hostile records (script tags, quotes, a very long word, RTL and zero-width characters).
enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let hostileID = "x-<script>&\"'"
    static let hostileText = "<script>alert('x')</script> <img src=x onerror=alert(1)> Kluby seniora \u{202E}ytsoc\u{202C} zero\u{200B}width "
        + String(repeating: "w", count: 3000)
    static let hostileOrganisation = "Fundacja \"<b>Pogrubiona</b>\" & \u{200F}שלום\u{200F}"

    static let hostileFile: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-service-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hostile.jsonl").path
        let record = JSONValue.object([
            ("id", .string(hostileID)), ("year", .number("2027")), ("meeting", .string("Spotkanie <i>testowe</i>")),
            ("organisation", .string(hostileOrganisation)), ("text", .string(hostileText)),
            ("justification", .string("</textarea><script>alert(2)</script>")),
            ("response", .string("Odpowiedź <script>alert(3)</script>")), ("respondent", .string("Wydział & <u>")),
            ("themes", .array([.string("seniors")])), ("response_stance", .string("<script>")),
        ])
        FileManager.default.createFile(atPath: path, contents: Data((record.jsonText + "\n").utf8))
        return path
    }()

    static let configuration: ServiceConfiguration = {
        let root = repoRoot.path
        let corpora = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Corpora")) ?? []
        var c = ServiceConfiguration(
            corpusFiles: corpora.filter { $0.hasSuffix(".jsonl") }.sorted().map { root + "/Corpora/" + $0 } + [hostileFile],
            dataDirectory: root + "/Models", taxonomyPath: root + "/Models/taxonomy.json",
            themeModelPath: root + "/Models/themes.model", stanceModelPath: root + "/Models/stance.model")
        c.replicas = 2
        return c
    }()

    static let engine: Result<ServiceEngine, any Error> = {
        MessageLanguage.use(.pl)
        return Result { try ServiceEngine.load(configuration) }
    }()

    static func app() throws -> some ApplicationProtocol {
        Application(router: ServiceApplication.router(try engine.get(), log: RequestLog(sink: { _ in })))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
