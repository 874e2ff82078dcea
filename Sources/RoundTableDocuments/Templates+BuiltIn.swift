import Foundation

extension Templates {
    /// The texts the build embedded (scripts/embed-templates.sh writes them as base64, which
    /// needs no escaping whatever a template holds), decoded once, when first used.
    static func decodingBase64(_ embedded: [String: String]) -> [String: String] {
        // Written by the build from base64(1) output: always valid base64.
        embedded.mapValues { String(decoding: Data(base64Encoded: $0)!, as: UTF8.self) }
    }
}
