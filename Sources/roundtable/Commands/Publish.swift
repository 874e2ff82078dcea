import ArgumentParser
import Foundation
import RoundTableCalDAV
import RoundTableCore
import RoundTableStore

extension RoundTable {
    /// `roundtable publish`: the series' calendar kept in the organisation's CalDAV server
    /// (Radicale, Nextcloud, SOGo…), one resource per component, sending only what changed.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Put the calendar into a CalDAV collection, one resource per UID, sending only what changed.",
            discussion: """
                The login comes from $ROUNDTABLE_CALDAV_USER and $ROUNDTABLE_CALDAV_PASSWORD, else from ~/.netrc, \
                Basic or Digest as the server asks, and goes only over https, or over http to this machine \
                (127.0.0.0/8, [::1], localhost) reached directly, never through a proxy; anything else is refused \
                (exit 77) unless --insecure-http. $ROUNDTABLE_CALDAV_CA_FILE names the CA certificates to trust \
                instead of the system's. A component changed on the server since it was \
                published is reported and left (exit 65) unless --overwrite. Exit 75 when the server cannot be \
                reached, fails, asks to wait (429, 503) or gives an answer that cannot be read (the next run checks \
                what it holds and finishes the job), 77 when it refuses the login. With -s naming \
                a folder of schedules, each series goes into its own collection, <url>/<series>/.
                """)

        @OptionGroup var options: CommonOptions

        @Option(help: ArgumentHelp("The collection's URL (default: $ROUNDTABLE_CALDAV_URL). With --members, the URL the members' collections are in.",
                                   valueName: "url"))
        var caldav: String?

        @Option(help: "Only what concerns this member: their sessions and the deadlines they own.", completion: Completions.members)
        var member: String?

        @Flag(help: "One collection per member, <url>/<member>/, each holding that member's calendar.")
        var members = false

        @Flag(help: "Create the collection (MKCALENDAR) if it does not exist, and any collection it is in (MKCOL).")
        var create = false

        @Flag(help: "Replace (or delete) what was changed on the server since it was published, instead of leaving it.")
        var overwrite = false

        @Flag(name: .customLong("dry-run"), help: "Print what would be created, updated and deleted; send and record nothing.")
        var dryRun = false

        @Flag(name: .customLong("no-todos"), help: "Leave out the VTODO copies of deadlines.")
        var noTodos = false

        @Flag(name: .customLong("insecure-http"),
              help: "Send the login over plain http to another machine, or through a proxy: anyone on the way can read it.")
        var insecureHTTP = false

        func validate() throws {
            if member != nil && members { throw ValidationError("Pass --member ID or --members, not both.") }
        }

        func run() throws {
            let environment = options.environment.variables
            guard let url = caldav ?? options.environment.value("ROUNDTABLE_CALDAV_URL") else {
                throw ValidationError("No CalDAV collection given: pass --caldav URL or set ROUNDTABLE_CALDAV_URL.")
            }
            let base = try CalDAVCollection(url)
            let folder = try options.namesFolder()
            if folder && (member != nil || members) {
                throw ValidationError("With a folder of schedules, publish puts each series into <url>/<series>/; "
                    + "publish members' calendars one series at a time (-s FILE with --member or --members).")
            }
            let contexts = try options.loadAll(sending: true)
            let client = dryRun ? nil : try CalDAVClient(for: base, login: try CalDAVLogin.from(environment), insecureHTTP: insecureHTTP,
                                                         caFile: try CalDAVLogin.caFile(environment))
            var publisher = CalDAVPublisher(client: client, create: create, overwrite: overwrite) { print($0) }
            for context in contexts {
                let schedule = context.schedule
                let home = folder ? base.child(schedule.series.id) : base
                let targets: [(CalDAVCollection, Member?)] = members ? schedule.members.map { (home.child($0.id), $0) }
                    : [(home, try member.map(context.member))]
                let feed = context.feed(includeTodos: !noTodos)
                let lock = try context.store.lockRun(series: schedule.series.id, timeout: 5)
                for (collection, who) in targets {
                    try publisher.publish(try feed.resources(for: who), to: collection, title: feed.name(for: who),
                                          ledger: CollectionLedger(store: context.store, series: schedule.series.id, collection: collection))
                }
                withExtendedLifetime(lock) {}
            }
            try publisher.finish()
        }
    }
}
