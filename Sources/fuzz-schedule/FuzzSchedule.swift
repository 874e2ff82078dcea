import RoundTableCore

/// libFuzzer's entry point: any bytes as a schedule file must give a schedule or diagnostics,
/// never a crash or a hang. Built only by fuzz/run.sh, which links libFuzzer's own main.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchedule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (loaded, diagnostics) = ScheduleLoader.load(text, file: "fuzz.yaml")
    precondition(loaded != nil || !diagnostics.isEmpty, "a refused schedule must say why")
    if let loaded { _ = PlanWarnings.find(in: loaded.schedule) }
    return 0
}
