import Foundation
import KedjaModel
import KedjaReports
import Tabular

/// Last period's workbook a command compares with (`--previous`): its path and how to read it.
struct PreviousWorkbook<Value> {
    let path: String
    let read: (String) throws -> Value
}

/// What `register`, `plan` and `report` share, in one place: the default output name, no output over an input,
/// a workbook on standard output only when that is not a terminal, last period's workbook read before the pass
/// (so a wrong file fails before the long part), one pass, the workbook put in place only when complete (under
/// `--strict` with rejected records, only the rejects file next to SPEND), and the summary.
///
/// `write` gets the pass, last period's workbook when there is one, and the workbook's path; it
/// returns what the workbook's texts needed and the command's own summary figures.
func writeOneWorkbook<Previous>(
    _ command: String, input: SpendInput, options: CommonOptions, output: String?,
    defaultName: (_ input: String, _ directory: String?, Language) -> String,
    previous: PreviousWorkbook<Previous>?,
    write: (SpendPass, Previous?, String) throws -> WrittenWorkbook
) throws {
    let messages = Messages(options.language)
    try reportingFailures(options.language) {
        let path = output ?? defaultName(input.spend, nil, options.language)
        if path == StandardStreams.path && options.json { throw CommandFailure.usage(messages.jsonAndStandardOutput) }
        try StandardStreams.checkWorkbookDestination(path, messages)
        let inputs = input.inputPaths + (previous.map { [$0.path] } ?? [])
        try refuseOverwriting(inputs, with: path, messages)
        let previousValue = try previous.map { try $0.read($0.path) }
        let rejects = options.strict ? OutputNames.rejects(besides: input.spend) : nil
        let pass = try analyse(
            input, options, rejectsPath: rejects, workbooks: path == StandardStreams.path ? [] : [path],
            describeSource: command == "report")
        if pass.outcome.withheld {
            try conclude(command, pass, outputs: pass.outcome.outputs, options: options)
            return
        }
        let written = try WorkbookOutput.write(path, messages: messages) { try write(pass, previousValue, $0) }
        try conclude(
            command, pass, outputs: [path], options: options, repairs: written.repairs, extraDetails: written.details,
            register: command == "register" && path != StandardStreams.path ? path : nil)
    }
}

/// ``writeOneWorkbook(_:input:options:output:defaultName:previous:write:)`` for a command with no `--previous`.
func writeOneWorkbook(
    _ command: String, input: SpendInput, options: CommonOptions, output: String?,
    defaultName: (_ input: String, _ directory: String?, Language) -> String,
    write: (SpendPass, String) throws -> TextRepairs
) throws {
    try writeOneWorkbook(
        command, input: input, options: options, output: output, defaultName: defaultName,
        previous: PreviousWorkbook<Void>?.none
    ) { pass, _, path in
        WrittenWorkbook(repairs: try write(pass, path))
    }
}

/// What a command's workbook writer hands back for the summary.
struct WrittenWorkbook {
    /// What the cell texts needed to fit in the file.
    var repairs: TextRepairs
    /// The command's own figures (carried-over tasks, changes since last period…).
    var details: [String: String] = [:]
}
