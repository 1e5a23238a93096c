/// A change to the file that would fix a finding, in terms of the file's text, so that any rule can
/// offer one and any editor can apply it (the language server's quick fixes).
public struct Suggestion: Sendable, Hashable {
    /// What the change does, for a menu ("Replace with 'died by suicide'").
    public var title: String
    public var edit: Edit

    public enum Edit: Sendable, Hashable {
        /// Replace `original`, written at `location` (or later on the same line: a quoted value's
        /// location is its opening quote), with `replacement`.
        case replace(at: SourceLocation, original: String, replacement: String)
        /// Add the front-matter line `key: value` at the end of the front matter (creating the
        /// front matter when the file has none).
        case addKey(String, value: String)
    }

    public init(_ title: String, _ edit: Edit) {
        self.title = title
        self.edit = edit
    }

    /// Replace `original` at `location` with `replacement`, titled "Replace with '…'".
    public static func replace(_ original: String, at location: SourceLocation, with replacement: String) -> Suggestion {
        Suggestion("Replace with '\(replacement)'", .replace(at: location, original: original, replacement: replacement))
    }

    /// A did-you-mean: replace the `written` id or key with `closest` (nil: no suggestion).
    static func didYouMean(_ written: String, at location: SourceLocation, _ closest: String?) -> [Suggestion] {
        closest.map { [replace(written, at: location, with: $0)] } ?? []
    }

    /// Add a missing front-matter key.
    public static func addKey(_ key: String, value: String = "") -> Suggestion {
        Suggestion("Add '\(key):'", .addKey(key, value: value))
    }
}
