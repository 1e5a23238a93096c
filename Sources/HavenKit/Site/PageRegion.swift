extension Site {
    /// The region whose crisis and emergency services a page's readers can reach (ISO 3166
    /// alpha-2, e.g. "US"): the region of the page's language (`languages:` in `haven.yml`; the
    /// site's `region` for the default language). Every rule that asks which region a page is
    /// for asks here.
    public func region(of page: Page) -> String {
        PhoneNumberLibrary.regionCode(language(of: page).region)
    }
}
