import RoundTableMail

/// libFuzzer's entry point: any bytes as a saved email must give its calendar and sender or a
/// clear refusal, never a crash or a hang, in work and memory linear in the input. Built only by
/// fuzz/run.sh, which runs it with a tight -timeout and -rss_limit_mb.
///
/// Beyond not crashing, it checks what bounds memory: the calendar found is never larger than
/// the email it came from (every transfer decoding shrinks or keeps the size).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let content = try? CalendarPartReader.read(bytes) else { return 0 }
    precondition(content.calendar.utf8.count <= size, "a calendar of \(content.calendar.utf8.count) bytes from \(size)")
    return 0
}
