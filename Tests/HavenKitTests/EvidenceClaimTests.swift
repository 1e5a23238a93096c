import Testing
@testable import HavenKit

/// `uncited-claim` by structure. The labelled sentences are original, written in the style of
/// published health articles; even-numbered ones were used to tune the vocabulary, odd-numbered
/// ones were held out and only measured.
@Suite struct EvidenceClaimTests {
    /// (sentence, is an evidence claim)
    static let labelled: [(String, Bool)] = [
        ("A 2017 study indicates that regular exercise can ease mild depression.", true),
        ("Research from 2022 suggests that sleep problems often come before low mood.", true),
        ("One research review on the topic suggests that group therapy works as well as individual therapy.", true),
        ("Studies have found that talking therapy helps many people with anxiety.", true),
        ("According to experts, most people with panic disorder improve with treatment.", true),
        ("Researchers found that mindfulness reduced relapse in some people.", true),
        ("A large trial showed that the medicine worked better than a placebo.", true),
        ("Evidence suggests that early support leads to better outcomes.", true),
        ("Recent studies show a link between social media use and anxiety in teenagers.", true),
        ("The data show that more young adults are asking for help than ten years ago.", true),
        ("A 2019 meta-analysis concluded that the therapy is effective for trauma.", true),
        ("Scientists have shown that the brain can change throughout life.", true),
        ("A national survey reported that one in five adults had a mental health condition.", true),
        ("Some research links loneliness with poorer physical health.", true),
        ("According to the CDC, suicide rates rose over the last two decades.", true),
        ("Several randomized controlled trials have demonstrated its benefits.", true),
        ("A study published in 2020 found that the effects lasted for a year.", true),
        ("Experts say that a routine can make the first weeks easier.", true),
        ("Newer evidence indicates that shorter courses may work just as well.", true),
        ("One study of 500 students found lower stress after the program.", true),
        ("A systematic review of 30 trials found moderate benefits.", true),
        ("Most research agrees that combining therapy and medicine helps with severe depression.", true),
        ("Clinical trials have confirmed that the treatment is safe for adults.", true),
        ("Studies suggest that people who exercise regularly report better mood.", true),
        ("A recent review concludes that the evidence for this approach is weak.", true),
        ("According to research, about half of people recover within a year.", true),
        ("Data from the national registry shows that waiting times have grown.", true),
        ("The findings suggest that parents benefit from support too.", true),
        ("Another study revealed that symptoms often return when treatment stops.", true),
        ("Large population studies have linked childhood adversity with later depression.", true),
        ("Researchers at the university reported fewer hospital stays.", true),
        ("A landmark trial in 2015 proved that the approach reduces self-harm.", true),
        ("Early research points to a role for inflammation.", true),
        ("Surveys show that many people do not know where to find help.", true),
        ("According to scientists, the effect is small but real.", true),
        ("Published studies estimate that a third of people will have an anxiety disorder.", true),
        ("This study guide helps you prepare for your first appointment.", false),
        ("You can research therapists online before you call.", false),
        ("Take time to study the options with someone you trust.", false),
        ("Research a therapist's training before your first session.", false),
        ("Review your notes after each session.", false),
        ("Your data stays on your phone and is never shared.", false),
        ("A study group can be a good way to meet people.", false),
        ("The trial period lets you try the app for free.", false),
        ("Many people find it hard to ask for help.", false),
        ("Some people find that writing things down helps.", false),
        ("Therapists often suggest keeping a diary of your mood.", false),
        ("Your doctor may suggest a short course of therapy.", false),
        ("Good study habits can lower stress before exams.", false),
        ("The survey at the end of this page takes two minutes.", false),
        ("We will review this page again next year.", false),
        ("It is normal to feel nervous at the first appointment.", false),
        ("Please read the evidence leaflet your clinic gives you.", false),
        ("Ask how the service keeps your data safe.", false),
        ("This page shows where to find help near you.", false),
        ("Try the breathing exercise and see how it feels.", false),
        ("You may want to research your options before you decide.", false),
        ("Studying for exams can be stressful, and that is normal.", false),
        ("If you are in a clinical trial, ask the team before you stop.", false),
        ("Keep a record of your symptoms to show your doctor.", false),
        ("Scientists and doctors work together in research centers.", false),
        ("The research team at the clinic can answer questions about joining.", false),
        ("Experts in your local service can help you choose.", false),
        ("A review of your medicine is part of each appointment.", false),
        ("Survey results are sent to the clinic, not to your employer.", false),
        ("The evidence section below lists the sources we used.", false),
        ("Some studies are free to join if you meet the criteria.", false),
        ("Data plans with unlimited calls make it easier to keep in touch.", false),
        ("The therapist will show you how the exercise works.", false),
        ("Friends and family often notice changes first.", false),
        ("A trial of a new routine for two weeks can show you what helps.", false),
        ("Most people feel better after a few sessions.", false),
    ]

    static func detects(_ sentence: String) -> Bool {
        EvidenceClaims.english.firstClaim(in: Words(sentence)) != nil
    }

    /// Recall and precision on one half of the set.
    static func measure(heldOut: Bool) -> (recall: Double, precision: Double, misses: [String], falseAlarms: [String]) {
        var truePositives = 0, positives = 0, detected = 0
        var misses: [String] = [], falseAlarms: [String] = []
        for (index, (sentence, isClaim)) in labelled.enumerated() where (index % 2 == 1) == heldOut {
            let found = detects(sentence)
            if isClaim { positives += 1 }
            if found { detected += 1 }
            if found && isClaim { truePositives += 1 }
            if isClaim && !found { misses.append(sentence) }
            if found && !isClaim { falseAlarms.append(sentence) }
        }
        return (Double(truePositives) / Double(max(1, positives)), Double(truePositives) / Double(max(1, detected)), misses, falseAlarms)
    }

    @Test func setIsLargeAndBalanced() {
        #expect(Self.labelled.count >= 60)
        #expect(Self.labelled.filter(\.1).count >= 30)
        #expect(Self.labelled.filter { !$0.1 }.count >= 30)
    }

    @Test func tuningHalf() {
        let result = Self.measure(heldOut: false)
        print("uncited-claim, tuning half: recall \(result.recall), precision \(result.precision); misses \(result.misses); false alarms \(result.falseAlarms)")
        #expect(result.recall >= 0.9)
        #expect(result.precision >= 0.9)
    }

    @Test func heldOutHalf() {
        let result = Self.measure(heldOut: true)
        print("uncited-claim, held-out half: recall \(result.recall), precision \(result.precision); misses \(result.misses); false alarms \(result.falseAlarms)")
        // Figures are reported in the issue note; the bar here is lower than the aim (90%) so a
        // vocabulary change that makes them much worse fails.
        #expect(result.recall >= 0.8)
        #expect(result.precision >= 0.8)
    }

    /// The article-style forms the old phrase list missed.
    @Test func realWorldForms() {
        #expect(Self.detects("A 2017 study indicates that yoga may help."))
        #expect(Self.detects("Research from 2022 suggests a link."))
        #expect(Self.detects("One research review on the topic suggests benefits."))
        #expect(!Self.detects("Buy a study guide."))
        #expect(!Self.detects("You can research therapists."))
    }

    /// Structures found missing on real health pages (recall 51% on 37 real claims before, 86% after;
    /// reworded here, not quoted): evidence as a claim by itself, "according to" an organisation,
    /// "experts who…", a pronoun subject after the evidence noun, "results".
    @Test func structuresFromRealPages() {
        #expect(Self.detects("There is good evidence that talking therapy helps with panic."))
        #expect(Self.detects("It has a strong evidence base for anxiety in adults."))
        #expect(Self.detects("According to the American Heart Association, walking lowers blood pressure."))
        #expect(Self.detects("Sleep matters for mood, according to the Mayo Clinic."))
        #expect(Self.detects("Many experts who work with teenagers recommend a regular bedtime."))
        #expect(Self.detects("In one small study they found that the app reduced worry."))
        #expect(Self.detects("Results showed fewer panic attacks after eight weeks."))
        #expect(!Self.detects("Experts who can help you are listed below."))
        #expect(!Self.detects("It is beyond this page to list the evidence for each therapy."))
        #expect(!Self.detects("When we talk about the evidence base we mean published studies."))
        #expect(!Self.detects("Your results show on the screen when you finish the quiz."))
        #expect(!Self.detects("Before you take part in a study, they will explain what happens."))
        // An organisation as the subject, within a shorter reach than evidence nouns.
        #expect(Self.detects("The Royal College of Psychiatrists (2022) has reported longer waits."))
        #expect(Self.detects("NICE recommends CBT for mild depression."))
        #expect(!Self.detects("Staff from the College of Medicine and Dentistry wanted to find out more."))
        #expect(!Self.detects("The emergency department will show you where to wait."))
    }
    /// Structures added for issue #14's open point (tuned on 86 real sentences, measured on 57
    /// held out; the sentences here are made up). Each comes with uses that must not fire.
    @Test func beClaims() {
        #expect(Self.detects("The evidence is clear that sleep and mood are linked."))
        #expect(Self.detects("Research results are significant for adults over sixty."))
        #expect(Self.detects("The science behind this app is very strong."))
        #expect(Self.detects("The main finding is that short courses work."))
        #expect(!Self.detects("Research studies are open to people in every county."))
        #expect(!Self.detects("Clinical research is important to us."))
        #expect(!Self.detects("Your results are sent to your GP."))
        // "results" and "data" alone are often the reader's own.
        #expect(!Self.detects("The results are clear on the screen once you finish."))
        #expect(Self.detects("The trial results are clear for adults."))
    }

    @Test func ratedEvidence() {
        #expect(Self.detects("Group therapy has a large evidence base."))
        #expect(Self.detects("Walking has strong evidence for easing low mood."))
        #expect(Self.detects("There is little evidence of harm from the exercises."))
        #expect(!Self.detects("The evidence base of this page is listed at the end."))
        #expect(!Self.detects("Bring evidence of your address to the first visit."))
    }

    @Test func longSubjects() {
        #expect(Self.detects("A trial of 300 teenagers with anxiety in four schools found fewer absences."))
        #expect(Self.detects("A study published last spring in a journal of sleep medicine showed longer sleep."))
        #expect(Self.detects("Research with parents of young children in rural areas suggests the same."))
        #expect(!Self.detects("A trial of a calm bedtime routine for a couple of weeks can show you what works."))
        #expect(!Self.detects("The survey at the end of the page about your visit to the clinic finds its way to us."))
    }

    @Test func passiveWithAgent() {
        #expect(Self.detects("It is recommended by NICE for moderate depression."))
        #expect(Self.detects("Its benefits are supported by many clinical trials."))
        #expect(Self.detects("The approach has been shown to reduce panic."))
        #expect(Self.detects("Poor sleep has been linked with low mood."))
        #expect(!Self.detects("Your recommended dose is on the label."))
        #expect(!Self.detects("The leaflet is published by the local council."))
        #expect(!Self.detects("You will be supported by a named nurse."))
        // "supported by" an organisation is paying for it; evidence must be the agent.
        #expect(!Self.detects("The service is supported by the NHS, so you do not pay."))
        #expect(!Self.detects("You’ve been linked to a support worker in your area."))
        #expect(!Self.detects("It has been shown to you in your first session."))
    }

    @Test func reportingVerbAfterItsClause() {
        #expect(Self.detects("Most people recover within a year, experts say."))
        #expect(Self.detects("Short walks lift mood, say researchers in Denmark."))
        #expect(Self.detects("Relapse is less likely with follow-up sessions, the report concluded."))
        #expect(!Self.detects("If you want, say so to your therapist."))
        #expect(!Self.detects("Tell your nurse, and say what worries you."))
    }

    @Test func moreSubjectsAndVerbs() {
        #expect(Self.detects("Lee et al. (2019) found the same effect in older adults."))
        #expect(Self.detects("The National Alliance for Carers estimates that one in ten adults cares for someone."))
        #expect(Self.detects("A new survey warns that waiting lists are growing."))
        #expect(Self.detects("There are hundreds of studies showing that it works."))
        #expect(Self.detects("A scoping review identified twelve kinds of support."))
        #expect(!Self.detects("Finding out more can take a few weeks."))
        #expect(!Self.detects("The research team provides support to people who take part."))
        #expect(!Self.detects("Science lessons can be stressful for some children."))
        #expect(!Self.detects("Experts supporting families can visit your home."))
        #expect(!Self.detects("When researchers found the fault, they fixed it."))
        #expect(!Self.detects("Ask your doctor what the research says about this medicine."))
        #expect(Self.detects("And the research is clear: rest helps."))
    }

    /// Typographic punctuation (cmark's smart quotes and dashes) separates words as ASCII does.
    @Test func typographicPunctuation() {
        #expect(Self.detects("It’s recommended by NICE for adults."))
        #expect(Self.detects("Is it worth it? Yes—the evidence is clear."))
        #expect(Self.detects("A study offers the “strongest evidence” yet."))
        #expect(Words("it’s “here”—now").count == 4)
    }

    /// The same structures in Spanish.
    @Test func spanishStructures() {
        let es = EvidenceClaims(language: "es")
        func detects(_ sentence: String) -> Bool { es.firstClaim(in: Words(sentence)) != nil }
        #expect(detects("La evidencia es muy clara en adultos."))
        #expect(detects("Los hallazgos son significativos después de ocho semanas."))
        #expect(detects("Este tratamiento está respaldado por la OMS."))
        #expect(detects("Caminar mejora el ánimo, dicen los expertos."))
        #expect(!detects("Los estudios son gratuitos para los participantes."))
        #expect(!detects("Eres atendido por un enfermero de tu zona."))
        #expect(!detects("Si quieres, dice tu nombre al llegar."))
    }

    /// A claim in a table cell is cited by a link or footnote in any cell of its row; header cells
    /// are labels, like headings.
    @Test func tableRowsAreTheUnit() throws {
        func findings(_ table: String) throws -> Int {
            let path = "Content/articles/table.md"
            let site = try TestSite(files: [path: TestSite.clinical() + "Some options.\n\n" + table])
            defer { site.remove() }
            return try site.lint().diagnostics.filter { $0.file == path && $0.rule == .uncitedClaim }.count
        }
        #expect(try findings("| Option | Evidence |\n|---|---|\n| CBT | Studies show it helps with panic. |\n") == 1)
        #expect(try findings("| Option | Evidence | Source |\n|---|---|---|\n| CBT | Studies show it helps. | [NICE](https://www.nice.org.uk/) |\n") == 0)
        #expect(try findings("| Option | Evidence |\n|---|---|\n| CBT | Studies show it helps.[^1] |\n\n[^1]: A source.\n") == 0)
        // A citation in one row does not cite another row.
        #expect(try findings("| A | B |\n|---|---|\n| CBT | [Source](https://www.nice.org.uk/) |\n| Yoga | Research suggests it helps. |\n") == 1)
        // Header cells are not checked.
        #expect(try findings("| What research shows | Notes |\n|---|---|\n| Sleep | Keep a routine. |\n") == 0)
        #expect(try findings("| Option | How |\n|---|---|\n| Call | Any time of day |\n") == 0)
    }
}
