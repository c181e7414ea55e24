import ArgumentParser
import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// The options of the commands that analyse spend: the spend file, the supplier list and the plan start.
struct SpendInput: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The spend export: CSV from the ERP system, or an XLSX workbook (its first sheet, or --sheet); - reads "
                + "CSV from standard input (outputs are then named stdin-… in the current folder)."))
    var spend: String

    @Option(
        help: ArgumentHelp(
            "The supplier list (CSV or XLSX): countries, production countries, CPV codes or categories; - reads CSV "
                + "from standard input."))
    var suppliers: String?

    @Option(help: "The worksheet to read when the supplier list is an XLSX workbook (default: the first).")
    var suppliersSheet: String?

    @Option(
        help: ArgumentHelp(
            "The contracts (CSV or XLSX): contract id, supplier, optional category or CPV, start, end, condition level "
                + "(ingen/bas/avancerad/kollektivavtal) and code of conduct (ja/nej).",
            valueName: "file"))
    var contracts: String?

    @Option(
        help: ArgumentHelp(
            "Earlier and joint follow-ups (CSV or XLSX): supplier, date, kind (självskattning/kontorsrevision/"
                + "revision på plats), result and source; a recent one covers a step of the plan.",
            valueName: "file"))
    var audits: String?

    @Option(help: "First day of the follow-up plan, YYYY-MM-DD (default: the first day of the next quarter).")
    var start: String?

    func validate() throws {
        let standardInputs = [spend, suppliers, contracts, audits].filter { $0 == TableInput.standardInput }
        if standardInputs.count > 1 { throw ValidationError(Messages.parsing.standardInputTwice) }
        if suppliersSheet != nil && suppliers == nil {
            throw ValidationError(Messages.parsing.suppliersSheetWithoutSuppliers)
        }
        _ = try planStart()
    }

    /// `--start` as a date: exactly `YYYY-MM-DD`, a day that exists.
    func planStart() throws -> CivilDate? {
        guard let start else { return nil }
        guard start.utf8.count == 10, let date = DateParser.parse(start, layout: .iso) else {
            throw ValidationError(Messages.parsing.badStart(start))
        }
        return date
    }

    /// The files the user gave as inputs, which no output may overwrite.
    var inputPaths: [String] {
        [spend] + [suppliers, contracts, audits].compactMap { $0 }
    }
}
