@testable import PolishText
import XCTest

final class FormCacheTests: XCTestCase {
    /// The byte-keyed cache agrees with a Dictionary on many random keys, across growth, and keeps kinds apart.
    func testAgreesWithDictionaryAcrossGrowth() {
        var cache = FormCache(capacity: 4)
        var reference: [String: Int] = [:]
        var rng: UInt64 = 42
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        let letters = Array("abcćdeęłńóśźż".unicodeScalars)
        for i in 0..<5000 {
            let len = Int(next() % 9)
            var s = ""
            for _ in 0..<len { s.unicodeScalars.append(letters[Int(next() % UInt64(letters.count))]) }
            var copy = s
            copy.withUTF8 { b in
                let h = FormCache.hash(b, 0)
                if let v = cache.lookup(b, kind: 0, hash: h) {
                    XCTAssertEqual(v, reference[s], "key \(s)")
                } else {
                    XCTAssertNil(reference[s], "key \(s) lost")
                    cache.insert(b, kind: 0, hash: h, value: i)
                    reference[s] = i
                }
            }
        }
        XCTAssertEqual(cache.count, reference.count)
        XCTAssertNoThrow(try cache.checkInvariants())
        XCTAssertGreaterThan(reference.count, 1000, "growth was exercised")
        var word = "zzzzzzzzzz"
        word.withUTF8 { b in
            XCTAssertNil(cache.lookup(b, kind: 0, hash: FormCache.hash(b, 0)))
            cache.insert(b, kind: 2, hash: FormCache.hash(b, 2), value: 7)
            XCTAssertEqual(cache.lookup(b, kind: 2, hash: FormCache.hash(b, 2)), 7)
            XCTAssertNil(cache.lookup(b, kind: 0, hash: FormCache.hash(b, 0)), "another kind is another key")
        }
        XCTAssertNoThrow(try cache.checkInvariants())
        cache.removeAll()
        XCTAssertNoThrow(try cache.checkInvariants())
    }
}
