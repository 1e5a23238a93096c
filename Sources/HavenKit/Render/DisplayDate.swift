/// Dates as readers see them ("October 15, 2026") and as machines read them (`datetime`).
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    static func long(_ date: CalendarDate) -> String {
        "\(months[date.month - 1]) \(date.day), \(date.year)"
    }

    /// A context for `<time datetime="{{iso}}">{{text}}</time>`.
    static func context(_ date: CalendarDate?) -> TemplateObject? {
        guard let date else { return nil }
        return ["iso": date.description, "text": long(date)]
    }
}
