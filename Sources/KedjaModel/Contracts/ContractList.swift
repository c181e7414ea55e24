import Foundation
import Tabular

/// One contract as the contracts file (`--contracts`) gives it.
public struct Contract: Sendable, Hashable {
    /// The contract's id (`Avtalsnummer`).
    public var id: String
    /// The supplier's id, org number (normalised) and name, as the file gives them.
    public var supplierID: String
    public var orgNumber: String?
    public var supplierName: String
    /// The category the contract covers, when the file names one (by CPV code, category code or name).
    public var category: Category?
    /// The category or CPV text as written, for messages.
    public var categoryText: String
    /// The first and last day of the contract.
    public var start: CivilDate?
    public var end: CivilDate
    /// The condition level written into the contract.
    public var conditions: ConditionLevel
    /// Whether the code of conduct is in the contract; nil when the file does not say.
    public var codeOfConduct: Bool?
    /// The file's line (or sheet row) of the contract.
    public var line: Int
}

/// A record of a contracts or audits file that could not be used, with where it is and why.
public struct SideFileReject: Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// The record: number (from 1), line and reason.
    public var record: RejectedRecord
}

/// The contracts of a contracts file, found per supplier (and category, where a contract names one).
public struct ContractList: Sendable {
    /// The usable contracts, in file order.
    public private(set) var contracts: [Contract] = []
    /// The records that could not be used.
    public private(set) var rejects: [SideFileReject] = []
    private var index: SupplierKeyIndex
    /// The file as messages name it; empty without one.
    public private(set) var path = ""

    /// Reads a contracts file (any CSV dialect; a workbook converted to CSV first).
    ///
    /// - Parameters:
    ///   - displayName: how messages name the file (the user's workbook rather than its private CSV).
    ///   - rowOf: the sheet row of a CSV line, for a converted workbook.
    public init(
        path: String, displayName: String? = nil, vocabulary: ContractVocabulary, templates: TemplateSet,
        overrides: [(ContractColumn, String)] = [], rowOf: (Int) -> Int = { $0 }
    ) throws {
        let file = try SideFile(
            path: path, displayName: displayName, vocabulary: vocabulary, overrides: overrides,
            required: [
                (.contractID, "contract id", "Avtalsnummer or Contract id"),
                (.end, "end date", "Slutdatum or End date"),
                (.conditions, "condition level", "Villkorsnivå or Condition level"),
            ])
        self.path = file.name
        index = SupplierKeyIndex(legalForms: templates.legalForms)
        rejects = file.forEachRow(rowOf: rowOf) { row in
            let cell = row.cell
            let id = cell(.contractID)
            guard !id.isEmpty else { return Phrase(sv: "inget avtals-id", en: "no contract id") }
            let startText = cell(.start)
            let start = ContractCells.date(startText)
            if !startText.isEmpty && start == nil {
                return Phrase(
                    sv: "startdatum '\(startText)' är inget datum; skriv ÅÅÅÅ-MM-DD",
                    en: "start date '\(startText)' is not a date; write YYYY-MM-DD")
            }
            let endText = cell(.end)
            guard let end = ContractCells.date(endText) else {
                return endText.isEmpty
                    ? Phrase(sv: "inget slutdatum", en: "no end date")
                    : Phrase(
                        sv: "slutdatum '\(endText)' är inget datum; skriv ÅÅÅÅ-MM-DD",
                        en: "end date '\(endText)' is not a date; write YYYY-MM-DD")
            }
            if let start, end < start {
                return Phrase(
                    sv: "slutdatumet \(end.iso8601) ligger före startdatumet \(start.iso8601)",
                    en: "the end date \(end.iso8601) is before the start date \(start.iso8601)")
            }
            let levelText = cell(.conditions)
            guard let level = ConditionLevel(text: levelText) else {
                return Phrase(
                    sv: "villkorsnivån '\(levelText)' är inte någon av ingen/bas/avancerad/kollektivavtal",
                    en:
                        "condition level '\(levelText)' is not one of none/basic/advanced/collective-agreement (ingen/bas/avancerad/kollektivavtal)"
                )
            }
            let conductText = cell(.codeOfConduct)
            guard let conduct = ContractCells.yesNo(conductText) else {
                return Phrase(
                    sv: "uppförandekod '\(conductText)' är inte ja/nej",
                    en: "code of conduct '\(conductText)' is not yes/no (ja/nej)")
            }
            let categoryText = cell(.cpv).isEmpty ? cell(.category) : cell(.cpv)
            let category = Self.category(categoryText, templates: templates)
            if !categoryText.isEmpty && category == nil {
                return Phrase(
                    sv:
                        "kategorin '\(categoryText)' motsvarar ingen kategori i regeltabellerna (ange en CPV-kod eller ett kategorinamn)",
                    en:
                        "category '\(categoryText)' matches no category of the rule tables (give a CPV code or a category name)"
                )
            }
            let contract = Contract(
                id: id, supplierID: cell(.supplierID), orgNumber: row.orgNumber, supplierName: cell(.supplierName),
                category: category, categoryText: categoryText, start: start, end: end, conditions: level,
                codeOfConduct: conduct, line: row.line)
            index.add(contracts.count, id: contract.supplierID, orgNumber: row.orgNumber, name: contract.supplierName)
            contracts.append(contract)
            return nil
        }
    }

    /// An empty list, for runs without `--contracts`.
    public init() { index = SupplierKeyIndex(legalForms: LegalForms(spellings: [])) }

    /// Whether a contracts file was given.
    public var isGiven: Bool { !path.isEmpty }

    /// The category a contract names: a CPV code's category, else a category's code or name, else a keyword.
    static func category(_ text: String, templates: TemplateSet) -> Category? {
        guard !text.isEmpty else { return nil }
        if let category = templates.categoryForCPV(text) { return category }
        // A category's code or name, also without what its name says in brackets ("Textil (kläder, …)" → "Textil").
        let key = TextFolding.lookupKey(text)
        func names(_ category: Category) -> [String] {
            [category.code, category.nameSv, category.nameEn]
                + [category.nameSv, category.nameEn].map { String($0.prefix { $0 != "(" }) }
        }
        if let category = templates.categories.first(where: { names($0).contains { TextFolding.lookupKey($0) == key } })
        {
            return category
        }
        return templates.categoryForKeywordText(text)?.category
    }

    /// The contract of a supplier × category: one naming the category first, else one for all the supplier's
    /// categories; among several, the one that runs longest.
    public func contract(for row: RegisterRow) -> Contract? {
        let positions = index.matches(id: row.supplierID, orgNumber: row.orgNumber, name: row.supplierName)
        guard !positions.isEmpty else { return nil }
        let candidates = positions.map { contracts[$0] }
        let specific = candidates.filter { $0.category != nil && $0.category?.code == row.category?.code }
        let general = candidates.filter { $0.category == nil }
        let chosen = specific.isEmpty ? general : specific
        return chosen.max { ($0.end, $1.id) < ($1.end, $0.id) }
    }
}
