// libFuzzer target: front matter + Markdown bytes → the whole page pipeline (PageFuzzHarness).
// Build and run it with scripts/fuzz.sh, which compiles with -sanitize=fuzzer,address and
// -DHAVEN_FUZZ; a plain `swift build` makes an executable that only says so.
import HavenKit
#if canImport(Glibc)
import Glibc
#endif

#if HAVEN_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One input: anything it does must end in findings, never a crash (ASan reports invalid accesses).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = PageFuzzHarness.run(bytes)
    return 0
}

// SwiftPM gives the executable its own `main`; hand control to libFuzzer's driver from it.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
#else
print("HavenFuzz: build with scripts/fuzz.sh (libFuzzer, -sanitize=fuzzer)")
#endif
