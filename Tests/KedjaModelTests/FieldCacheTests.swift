import Testing

@testable import KedjaModel

/// Answers remembered per field value, within a memory bound.
@Suite struct FieldCacheTests {
    static func answer(_ text: String, in cache: FieldCache) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { cache.answer(for: $0) }
    }

    static func remember(_ answer: Int, for text: String, in cache: inout FieldCache) {
        Array(text.utf8).withUnsafeBufferPointer { cache.remember(answer, for: $0) }
    }

    @Test func remembersAnswersPerExactBytes() {
        var cache = FieldCache()
        Self.remember(7, for: "Kaffe", in: &cache)
        Self.remember(-1, for: "kaffe", in: &cache)
        #expect(Self.answer("Kaffe", in: cache) == 7)
        #expect(Self.answer("kaffe", in: cache) == -1)
        #expect(Self.answer("Kaffe ", in: cache) == nil)
        Self.remember(8, for: "Kaffe", in: &cache)
        #expect(Self.answer("Kaffe", in: cache) == 8, "a second answer replaces the first")
    }

    @Test func startsOverWhenTheKeysOutgrowTheBound() {
        var cache = FieldCache(maximumKeyBytes: 64, maximumKeys: 4)
        for number in 0..<4 { Self.remember(number, for: "field \(number)", in: &cache) }
        #expect(Self.answer("field 0", in: cache) == 0)
        Self.remember(4, for: "field 4", in: &cache)
        #expect(Self.answer("field 0", in: cache) == nil, "the fifth key starts the cache over")
        #expect(Self.answer("field 4", in: cache) == 4)
        Self.remember(9, for: String(repeating: "x", count: 70), in: &cache)
        #expect(Self.answer("field 4", in: cache) == nil, "too many bytes start it over too")
        #expect(Self.answer(String(repeating: "x", count: 70), in: cache) == 9)
    }
}
