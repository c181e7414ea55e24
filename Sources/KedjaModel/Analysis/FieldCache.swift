import Tabular

/// An answer per distinct field value, remembered up to a memory bound: what the tagger asks of free
/// text (which keyword, which country, which evidence text) once per value instead of once per line.
///
/// A ledger repeats the same descriptions and codes over and over, so nearly every line is a hit: one
/// hash of the field's bytes, no decoding. When the remembered keys outgrow the bound (a ledger of
/// all-different descriptions), the cache starts over, so memory stays flat however long the file is;
/// answers never change, only how often they are computed.
struct FieldCache {
    private var keys = ByteKeyIndex()
    private var answers: [Int] = []
    /// The most key bytes, and the most keys, kept before starting over.
    private let maximumKeyBytes: Int
    private let maximumKeys: Int

    /// Creates an empty cache that keeps up to `maximumKeys` field values of `maximumKeyBytes` together.
    init(maximumKeyBytes: Int = 4 << 20, maximumKeys: Int = 1 << 16) {
        self.maximumKeyBytes = maximumKeyBytes
        self.maximumKeys = maximumKeys
    }

    /// The answer remembered for these field bytes, if any.
    func answer(for field: UnsafeBufferPointer<UInt8>) -> Int? {
        keys.id(of: field).map { answers[$0] }
    }

    /// Remembers the answer for field bytes that have none yet.
    mutating func remember(_ answer: Int, for field: UnsafeBufferPointer<UInt8>) {
        if keys.keyByteCount + field.count > maximumKeyBytes || keys.count >= maximumKeys {
            keys.removeAll()
            answers.removeAll(keepingCapacity: true)
        }
        let (id, inserted) = keys.insert(field)
        if inserted {
            answers.append(answer)
        } else {
            answers[id] = answer
        }
    }
}
