import Foundation

// `roundtable-bench N RUNS [generate|parse]`: times generating and parsing an N-event calendar.
//
// Prints `generate N MS BYTES` and `parse N MS CHECKSUM`, each the best of RUNS runs, for
// `bench/run.sh` to put beside the C and Python figures. Generate writes each event to /dev/null
// as soon as it is made, so its peak memory (`/usr/bin/time -v`) does not grow with N. Naming one phase runs only that one
// (parse still generates its input, untimed), so callgrind can profile each phase alone.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, arguments.count <= 3,
      let count = Int(arguments[arguments.startIndex]), let runs = Int(arguments[arguments.startIndex + 1]), runs > 0,
      arguments.count == 2 || ["generate", "parse"].contains(arguments.last!) else {
    FileHandle.standardError.write(Data("usage: roundtable-bench N RUNS [generate|parse]\n".utf8))
    exit(64)
}
let phase = arguments.count == 3 ? arguments.last! : nil

/// Milliseconds `body` takes on the monotonic clock.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let elapsed = try ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
}

var bestGenerate = Double.infinity
var bestParse = Double.infinity
var bytes = 0
// Parse reads the text generate writes; made once, untimed, and only when parse runs.
let text = phase == "generate" ? "" : String(decoding: try CalendarWorkload.generate(events: count, into: [UInt8]()), as: UTF8.self)
var checksum = 0
for _ in 0..<runs {
    if phase != "parse" {
        // Written to /dev/null as it is made, as the C program writes its text there.
        let sink = try FileSink(path: "/dev/null")
        bestGenerate = min(bestGenerate, try milliseconds {
            try CalendarWorkload.generate(events: count, into: sink).flush()
        })
        bytes = sink.count
    }
    if phase != "generate" {
        bestParse = min(bestParse, try milliseconds { checksum = try CalendarWorkload.parse(text) })
    }
}
if phase != "parse" { print("generate", count, String(format: "%.2f", bestGenerate), bytes) }
if phase != "generate" { print("parse", count, String(format: "%.2f", bestParse), checksum) }
