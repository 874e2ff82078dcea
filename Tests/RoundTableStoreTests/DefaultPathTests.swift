import RoundTableStore
import Testing

@Suite struct DefaultPathTests {
    @Test(arguments: [
        (["ROUNDTABLE_STATE": "/srv/rt/state.db", "XDG_STATE_HOME": "/x", "HOME": "/home/jo"], "/srv/rt/state.db"),
        (["ROUNDTABLE_STATE": "", "XDG_STATE_HOME": "/x/state", "HOME": "/home/jo"], "/x/state/roundtable/state.sqlite"),
        (["XDG_STATE_HOME": "/x/state/", "HOME": "/home/jo"], "/x/state/roundtable/state.sqlite"),
        (["XDG_STATE_HOME": "relative/state", "HOME": "/home/jo"], "/home/jo/.local/state/roundtable/state.sqlite"),
        (["XDG_STATE_HOME": "", "HOME": "/home/jo"], "/home/jo/.local/state/roundtable/state.sqlite"),
        (["HOME": "/home/jo"], "/home/jo/.local/state/roundtable/state.sqlite"),
    ])
    func theStatePathFollowsTheEnvironment(environment: [String: String], expected: String) {
        #expect(StateStore.defaultPath(environment: environment) == expected)
    }
}
