import Foundation
import Testing
@testable import RoundTableCore

/// Learning points read back from a write-up however the rapporteur wrote them.
@Suite struct WriteupFileTests {
    private func areas(_ discussion: String) -> [String: [String]] {
        let file = WriteupFile(text: "# rt1\n\n## Attendance\n\n- Sam\n\n## Discussion and learning points\n\n" + discussion + "\n## Actions agreed\n\n- A1\n")
        return Dictionary(file.areas.map { ($0.name, $0.points) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func bulletsNumberedItemsAndParagraphsAreEachAPoint() {
        let read = areas("""
            ### Technical issues

            - One bullet
              that goes on.
            * Another
            - 

            ### Operational issues

            1. First
            2) Second

            ### Cultural issues

            A paragraph of prose
            over two lines.

            Another paragraph.
            """)
        #expect(read["Technical issues"] == ["One bullet that goes on.", "Another"])
        #expect(read["Operational issues"] == ["First", "Second"])
        #expect(read["Cultural issues"] == ["A paragraph of prose over two lines.", "Another paragraph."])
    }

    @Test func guidanceCommentsAreNeitherPointsNorSent() {
        let text = "## Discussion and learning points\n\n<!-- Write the points.\n     Never sent. -->\n\n### Technical issues\n\n- \n"
        #expect(!WriteupFile(text: text).hasLearningPoints, "an untouched skeleton")
        #expect(WriteupFile.published(text) == "## Discussion and learning points\n\n### Technical issues\n\n- \n")
    }

    @Test func theAJCsOwnFirstWriteUpTypedInAsProseIsReadUnderItsFourAreas() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../schedules/writeups/rt1.md")
        let file = WriteupFile(text: try String(contentsOf: url, encoding: .utf8))
        #expect(file.areas.map(\.name) == ["Technical issues", "Operational issues", "Cultural issues", "Political and economic issues"])
        #expect(file.areas.allSatisfy { !$0.points.isEmpty })
        #expect(file.areas[0].points.first?.hasPrefix("There was clear agreement within the group that the uses of terminology") == true)
        #expect(file.areas[3].points.contains { $0.hasPrefix("Intellectual Property is also becoming more of an issue") })
    }

    @Test func theTextAboveTheFirstAreaIsKeptAndAnUnfilledAreaCanBeLeftOut() {
        let file = WriteupFile(text: """
            # rt4

            ## Discussion and learning points

            Two guests joined us
            from the Treasury.

            ### Technical issues

            - Data standards

            ### Cultural issues

            - \n
            ## Actions agreed

            - A1
            """)
        #expect(file.introduction == ["Two guests joined us from the Treasury."])
        #expect(file.unfilledAreas == ["Cultural issues"])
        let sent = file.leavingOut(file.unfilledAreas)
        #expect(sent.areas.map(\.name) == ["Technical issues"])
        #expect(sent.introduction == file.introduction)
        #expect(sent.text.contains("## Actions agreed\n\n- A1") && !sent.text.contains("Cultural"))
    }
}
