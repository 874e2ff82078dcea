import RoundTableDocuments

/// libFuzzer's entry point: any text, as a rapporteur's learning point (escaped as the report
/// escapes it) and as raw Markdown (as a report template could hold), must render to HTML in time
/// linear in its size: fuzz/run.sh fails an input slower than its time limit.
/// Built only by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let markdown = "# Report\n\n### Learning points\n\n- " + MarkdownText.point(text) + "\n\n" + text
    _ = MarkdownHTML.html(from: markdown)
    return 0
}
