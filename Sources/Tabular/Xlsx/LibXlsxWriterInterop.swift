import CXlsxWriter

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The small conversions every call into libxlsxwriter needs, kept in one place.
enum LXW {
    /// Converts one of libxlsxwriter's option enums to the `uint8_t` its setters take.
    ///
    /// C enums arrive in Swift as `UInt32`-backed structs while the setters (`format_set_align`,
    /// `lxw_data_validation.validate`, …) take `uint8_t`. Every option enum in libxlsxwriter has fewer
    /// than 256 values, so the narrowing never drops bits; doing it here keeps the casts out of the callers.
    static func byte<Option: RawRepresentable>(_ option: Option) -> UInt8 where Option.RawValue == UInt32 {
        UInt8(truncatingIfNeeded: option.rawValue)
    }

    /// libxlsxwriter's `LXW_TRUE`/`LXW_FALSE` as the `uint8_t` its structs hold.
    static func flag(_ value: Bool) -> UInt8 {
        value ? 1 : 0
    }

    /// Calls `body` with C copies of `strings`, freed afterwards.
    ///
    /// Option structs hold `char *` fields that must stay valid for the whole call; nesting `withCString`
    /// closures does not scale to arrays, so this duplicates each string once and frees them all after `body`.
    static func withCStrings<Result>(
        _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>]) throws -> Result
    ) throws -> Result {
        var copies: [UnsafeMutablePointer<CChar>] = []
        copies.reserveCapacity(strings.count)
        defer { copies.forEach { free($0) } }
        for string in strings {
            guard let copy = strdup(string) else {
                throw XlsxError(
                    .outOfMemory, subject: "workbook", detail: "out of memory copying a text for libxlsxwriter")
            }
            copies.append(copy)
        }
        return try body(copies)
    }

    /// Calls `body` with a C copy of `string`, or nil when `string` is nil.
    static func withOptionalCString<Result>(
        _ string: String?, _ body: (UnsafeMutablePointer<CChar>?) throws -> Result
    ) throws -> Result {
        guard let string else { return try body(nil) }
        return try withCStrings([string]) { try body($0.first) }
    }

    /// Runs `body`, with standard error sent to `/dev/null` while it runs when `hidden`, and returns its result with
    /// the `errno` it left.
    ///
    /// libxlsxwriter prints `[ERROR]` lines of its own, naming its temporary files, for failures it also returns
    /// as codes; the command line reports those itself, naming the destination. The redirection is process-wide,
    /// so only a program that prints nothing else meanwhile (the command line while saving) asks for it.
    static func quietly(hidden: Bool, _ body: () -> lxw_error) -> (result: lxw_error, errno: Int32) {
        guard hidden else {
            let result = body()
            return (result, errno)
        }
        fflush(nil)
        let saved = dup(2)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        if saved >= 0, null >= 0 { dup2(null, 2) }
        errno = 0
        let result = body()
        let error = errno
        fflush(nil)
        if saved >= 0, null >= 0 { dup2(saved, 2) }
        if saved >= 0 { close(saved) }
        if null >= 0 { close(null) }
        return (result, error)
    }

    /// Excel's colour value for libxlsxwriter, where 0 means "no colour" and black is `LXW_COLOR_BLACK`.
    static func color(_ color: XlsxColor) -> lxw_color_t {
        color.rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : color.rgb
    }
}
