import XCTest
@testable import PolishText

/// Thousands groups at the edges of a text: the last group may be the text's last bytes, the first group may be its
/// first; a group of other than three digits is not joined.
final class TokenBoundaryTests: XCTestCase {
    func numbers(_ text: String) throws -> [String] {
        try Tokenizer().tokenize(text).filter { $0.kind == .number }.map { $0.text(in: text) }
    }

    func testGroupsAtTheVeryEndAndStartOfAText() throws {
        XCTAssertEqual(try numbers("kwota 100 000"), ["100 000"])
        XCTAssertEqual(try numbers("100 000"), ["100 000"])
        XCTAssertEqual(try numbers("1 234 567"), ["1 234 567"])
        // With its currency the group is one amount (a money token, issue 15), still whole.
        XCTAssertEqual(try Tokenizer().tokenize("12 345 zł").filter { $0.kind == .money }.map { $0.text(in: "12 345 zł") },
                       ["12 345 zł"])
        XCTAssertEqual(try numbers("12 345 osób"), ["12 345"])
        XCTAssertEqual(try numbers("do 100 000,00"), ["100 000,00"])
    }

    func testOnlyThreeDigitGroupsAfterAShortFirstGroupAreJoined() throws {
        XCTAssertEqual(try numbers("1234 567"), ["1234", "567"])
        XCTAssertEqual(try numbers("100 0000"), ["100", "0000"])
        XCTAssertEqual(try numbers("100 00"), ["100", "00"])
    }
}
