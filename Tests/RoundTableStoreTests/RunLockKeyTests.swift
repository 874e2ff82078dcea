@testable import RoundTableStore
import Testing

/// PostgreSQL's advisory lock for a series is found by a hash every roundtable must agree on,
/// whatever its release: a run of an older one and a newer one must still exclude each other.
@Suite struct RunLockKeyTests {
    @Test func theAdvisoryKeyOfASeriesIsTheOneEveryReleaseUses() {
        // FNV-1a (64 bits) of "roundtable run ajc-plg-2012", as a signed 64-bit number.
        #expect(RunLock.advisoryKey(series: "ajc-plg-2012") == 252_719_390_492_617_470)
        #expect(RunLock.advisoryKey(series: "ajc-plg-2013") != RunLock.advisoryKey(series: "ajc-plg-2012"))
    }
}
