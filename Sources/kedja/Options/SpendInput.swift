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

    @Option(help: "First day of the follow-up plan, YYYY-MM-DD (default: the first day of the next quarter).")
    var start: String?

    func validate() throws {
        if spend == TableInput.standardInput && suppliers == TableInput.standardInput {
            throw ValidationError(Messages.parsing.standardInputTwice)
        }
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
        [spend] + (suppliers.map { [$0] } ?? [])
    }
}
