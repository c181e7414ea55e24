extension UnsafeMutablePointer {
    /// Moves the first `count` elements into a new block of at least `minimum` elements (doubling from
    /// `capacity`), frees this block, sets `capacity` and returns the new block: the growth step shared by the
    /// raw buffers of the reader, its read-ahead batches and the writer, which avoid `Array` on the hot path.
    func grown(keeping count: Int, toHold minimum: Int, capacity: inout Int) -> UnsafeMutablePointer<Pointee> {
        var bigger = Swift.max(capacity * 2, 1)
        while bigger < minimum { bigger *= 2 }
        let block = UnsafeMutablePointer<Pointee>.allocate(capacity: bigger)
        block.moveInitialize(from: self, count: count)
        deallocate()
        capacity = bigger
        return block
    }
}
