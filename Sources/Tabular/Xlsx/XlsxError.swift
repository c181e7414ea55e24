import CXlsxWriter

/// A failure while building or saving an XLSX workbook, naming the sheet, cell, range or chart it concerns.
///
/// Every `lxw_error` that libxlsxwriter returns becomes one of these, and so do the Excel limits Kedja checks
/// itself before calling the library (sheet names, cell text length, row and column limits), so a caller can
/// spill to a new sheet or report a clear message instead of finding a corrupt or silently truncated file.
public struct XlsxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Which failure: a libxlsxwriter `lxw_error` value, or one of Kedja's own checks (raw values from 1000).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The `lxw_error` number, or a Kedja code of 1000 and above.
        public let rawValue: Int

        /// Wraps a raw code.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        init(_ libraryError: lxw_error) {
            self.rawValue = Int(libraryError.rawValue)
        }

        /// libxlsxwriter could not allocate memory.
        public static let outOfMemory = Code(LXW_ERROR_MEMORY_MALLOC_FAILED)
        /// The output file could not be created (missing folder, no permission).
        public static let cannotCreateFile = Code(LXW_ERROR_CREATING_XLSX_FILE)
        /// A temporary file could not be created or read while assembling the workbook.
        public static let temporaryFile = Code(LXW_ERROR_CREATING_TMPFILE)
        /// The library does not support this in the current mode (e.g. tables in constant-memory mode).
        public static let featureNotSupported = Code(LXW_ERROR_FEATURE_NOT_SUPPORTED)
        /// An argument broke one of Excel's rules (see the error's detail).
        public static let invalidParameter = Code(LXW_ERROR_PARAMETER_VALIDATION)
        /// A sheet name is longer than Excel's 31 characters.
        public static let sheetNameTooLong = Code(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED)
        /// A sheet name contains one of `[ ] : * ? / \` or is otherwise not allowed by Excel.
        public static let invalidSheetName = Code(LXW_ERROR_INVALID_SHEETNAME_CHARACTER)
        /// A sheet name starts or ends with an apostrophe.
        public static let sheetNameApostrophe = Code(LXW_ERROR_SHEETNAME_START_END_APOSTROPHE)
        /// Another sheet already has this name (Excel compares names case-insensitively).
        public static let sheetNameInUse = Code(LXW_ERROR_SHEETNAME_ALREADY_USED)
        /// A text is longer than the field allows (32 characters, e.g. a validation title).
        public static let textLongerThan32 = Code(LXW_ERROR_32_STRING_LENGTH_EXCEEDED)
        /// A text is longer than the field allows (128 characters).
        public static let textLongerThan128 = Code(LXW_ERROR_128_STRING_LENGTH_EXCEEDED)
        /// A text is longer than the field allows (255 characters: header/footer, list validation, property).
        public static let textLongerThan255 = Code(LXW_ERROR_255_STRING_LENGTH_EXCEEDED)
        /// A cell's text is longer than Excel's 32,767 characters; split or spill it.
        public static let cellTextTooLong = Code(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        /// A row or column is outside the sheet (1,048,576 rows × 16,384 columns); spill to another sheet.
        public static let indexOutOfRange = Code(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)

        /// The workbook was already closed (saved); nothing more can be added to it.
        public static let workbookClosed = Code(rawValue: 1000)
        /// In constant-memory mode a row was written after a later row had been started.
        public static let rowOutOfOrder = Code(rawValue: 1001)

        /// The libxlsxwriter constant name for library codes, or Kedja's name for its own.
        public var description: String {
            switch self {
            case .workbookClosed: return "workbookClosed"
            case .rowOutOfOrder: return "rowOutOfOrder"
            default: return "lxw_error \(rawValue)"
            }
        }

        /// Whether this code comes from libxlsxwriter (and so has an `lxw_strerror` text).
        var isLibraryCode: Bool {
            rawValue > 0 && rawValue < Int(LXW_MAX_ERRNO.rawValue)
        }
    }

    /// Which failure this is.
    public let code: Code
    /// What the failure concerns, e.g. `sheet 'Risk register', cell B7` or `workbook Reports/plan.xlsx`.
    public let subject: String
    /// What went wrong and, where there is one, what the caller can do about it.
    public let detail: String
    /// libxlsxwriter's own text for the code (`lxw_strerror`), when the code is one of the library's.
    public let libraryMessage: String?
    /// The `errno` a failed save left (e.g. `ENOSPC`), when there was one.
    public var systemError: Int32?
    /// Whether saving the file failed (`Workbook.close()`): a file-system failure to report about the destination
    /// the user named (``OutputError/init(savingWorkbookAt:_:)``), not about the workbook's content.
    public var isSaveFailure = false

    /// Creates an error; the library's text is looked up from the code.
    public init(_ code: Code, subject: String, detail: String) {
        self.code = code
        self.subject = subject
        self.detail = detail
        if code.isLibraryCode, let text = lxw_strerror(lxw_error(rawValue: UInt32(code.rawValue))) {
            self.libraryMessage = String(cString: text)
        } else {
            self.libraryMessage = nil
        }
    }

    public var description: String {
        guard let libraryMessage, libraryMessage != detail else {
            return "\(subject): \(detail)"
        }
        return "\(subject): \(detail) (libxlsxwriter: \(libraryMessage))"
    }
}

extension XlsxError {
    /// Turns a libxlsxwriter return code into a thrown error; the one place every `lxw_error` passes through.
    ///
    /// - Parameters:
    ///   - result: what the C call returned.
    ///   - subject: what the call concerned, built only when the call failed.
    ///   - detail: extra explanation; the library's own text is used when this is nil.
    static func check(
        _ result: lxw_error, _ subject: @autoclosure () -> String, detail: @autoclosure () -> String? = nil
    ) throws {
        guard result != LXW_NO_ERROR else { return }
        let code = Code(result)
        let libraryText = lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error \(code.rawValue)"
        throw XlsxError(code, subject: subject(), detail: detail() ?? libraryText)
    }
}

extension XlsxError: ExitStatusReporting {
    public var exitStatus: ExitStatus { .cannotCreateOutput }
}
