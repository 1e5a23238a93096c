/// Dates as readers see them: `<time datetime="ISO">` with the text in the page's language.
enum DisplayDate {
    /// A context for `<time datetime="{{iso}}">{{text}}</time>`.
    static func context(_ date: CalendarDate?, _ strings: StringTable) -> TemplateObject? {
        guard let date else { return nil }
        return ["iso": date.description, "text": strings.date(date)]
    }
}
