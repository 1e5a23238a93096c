import Testing
@testable import HavenKit

@Suite struct CalendarDateTests {
    @Test func parsesRealDates() {
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2026-11-29") != nil)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026-01-05T10:00", "", "abcd-ef-gh"])
    func rejectsInvalidDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func addsMonthsClampingToMonthEnd() {
        #expect(CalendarDate(iso: "2024-02-29")?.adding(months: 12).description == "2025-02-28")
        #expect(CalendarDate(iso: "2026-10-31")?.adding(months: 36).description == "2029-10-31")
        #expect(CalendarDate(iso: "2026-11-15")?.adding(months: 2).description == "2027-01-15")
    }

    @Test func pinnedTodayFromEnvironment() {
        #expect(CalendarDate.today(environment: ["HAVEN_TODAY": "2020-05-06"]).description == "2020-05-06")
    }
}
