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
/// `write` gets the pass, last period's workbook when there is one, and the path the library writes to; it
/// returns the command's own summary figures.
func writeOneWorkbook<Previous>(
    _ command: String, input: SpendInput, options: CommonOptions, output: String?,
    defaultName: (_ input: String, _ directory: String?, Language) -> String,
    previous: PreviousWorkbook<Previous>?,
    write: (SpendPass, Previous?, String) throws -> [String: String]
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
        let pass = try analyse(input, options, rejectsPath: rejects)
        if pass.outcome.withheld {
            try conclude(command, pass, outputs: pass.outcome.outputs, options: options)
            return
        }
        var details: [String: String] = [:]
        try WorkbookOutput.write(path, protecting: inputs, messages: messages) {
            details = try write(pass, previousValue, $0)
        }
        try conclude(
            command, pass, outputs: [path], options: options, extraDetails: details,
            register: command == "register" && path != StandardStreams.path ? path : nil)
    }
}

/// ``writeOneWorkbook(_:input:options:output:defaultName:previous:write:)`` for a command with no `--previous`.
func writeOneWorkbook(
    _ command: String, input: SpendInput, options: CommonOptions, output: String?,
    defaultName: (_ input: String, _ directory: String?, Language) -> String,
    write: (SpendPass, String) throws -> Void
) throws {
    try writeOneWorkbook(
        command, input: input, options: options, output: output, defaultName: defaultName,
        previous: PreviousWorkbook<Void>?.none
    ) { pass, _, path in
        try write(pass, path)
        return [:]
    }
}
