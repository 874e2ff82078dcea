import CalendarTime
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RoundTableCore
import RoundTableStore

/// The pages: the series' page at `/`, a member's page at `/m/<token>`, and her answers posted
/// from it to `/m/<token>/answer/<session>`. An unknown or revoked token is 404, like any page
/// that is not there, so a guesser learns nothing.
struct PageRoutes {
    let source: SeriesSource
    let baseURL: String?
    let maxBodySize: Int
    let now: @Sendable () -> Int
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ -> Response in
            try SeriesPage.render(await source.snapshot(), now: now(), base: BaseURL.of(request, configured: baseURL))
                .response(cacheControl: "no-cache")
        }
        router.refuseOtherMethods(at: "/", allowing: [.get])
        router.get("/m/:token") { request, context -> Response in
            let token = try context.parameters.require("token")
            let snapshot = await source.snapshot()
            guard let member = snapshot.member(holding: token[...]) else { throw HTTPError(.notFound) }
            let notice = request.uri.queryParameters["answered"].map { _ in "Your answer is recorded." }
            return try MemberPage.render(snapshot, member: member, token: token, now: now(),
                                         base: BaseURL.of(request, configured: baseURL), notice: notice)
                .response(cacheControl: "no-store")
        }
        router.refuseOtherMethods(at: "/m/:token", allowing: [.get])
        router.post("/m/:token/answer/:session") { request, context -> Response in
            try await answer(request, context: context)
        }
        router.refuseOtherMethods(at: "/m/:token/answer/:session", allowing: [.post])
    }

    /// Records the answer the form posted and sends her back to her page (303, so that reloading
    /// it does not post again). A post without the page's form token, from another site, or for
    /// a session she may not answer now records nothing.
    private func answer(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let sessionID = try context.parameters.require("session")
        let snapshot = await source.snapshot()
        guard let member = snapshot.member(holding: token[...]), let session = snapshot.schedule.session(sessionID) else {
            throw HTTPError(.notFound)
        }
        if let origin = request.headers[.origin], origin != "null" {
            guard origin == BaseURL.origin(of: BaseURL.of(request, configured: baseURL)) else {
                throw HTTPError(.forbidden, message: "A form from another site cannot answer for you.")
            }
        }
        var body = try await request.body.collect(upTo: maxBodySize)
        let form = Self.form(body.readString(length: body.readableBytes) ?? "")
        let seconds = now()
        let rules = ReplyRules(schedule: snapshot.schedule, invitations: snapshot.records.invitations.map(\.item),
                               now: LocalDateTime(secondsSinceEpoch: seconds))
        guard let allowed = WebAnswer.current(for: session, member: member, snapshot: snapshot, rules: rules, now: seconds),
              let sent = form["form"], MemberLink.sameDigest(sent, allowed.formToken) else {
            throw HTTPError(.forbidden, message: "This form is out of date or was not made by your page: open your page again and answer there.")
        }
        guard let answer = form["answer"].flatMap({ WebAnswer.answers[$0] }) else {
            throw HTTPError(.badRequest, message: "Choose one of the page's answers.")
        }
        let instant = LocalDateTime(secondsSinceEpoch: seconds)
        let reply = Reply(session: session.id, attendee: member.id, answer: answer, sequence: allowed.invitation.sequence, stamp: instant)
        let outcome = try source.store.recordWebReply(reply, series: snapshot.schedule.series.id, at: instant)
        logger.info("answer by web: \(session.id) \(answer.rawValue) (\(outcome))")
        await source.refresh()
        return Response(status: .seeOther, headers: [.location: "/m/\(token)?answered=\(session.id)#session-\(session.id)"])
    }

    /// An `application/x-www-form-urlencoded` body as its fields (the last of a repeated name).
    static func form(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = parts.count == 2 ? decode(parts[1]) : "" else { continue }
            fields[name] = value
        }
        return fields
    }

}
