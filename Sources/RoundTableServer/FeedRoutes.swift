import Hummingbird

/// The calendar feeds at `/feeds/<series>.ics` and `/feeds/<member>.ics`, the files
/// `export --dir` writes, with the same bytes. A client that polls revalidates with its ETag or
/// date and gets 304 with no body while nothing changed; within five minutes it need not ask.
struct FeedRoutes {
    let source: SeriesSource

    static let cacheControl = "max-age=300"

    func register(on router: Router<BasicRequestContext>) {
        router.get("/feeds/:name") { request, context -> Response in
            let name = try context.parameters.require("name")
            guard let feed = await source.snapshot().feeds[name] else { throw HTTPError(.notFound) }
            return feed.response(to: request, cacheControl: Self.cacheControl)
        }
        router.refuseOtherMethods(at: "/feeds/:name", allowing: [.get])
    }
}
