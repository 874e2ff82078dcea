import Foundation
import Testing
import TestSupport

/// `check` says what is wrong in the order of the file, suggests the id that was meant, and
/// refuses a lone value where the plan needs a list.
@Suite struct CheckMessageTests {
    private func check(_ replacements: [(String, String)]) throws -> (Run, String) {
        let path = try scheduleCopy(replacing: replacements)
        return (try roundtable(["check", "-s", path]), path)
    }

    @Test func errorsComeInTheOrderOfTheFileAndSuggestTheIdMeant() throws {
        // The misspelt key is read before the organiser's id is checked against the members:
        // the organiser's line still comes first.
        let (run, path) = try check([("organiser: coord", "organiser: cord"), ("location: Luton", "locaton: Luton"),
                                     ("rapporteur: sam", "rapporteur: sma")])
        #expect(run.status == 65)
        #expect(run.stderr == """
            \(path):12:14: error: Unknown member 'cord' as organiser. Members are listed under 'members'. Did you mean 'coord'?
            \(path):85:17: error: Unknown member 'sma' as rapporteur of session 'rt4'. Did you mean 'sam'?
            \(path):91:5: error: Unknown key 'locaton' in A session. Did you mean 'location'?

            """)
    }

    @Test func anIdFarFromEveryKnownOneGetsNoGuess() throws {
        let (run, _) = try check([("rapporteur: sam", "rapporteur: nobody-we-know")])
        #expect(run.status == 65)
        #expect(run.stderr.hasSuffix("Unknown member 'nobody-we-know' as rapporteur of session 'rt4'.\n"), "\(run.stderr)")
    }

    @Test func aLoneDurationWhereAListIsMeantIsRefusedAtItsLine() throws {
        let (run, path) = try check([("remind-before: [P7D, P1D]", "remind-before: P7D")])
        #expect(run.status == 65)
        #expect(run.stderr == "\(path):21:18: error: 'remind-before' should be a list of durations, e.g. [P7D, P1D]; write [P7D] for one.\n")
    }
}
