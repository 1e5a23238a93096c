/// Rules over the registries in `Content/_data/`.
enum RegistryRules {
    static func check(_ site: Site) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let registries = site.registries
        for id in registries.crisisResourceOrder {
            guard let resource = registries.crisisResources[id] else { continue }
            for (field, value) in [("phone", resource.phone), ("sms", resource.sms)] {
                guard let value else { continue }
                if PhoneNumber(text: value, region: resource.region) == nil {
                    out.append(Diagnostic(.invalidPhone, at: resource.fieldLocations[field] ?? resource.location,
                                          "\(field) '\(value)' of '\(id)' is not a valid number (E.164 such as +1 800 662 4357 or a short code such as 988)"))
                }
            }
            let at = resource.fieldLocations["verified_on"] ?? resource.location
            if let verified = resource.verifiedOn {
                if verified > site.today {
                    out.append(Diagnostic(.futureDate, at: at, "verified_on \(verified) of '\(id)' is after today (\(site.today))"))
                } else if verified.adding(months: 12) < site.today {
                    out.append(Diagnostic(.crisisResourceUnverified, at: at,
                                          "'\(id)' was last verified \(verified), over 12 months ago; check the number still works"))
                }
            } else if resource.fieldLocations["verified_on"] == nil {
                out.append(Diagnostic(.crisisResourceUnverified, at: resource.location,
                                      "'\(id)' has no verified_on date; check the number works and record the date"))
            }
        }
        for warning in registries.contentWarnings.values.sorted(by: { $0.id < $1.id }) {
            for (resource, at) in zip(warning.resources, warning.resourceLocations) where registries.crisisResources[resource] == nil {
                out.append(Diagnostic(.unknownCrisisResource, at: at,
                                      "content warning '\(warning.id)' names crisis resource '\(resource)', which is not in \(Registries.crisisResourcesFile)"))
            }
        }
        return out
    }
}
