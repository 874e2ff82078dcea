// roundtable runs on Linux only (README, Package.swift): every module depends on this one, so a
// build for another system stops here with the reason rather than at the first Glibc call.
#if !os(Linux)
#error("roundtable builds and runs on Linux only: it calls glibc and Linux (syncfs, /proc, flock) directly.")
#endif
