/// What `publish` must ask of the CalDAV server to make a collection hold the calendar: the
/// rules of issue 14 as a pure function of the calendar and the state's ledger.
///
/// An unchanged component is not sent. A changed one is put with If-Match on the ETag last seen,
/// so an edit made on the server since is never overwritten unasked; a new one with
/// If-None-Match: *, so nothing someone else put there is either. A component that left the
/// calendar is deleted, with If-Match too. `overwrite` drops the conditions. A put whose outcome
/// is unknown is made again without a condition: the server may hold our own copy, whose ETag we
/// never learned, and would refuse any condition we could give.
public enum PublishPlanner {
    /// What the server must check before it acts.
    public enum Condition: Hashable, Sendable {
        /// `If-None-Match: *`: only if there is no resource there yet.
        case absent
        /// `If-Match`: only if the resource is still the one with this ETag.
        case etag(String)
    }

    /// One request.
    public enum Step: Hashable, Sendable {
        /// PUT a component the ledger does not know.
        case create(CalendarResource, condition: Condition?)
        /// PUT a component again: it changed, or the last put is in doubt.
        case update(CalendarResource, condition: Condition?)
        /// DELETE a resource whose component left the calendar.
        case delete(PublishedResource, condition: Condition?)
    }

    /// The requests, puts in calendar order then deletes in UID order, and how many components
    /// need none.
    public static func plan(_ resources: [CalendarResource], published: [PublishedResource],
                            overwrite: Bool) -> (steps: [Step], unchanged: Int) {
        let known = Dictionary(published.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        var steps: [Step] = []
        var unchanged = 0
        for resource in resources {
            guard let previous = known[resource.uid] else {
                steps.append(.create(resource, condition: overwrite ? nil : .absent))
                continue
            }
            if previous.inDoubt || previous.fingerprint != resource.fingerprint {
                steps.append(.update(resource, condition: condition(previous, overwrite: overwrite)))
            } else {
                unchanged += 1
            }
        }
        let current = Set(resources.map(\.uid))
        for previous in published.sorted(by: { $0.uid < $1.uid }) where !current.contains(previous.uid) {
            steps.append(.delete(previous, condition: condition(previous, overwrite: overwrite)))
        }
        return (steps, unchanged)
    }

    /// If-Match on the ETag last seen, unless overwriting, none is known, or a put is in doubt.
    private static func condition(_ previous: PublishedResource, overwrite: Bool) -> Condition? {
        guard !overwrite, !previous.inDoubt, let etag = previous.etag else { return nil }
        return .etag(etag)
    }
}
