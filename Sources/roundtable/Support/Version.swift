/// What `roundtable --version` prints: the release and the commit the binary was built from, so a
/// report from a server names the exact source.
enum Version {
    /// The release number.
    static let number = "1.0.0"

    /// "1.0.0 (commit 1a2b…)", or "1.0.0 (built outside git: commit unknown)".
    static var text: String {
        number + " (" + (BuildInfo.commit.map { "commit \($0)" } ?? "built outside git: commit unknown") + ")"
    }
}
