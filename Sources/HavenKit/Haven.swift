/// Haven: a static site generator for mental-health psychoeducation.
///
/// The pipeline runs one way: scan → parse → resolve → check → render → write.
/// `SiteLoader` does scan, parse and resolve; `Checker` runs the rules; `SiteRenderer` renders;
/// `OutputWriter` writes atomically. `Builder` ties them together for the CLI and the server.
public enum Haven {
    public static let version = "0.1.0"
}
