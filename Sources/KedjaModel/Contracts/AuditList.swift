import Foundation
import Tabular

/// An earlier follow-up of a supplier, the organisation's own or a joint one (the regions' joint follow-up,
/// Hållbarhetskollen, an industry initiative), as the audits file (`--audits`) gives it.
public struct Audit: Sendable, Hashable {
    /// The supplier's id, org number (normalised) and name, as the file gives them.
    public var supplierID: String
    public var orgNumber: String?
    public var supplierName: String
    /// When the follow-up was done.
    public var date: CivilDate
    /// What kind of follow-up it was.
    public var kind: AuditKind
    /// Its result as written (e.g. "inga avvikelser", "2 avvikelser, åtgärdade").
    public var result: String
    /// Who did it (e.g. "Regionernas gemensamma uppföljning").
    public var source: String
    /// The file's line (or sheet row).
    public var line: Int

    /// "Revision på plats 2025-03-10 (Hållbarhetskollen), resultat: inga avvikelser".
    public func describe(_ language: Language) -> String {
        var text = "\(kind.label(language)) \(date.iso8601)"
        if !source.isEmpty { text += " (\(source))" }
        if !result.isEmpty { text += language == .sv ? ", resultat: \(result)" : ", result: \(result)" }
        return text
    }
}

/// The earlier and joint follow-ups of an audits file, found per supplier.
public struct AuditList: Sendable {
    /// The usable audits, in file order.
    public private(set) var audits: [Audit] = []
    /// The records that could not be used.
    public private(set) var rejects: [SideFileReject] = []
    private var index: SupplierKeyIndex
    /// The file as messages name it; empty without one.
    public private(set) var path = ""

    /// Whether an audits file was given.
    public var isGiven: Bool { !path.isEmpty }

    /// Reads an audits file (any CSV dialect; a workbook converted to CSV first); see ``ContractList``.
    public init(
        path: String, displayName: String? = nil, vocabulary: ContractVocabulary, legalForms: LegalForms,
        overrides: [(ContractColumn, String)] = [], rowOf: (Int) -> Int = { $0 }
    ) throws {
        let file = try SideFile(
            path: path, displayName: displayName, vocabulary: vocabulary, overrides: overrides,
            required: [(.date, "date", "Datum or Date"), (.kind, "kind", "Typ or Kind")])
        self.path = file.name
        index = SupplierKeyIndex(legalForms: legalForms)
        rejects = file.forEachRow(rowOf: rowOf) { row in
            let cell = row.cell
            let dateText = cell(.date)
            guard let date = ContractCells.date(dateText) else {
                return dateText.isEmpty
                    ? Phrase(sv: "inget datum", en: "no date")
                    : Phrase(
                        sv: "datum '\(dateText)' är inget datum; skriv ÅÅÅÅ-MM-DD",
                        en: "date '\(dateText)' is not a date; write YYYY-MM-DD")
            }
            let kindText = cell(.kind)
            guard let kind = AuditKind(text: kindText) else {
                return Phrase(
                    sv: "slaget '\(kindText)' är inte självskattning/kontorsrevision/revision på plats",
                    en:
                        "kind '\(kindText)' is not self-assessment/desk audit/on-site audit (självskattning/kontorsrevision/revision på plats)"
                )
            }
            let audit = Audit(
                supplierID: cell(.supplierID), orgNumber: row.orgNumber, supplierName: cell(.supplierName), date: date,
                kind: kind, result: cell(.result), source: cell(.source), line: row.line)
            index.add(audits.count, id: audit.supplierID, orgNumber: row.orgNumber, name: audit.supplierName)
            audits.append(audit)
            return nil
        }
    }

    /// An empty list, for runs without `--audits`.
    public init() { index = SupplierKeyIndex(legalForms: LegalForms(spellings: [])) }

    /// The audits of a register row's supplier, newest first.
    public func audits(for row: RegisterRow) -> [Audit] {
        index.matches(id: row.supplierID, orgNumber: row.orgNumber, name: row.supplierName)
            .map { audits[$0] }
            .sorted { ($0.date, $0.kind) > ($1.date, $1.kind) }
    }
}
