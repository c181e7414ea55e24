import Foundation
import ZIPFoundation

/// The ZIP side of an XLSX file: finds parts by name and streams them through the XML scanner,
/// enforcing the size and compression-ratio limits while the entry inflates.
///
/// Nothing is extracted to disk or held whole in memory: ZIPFoundation hands over inflated chunks,
/// the scanner turns them into tokens, and the caller's handler sees each token once.
final class XlsxPackage {
    /// The workbook's path, for error messages.
    let path: String
    private let url: URL
    private let limits: XlsxLimits
    /// The archive the parts are read through. ZIPFoundation reads with one file position per
    /// archive, so a scan that starts while another is running opens an archive of its own.
    private let archive: Archive
    private var isScanning = false
    /// File entries by lower-cased part name: OPC part names compare case-insensitively.
    private let entries: [String: Entry]

    /// How many inflated bytes each chunk carries.
    private static let chunkBytes = 64 * 1024

    /// Opens the archive and indexes its entries.
    init(url: URL, limits: XlsxLimits) throws(XlsxReadError) {
        path = url.path
        self.url = url
        self.limits = limits
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw XlsxReadError(path: url.path, reason: .fileUnreadable("no such file"))
        }
        guard !isDirectory.boolValue else {
            throw XlsxReadError(path: url.path, reason: .fileUnreadable("it is a folder"))
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw XlsxReadError(path: url.path, reason: .fileUnreadable("permission denied"))
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XlsxReadError(path: url.path, reason: .notAZipArchive)
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let key = entry.path.lowercased()
            guard entries[key] == nil else { throw XlsxReadError(path: url.path, reason: .duplicateEntry(entry.path)) }
            entries[key] = entry
        }
        self.entries = entries
    }

    /// Whether the archive holds the part `name` (e.g. `xl/workbook.xml`).
    func contains(_ name: String) -> Bool {
        entries[name.lowercased()] != nil
    }

    /// Streams the XML of part `name` through `handle`, one token at a time; `handle` reads the
    /// token's name, attributes or text from the scanner it is given. (The scanner is passed
    /// `inout` only so that it is not copied per token; handlers read it and never mutate it.)
    ///
    /// Errors thrown by `handle` propagate unchanged; ZIP and XML problems become `XlsxReadError`s
    /// that name `sheet` when one is being read.
    func scanXML(
        _ name: String, sheet: String? = nil,
        _ handle: (XlsxXMLScanner.Token, inout XlsxXMLScanner) throws -> Void
    ) throws {
        guard let entry = entries[name.lowercased()] else {
            throw XlsxReadError(path: path, sheet: sheet, reason: .missingPart(name))
        }
        try checkDeclaredSize(of: entry, name: name, sheet: sheet)
        let archive = isScanning ? try reopenedArchive(sheet: sheet) : self.archive
        let wasScanning = isScanning
        isScanning = true
        defer { isScanning = wasScanning }
        var scanner = XlsxXMLScanner()
        var inflatedBytes: UInt64 = 0
        let compressedBytes = max(entry.compressedSize, 1)
        do {
            let checksum = try archive.extract(entry, bufferSize: Self.chunkBytes) { chunk in
                inflatedBytes += UInt64(chunk.count)
                try checkInflated(inflatedBytes, compressed: compressedBytes, name: name, sheet: sheet)
                try scanner.append(chunk)
                while let token = try scanner.next() {
                    do {
                        try handle(token, &scanner)
                    } catch let error as XlsxXMLSyntaxError {
                        throw error
                    } catch {
                        throw HandlerError(underlying: error)
                    }
                }
            }
            try scanner.finish()
            // ZIPFoundation computes the checksum but leaves the comparison to the caller. A zero
            // stored checksum means an unreadable data descriptor: nothing to compare against.
            if entry.checksum != 0, checksum != entry.checksum {
                throw XlsxReadError(
                    path: path, sheet: sheet, reason: .corruptEntry(entry: name, detail: "checksum mismatch"))
            }
        } catch let error as HandlerError {
            throw error.underlying
        } catch let error as XlsxReadError {
            throw error
        } catch let error as XlsxXMLSyntaxError {
            throw XlsxReadError(path: path, sheet: sheet, reason: .malformedXML(entry: name, detail: error.detail))
        } catch {
            // Anything else comes from ZIPFoundation: a checksum mismatch or corrupt deflate data.
            throw XlsxReadError(path: path, sheet: sheet, reason: .corruptEntry(entry: name, detail: "\(error)"))
        }
    }

    /// A second handle on the same file, for a scan nested in another (e.g. a row handler that
    /// reads another sheet); entries found through the first archive are valid in it.
    private func reopenedArchive(sheet: String?) throws(XlsxReadError) -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw XlsxReadError(
                path: path, sheet: sheet, reason: .fileUnreadable("it can no longer be read as a ZIP archive"))
        }
    }

    /// Carries an error thrown by the handler through the extraction untouched.
    private struct HandlerError: Error {
        let underlying: any Error
    }

    /// Rejects an entry whose central-directory sizes already break a limit, before inflating it.
    private func checkDeclaredSize(of entry: Entry, name: String, sheet: String?) throws(XlsxReadError) {
        if entry.uncompressedSize > limits.maxEntryBytes {
            throw XlsxReadError(
                path: path, sheet: sheet, reason: .entryTooLarge(entry: name, limit: limits.maxEntryBytes))
        }
        try checkInflated(entry.uncompressedSize, compressed: max(entry.compressedSize, 1), name: name, sheet: sheet)
    }

    /// Checks the bytes inflated so far: the declared sizes of a hostile archive may lie.
    private func checkInflated(
        _ inflated: UInt64, compressed: UInt64, name: String, sheet: String?
    ) throws(XlsxReadError) {
        if inflated > limits.maxEntryBytes {
            throw XlsxReadError(
                path: path, sheet: sheet, reason: .entryTooLarge(entry: name, limit: limits.maxEntryBytes))
        }
        if inflated > limits.compressionRatioThreshold,
            Double(inflated) > Double(compressed) * limits.maxCompressionRatio
        {
            throw XlsxReadError(
                path: path, sheet: sheet,
                reason: .compressionRatioTooHigh(entry: name, limit: limits.maxCompressionRatio))
        }
    }
}
