import RoundTableDocuments

/// libFuzzer's entry point: any text, as a templates folder (the part before the first line
/// `---` replaces reminder.txt, each later part is the partial `p0`, `p1`…), must be refused with
/// a `TemplateError` or render in bounded time and memory: fuzz/run.sh fails an input slower than
/// its time limit or a run above its memory limit, and a crash. Built only by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n---\n", omittingEmptySubsequences: false).map(String.init)
    var overrides = ["reminder.txt": parts[0]]
    for (index, part) in parts.dropFirst().enumerated() { overrides["p\(index)"] = part }
    guard let templates = try? Templates(folder: "/fuzz", overrides: overrides) else { return 0 }
    _ = templates.render(.reminder, context)
    return 0
}

/// A reminder's context, with lists for sections to repeat.
nonisolated(unsafe) let context: [String: Any] = [
    "recipient": "Sam", "series": "AJC", "asOf": "2012-11-26", "hasOwed": true, "organiser": "Jo <jo@example.org>",
    "owed": [["text": "Notes", "reason": "due today"], ["text": "Slides", "reason": "overdue"]],
    "names": ["a", "b", "c"],
]
