#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense ids for distinct byte strings, looked up straight from a field's bytes.
///
/// The tagger meets the same few thousand supplier ids, descriptions and codes a million times over.
/// A `Dictionary<[UInt8], Int>` would allocate an array per lookup and hash it byte by byte; this
/// table hashes the bytes where they lie, eight at a time, and keeps every key in one arena, so a
/// lookup allocates nothing and a hit costs one hash, one probe and one `memcmp`. Ids count from 0 in
/// insertion order, so callers keep what they know about a key in plain arrays indexed by the id; any
/// fixed-size value's bytes (`withUnsafeBytes(of:)`) make a key as well as a field's.
public struct ByteKeyIndex: Sendable {
    /// One key: part of its hash, its id, and where its bytes are in the arena. Slots hold entries
    /// themselves, so a probe reads one slot and then the key's bytes, and nothing in between.
    private struct Entry: Sendable {
        /// The upper half of the key's hash, compared before the bytes.
        var hashTag: UInt32
        /// The key's id + 1; 0 marks an empty slot.
        var idPlusOne: UInt32
        var start: UInt32
        var length: UInt32

        static let empty = Entry(hashTag: 0, idPlusOne: 0, start: 0, length: 0)
    }

    /// The key bytes, one after another.
    private var arena: [UInt8] = []
    /// Per id, the slot entry of the key (for `key(_:)` and growing).
    private var entries: [Entry] = []
    /// Open addressing with linear probing; the slot count is a power of two, at least twice the keys.
    private var slots: [Entry]

    /// Creates an empty index with room for about `capacity` keys before it grows.
    public init(capacity: Int = 64) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = Array(repeating: .empty, count: slotCount)
    }

    /// The number of distinct keys.
    public var count: Int { entries.count }

    /// The bytes all keys take together, for callers that bound the index's memory.
    public var keyByteCount: Int { arena.count }

    /// The id of `key`, or nil when it was never inserted.
    public func id(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        find(key, hash: Self.hash(key)).id
    }

    /// The id of `key`, inserting it with the next id when it is new.
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let hash = Self.hash(key)
        let (found, slot) = find(key, hash: hash)
        if let found { return (found, false) }
        let id = entries.count
        precondition(
            arena.count + key.count <= Int(UInt32.max) && id < Int(UInt32.max),
            "a byte key index holds up to 4 GB of keys")
        let entry = Entry(
            hashTag: UInt32(truncatingIfNeeded: hash >> 32), idPlusOne: UInt32(id + 1),
            start: UInt32(arena.count), length: UInt32(key.count))
        entries.append(entry)
        arena.append(contentsOf: key)
        slots[slot] = entry
        if entries.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The key of an id, as inserted.
    public func key(_ id: Int) -> [UInt8] {
        let start = Int(entries[id].start)
        return Array(arena[start..<(start + Int(entries[id].length))])
    }

    /// Forgets every key, keeping the memory for reuse; ids start again from 0.
    public mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = .empty }
    }

    /// The id stored for `key` if any, and the slot where the probe ended (the key's slot or an empty one).
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let entry = slots[slot]
                    if entry.idPlusOne == 0 { return (nil, slot) }
                    if entry.hashTag == tag, Int(entry.length) == key.count {
                        let start = Int(entry.start)
                        if Self.equal(key, UnsafeBufferPointer(rebasing: arena[start..<(start + key.count)])) {
                            return (Int(entry.idPlusOne) - 1, slot)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        var bigger = [Entry](repeating: .empty, count: slots.count * 2)
        let mask = bigger.count - 1
        arena.withUnsafeBufferPointer { arena in
            for entry in entries {
                let start = Int(entry.start)
                let hash = Self.hash(UnsafeBufferPointer(rebasing: arena[start..<(start + Int(entry.length))]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while bigger[slot].idPlusOne != 0 { slot = (slot + 1) & mask }
                bigger[slot] = entry
            }
        }
        slots = bigger
    }

    private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard lhs.count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }

    /// A 64-bit hash of the bytes, eight at a time: multiply-and-fold mixing, good enough to spread
    /// field values over the slots (the table compares keys in full, so collisions cost time, never answers).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* multiplier
            hash ^= hash >> 29
        }
        hash = (hash ^ (hash >> 32)) &* multiplier
        return hash ^ (hash >> 29)
    }
}
