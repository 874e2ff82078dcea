import Foundation
import TestSupport

/// `roundtable serve` on a workspace's schedule and state, on a free loopback port, and a real
/// HTTP client (Tests/TestSupport/Peers/http_probe.py) to ask it things.
final class ServedSeries {
    let server: LocalServer
    let port: Int

    /// One HTTP answer: its status (0: the connection closed with none), headers with their names
    /// in lower case, and body.
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    init(_ workspace: Workspace, arguments: [String] = []) throws {
        port = try unusedPort()
        let log = workspace.folder.appendingPathComponent("serve-\(port).log")
        server = try LocalServer(roundtableBinary, ["serve", "--listen", "127.0.0.1:\(port)"] + arguments, port: port, log: log,
                                 environment: workspace.env)
    }

    /// What the server wrote to standard error: its start-up line and the access log.
    var log: String { (try? String(contentsOf: server.log, encoding: .utf8)) ?? "" }

    /// Sends each request on its own connection; see http_probe.py for their form.
    func ask(_ requests: [[String: Any]], timeout: Double = 10) throws -> [Answer] {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("requests.json")
        try JSONSerialization.data(withJSONObject: requests).write(to: file)
        let run = try peer("/usr/bin/python3", [peerScript("http_probe.py"), String(port), file.path, String(timeout)])
        guard run.status == 0, let answers = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] else {
            throw ProbeFailure(message: run.stderr)
        }
        return answers.map {
            Answer(status: $0["status"] as? Int ?? -1, headers: $0["headers"] as? [String: String] ?? [:], body: $0["body"] as? String ?? "")
        }
    }

    /// One request.
    func ask(_ path: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil) throws -> Answer {
        var request: [String: Any] = ["method": method, "path": path, "headers": headers]
        if let body { request["body"] = body }
        return try ask([request])[0]
    }

    struct ProbeFailure: Error { let message: String }
}
