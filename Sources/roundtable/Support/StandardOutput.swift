#if canImport(Glibc)
// `stdout` is a C global variable, which Swift 6 cannot prove safe to share; it is only touched
// here, once, after the command has finished and no other thread is left writing.
@preconcurrency import Glibc
#endif

/// A command whose standard output is what it makes (a dump, a feed, a report), named in the
/// message when that output is lost.
protocol NamedOutput {
    /// "the dump", "the report"…
    static var output: String { get }
}

/// The end of every successful run: standard output checked through to its final flush and
/// close, as GNU's `close_stdout` does.
///
/// `print` goes through the C library's buffer, whose write errors are only remembered (`ferror`)
/// and whose last flush at `exit` is not checked at all: `roundtable dump > backup.yaml` on a full
/// disk used to exit 0 and leave an empty backup. A failure here is exit 74, naming what was lost.
enum StandardOutput {
    /// How standard output is named in messages.
    static let name = "standard output"

    /// Flushes and closes standard output; `what` names the command's output ("the dump").
    /// A standard output that was closed before we started (`>&-`) and was never written to is
    /// not an error.
    static func close(what: String) throws(RoundTableError) {
        // A write that failed earlier left its reason in errno, unless a later call replaced it:
        // kept only when it is a reason a write gives.
        let earlier = errno
        var problem: String?
        if fflush(stdout) != 0 {
            problem = TextFile.lastError()
        } else if ferror(stdout) != 0 {
            errno = earlier
            problem = [ENOSPC, EDQUOT, EFBIG, EIO, EPIPE, EBADF].contains(earlier) ? TextFile.lastError() : "a write to it failed"
        }
        errno = 0
        if fclose(stdout) != 0, errno != EBADF, problem == nil { problem = TextFile.lastError() }
        if let problem { throw .incomplete(what: what, path: name, reason: problem) }
    }
}
