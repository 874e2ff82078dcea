import RoundTableCore

/// A small series for the records to refer to.
let schedule = ScheduleLoader.load("""
    series: {id: s, title: S, timezone: Europe/London, organiser: a, uid-domain: example.org}
    members:
      - {id: a, name: A, email: a@example.org}
      - {id: b, name: B, email: b@example.org}
    sessions:
      - {id: rt1, kind: roundtable, subject: One, start: 2012-04-20T10:30:00, rapporteur: b}
      - {id: rt2, kind: roundtable, subject: Two, month: 2012-06}
    """, file: "fuzz").0!.schedule

/// libFuzzer's entry point: any bytes as a records file must give records or located errors,
/// and records that are read must write out and read back the same. Built only by fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (records, diagnostics) = RecordsFile.read(text, file: "fuzz.yaml", schedule: schedule, asOf: SupportedYears.lastDay)
    guard let records else {
        precondition(!diagnostics.isEmpty, "refused records must say why")
        return 0
    }
    let written = try! RecordsFile.write(records)
    let (again, _) = RecordsFile.read(written, file: "again.yaml", schedule: schedule, asOf: SupportedYears.lastDay)
    precondition(again.map { try! RecordsFile.write($0) } == written, "records must round-trip")
    return 0
}
