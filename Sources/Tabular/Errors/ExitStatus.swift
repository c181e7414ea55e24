/// The exit statuses CONTRACT.md promises, named as in BSD's `sysexits.h`, so scripts can tell a usage error
/// from unreadable data, a missing input or an output that cannot be written.
public enum ExitStatus: Int32, Sendable {
    /// Records were rejected and `--strict` was given.
    case rejectedUnderStrict = 1
    /// The command line is wrong (EX_USAGE).
    case usage = 64
    /// The data cannot be read as a table, or a rule table is broken (EX_DATAERR).
    case dataError = 65
    /// An input cannot be opened (EX_NOINPUT).
    case noInput = 66
    /// An output cannot be written (EX_CANTCREAT).
    case cannotCreateOutput = 73
}

/// An error that states the exit status the command line ends with when it reaches the user.
///
/// Each error type knows what kind of failure it is, so the command line needs no list of error types: a new
/// error states its status where it is declared, and one the command line has never heard of still exits right.
public protocol ExitStatusReporting: Error {
    /// The status the process exits with.
    var exitStatus: ExitStatus { get }
}
