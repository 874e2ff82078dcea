import ArgumentParser
import RoundTableCore

/// `advance STAGE` names a stage by its raw value (plan, hold, writeup, disseminate).
extension Stage: ExpressibleByArgument {}
