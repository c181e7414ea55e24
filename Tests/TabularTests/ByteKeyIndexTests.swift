import Testing

@testable import Tabular

/// Dense ids for byte strings: insertion order, exact comparison, growth and starting over.
@Suite struct ByteKeyIndexTests {
    static func insert(_ text: String, into index: inout ByteKeyIndex) -> (id: Int, inserted: Bool) {
        Array(text.utf8).withUnsafeBufferPointer { index.insert($0) }
    }

    static func id(_ text: String, in index: ByteKeyIndex) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { index.id(of: $0) }
    }

    @Test func idsCountFromZeroInInsertionOrderAndRepeatsFindTheFirst() {
        var index = ByteKeyIndex()
        #expect(Self.insert("Kaffe AB", into: &index) == (0, true))
        #expect(Self.insert("", into: &index) == (1, true))
        #expect(Self.insert("Kaffe AB", into: &index) == (0, false))
        #expect(Self.id("", in: index) == 1)
        #expect(Self.id("Kaffe A", in: index) == nil, "a prefix is another key")
        #expect(Self.id("Kaffe AB ", in: index) == nil)
        #expect(index.key(0) == Array("Kaffe AB".utf8))
        #expect(index.keyByteCount == 8)
    }

    @Test func keysThatDifferOnlyAfterTheFirstWordOrInOneByteStayApart() {
        var index = ByteKeyIndex(capacity: 2)
        let keys = (0..<5_000).map { "leverantör-\($0 * 7919)-\(String(repeating: "x", count: $0 % 19))" }
        for (position, key) in keys.enumerated() {
            #expect(Self.insert(key, into: &index) == (position, true))
        }
        #expect(index.count == keys.count)
        for (position, key) in keys.enumerated() where position % 97 == 0 {
            #expect(Self.id(key, in: index) == position)
        }
        #expect(Self.id("leverantör-7919-y", in: index) == nil)
    }

    @Test func removingAllStartsTheIdsOver() {
        var index = ByteKeyIndex()
        _ = Self.insert("a", into: &index)
        _ = Self.insert("b", into: &index)
        index.removeAll()
        #expect(index.count == 0)
        #expect(Self.id("a", in: index) == nil)
        #expect(Self.insert("b", into: &index) == (0, true))
    }

    @Test func valuesOfAnyFixedSizeMakeKeysToo() {
        var index = ByteKeyIndex()
        let pairs: [(Int64, Int64)] = [(1, 2), (2, 1), (1, 2), (0, 0)]
        let ids = pairs.map { pair in
            withUnsafeBytes(of: pair) { index.insert($0.assumingMemoryBound(to: UInt8.self)).id }
        }
        #expect(ids == [0, 1, 0, 2])
    }
}
