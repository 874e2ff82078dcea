import RoundTableCalDAV
import Testing

/// Where a login may go in clear, and which collections `--create` makes: pure functions of the URL.
@Suite struct CalDAVCollectionTests {
    @Test(arguments: [
        ("http://localhost:5232/coord/", true),
        ("http://LOCALHOST/coord/", true),
        ("http://127.0.0.1:5232/coord/", true),
        ("http://127.255.0.9/coord/", true),
        ("http://[::1]:5232/coord/", true),
        ("http://[0:0:0:0:0:0:0:1]/coord/", true),
        ("http://127.evil.example/coord/", false),
        ("http://127.0.0.1.evil.example/coord/", false),
        ("http://localhost.evil.example/coord/", false),
        ("http://128.0.0.1/coord/", false),
        ("http://[::2]/coord/", false),
        ("http://[::ffff:127.0.0.1]/coord/", false),
        ("http://0x7f.0.0.1/coord/", false),
        ("http://cal.example.org/coord/", false),
    ])
    func loopbackIsAnAddressOfThisMachineNotANameThatLooksLikeOne(url: String, loopback: Bool) throws {
        #expect(try CalDAVCollection(url).isLoopback == loopback)
    }

    @Test func theParentsAreEveryCollectionAboveUpToTheServersRoot() throws {
        let collection = try CalDAVCollection("https://cal.example.org:8443/dav/coord/members/sam/")
        #expect(collection.parents.map(\.url) == [
            "https://cal.example.org:8443/dav/coord/members/",
            "https://cal.example.org:8443/dav/coord/",
            "https://cal.example.org:8443/dav/",
        ])
        #expect(try CalDAVCollection("https://cal.example.org/ajc").parents.isEmpty)
    }

    @Test(arguments: [[UInt8]("\"abc-1\"".utf8), [0x22, 0xE9, 0x74, 0xE9, 0x22], [0x22, 0xC3, 0xA9, 0xFF, 0x80, 0x22]])
    func anETagComesBackAsTheBytesItWasReceivedAs(bytes: [UInt8]) {
        #expect(EntityTag.bytes(of: EntityTag.text(bytes)) == bytes)
    }

    @Test func anASCIIETagIsKeptAsItIs() {
        #expect(EntityTag.text(Array("\"abc-1\"".utf8)) == "\"abc-1\"")
    }
}
