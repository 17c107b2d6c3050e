/// Counts one document's feature keys while the vectoriser is fitted: its distinct key ids in first-seen order,
/// each with its tf summed over the fields in field order (weight · tf(count in the field)), as
/// `TfidfVectorizer.Scratch.addField` sums them.
///
/// Why marks instead of sorting: the fit reorders every document by feature id afterwards anyway, so the order of
/// a document's keys does not matter here, only their counts. A mark per key id (the field and document it was
/// last seen in, and where its count is) finds repeats in one load each; sorting each field's keys first was the
/// largest single cost of the fit.
final class KeyCounter {
    private struct Mark {
        var field: Int32     // epoch of the field the key was last seen in
        var fieldSlot: Int32
        var document: Int32  // epoch of the document the key was last seen in
        var documentSlot: Int32
    }
    private var marks = UnsafeMutablePointer<Mark>.allocate(capacity: 1024)
    private var markCount = 0, markCapacity = 1024
    private var fieldEpoch: Int32 = 0, documentEpoch: Int32 = 0
    /// Epochs restart (their marks cleared) when they reach this: 2³¹ − 1 in use, small in a test of the restart.
    private let epochLimit: Int32

    /// The current document's distinct keys and their tf (`count` of them).
    private(set) var keys = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    private(set) var tf = UnsafeMutablePointer<Double>.allocate(capacity: 64)
    private(set) var count = 0
    private var capacity = 64
    /// One field's distinct keys and their counts.
    private var fieldKeys = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    private var fieldCounts = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    private var fieldCapacity = 64

    init(epochLimit: Int32 = .max) { self.epochLimit = epochLimit }
    deinit {
        marks.deallocate(); keys.deallocate(); tf.deallocate(); fieldKeys.deallocate(); fieldCounts.deallocate()
    }

    /// Makes room for key ids up to `keyCount − 1` (new keys are unmarked).
    @inline(__always) func reserve(keys keyCount: Int) {
        guard keyCount > markCount else { return }
        if keyCount > markCapacity {
            let c = max(keyCount, 2 * markCapacity)
            let grown = UnsafeMutablePointer<Mark>.allocate(capacity: c)
            grown.update(from: marks, count: markCount)
            marks.deallocate()
            marks = grown
            markCapacity = c
        }
        (marks + markCount).initialize(repeating: Mark(field: 0, fieldSlot: 0, document: 0, documentSlot: 0),
                                       count: keyCount - markCount)
        markCount = keyCount
    }

    func startDocument() {
        count = 0
        if documentEpoch >= epochLimit {
            for k in 0..<markCount { marks[k].document = 0 }
            documentEpoch = 0
        }
        documentEpoch += 1
    }

    /// Adds one field's key ids `raw[0..<m]` with its weight.
    func addField(_ raw: UnsafePointer<Int32>, _ m: Int, weight: Double, tf tfOf: TFTable) {
        guard m > 0 else { return }
        if fieldEpoch >= epochLimit {
            // (Only the field marks: the document's own stay valid mid-document.)
            for k in 0..<markCount { marks[k].field = 0 }
            fieldEpoch = 0
        }
        fieldEpoch += 1
        if m > fieldCapacity {
            fieldKeys.deallocate(); fieldCounts.deallocate()
            fieldCapacity = max(m, 2 * fieldCapacity)
            fieldKeys = .allocate(capacity: fieldCapacity); fieldCounts = .allocate(capacity: fieldCapacity)
        }
        let epoch = fieldEpoch
        var distinct = 0
        for i in 0..<m {
            let k = Int(raw[i])
            if marks[k].field != epoch {
                marks[k].field = epoch
                marks[k].fieldSlot = Int32(distinct)
                fieldKeys[distinct] = Int32(k)
                fieldCounts[distinct] = 1
                distinct += 1
            } else {
                fieldCounts[Int(marks[k].fieldSlot)] += 1
            }
        }
        if count + distinct > capacity {
            let c = max(count + distinct, 2 * capacity)
            let newKeys = UnsafeMutablePointer<Int32>.allocate(capacity: c), newTF = UnsafeMutablePointer<Double>.allocate(capacity: c)
            newKeys.update(from: keys, count: count); newTF.update(from: tf, count: count)
            keys.deallocate(); tf.deallocate()
            keys = newKeys; tf = newTF
            capacity = c
        }
        let document = documentEpoch
        for p in 0..<distinct {
            let k = Int(fieldKeys[p])
            let w = weight * tfOf[Int(fieldCounts[p])]
            if marks[k].document != document {
                marks[k].document = document
                marks[k].documentSlot = Int32(count)
                keys[count] = Int32(k)
                tf[count] = w
                count += 1
            } else {
                let slot = Int(marks[k].documentSlot)
                tf[slot] = tf[slot] + w
            }
        }
    }
}
