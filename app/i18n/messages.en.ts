/**
 * English UI strings, in ICU MessageFormat. Every string the interface shows lives here, so the
 * languages issue only adds files beside this one.
 */
export const en = {
  "app.name": "Redraft",
  "app.tagline": "Consultation and deliberation on draft texts",
  "nav.skipToContent": "Skip to main content",
  "nav.home": "Consultations",
  "nav.main": "Main",
  "footer.about": "Redraft is open-source software for multi-stakeholder consultation on draft texts.",

  "home.title": "Consultations",
  "home.intro": "Read draft texts paragraph by paragraph and follow the consultations on them.",
  "home.empty": "There are no consultations yet.",
  "home.paragraphCount": "{count, plural, one {# paragraph} other {# paragraphs}}",

  "status.draft": "In preparation",
  "status.open": "Open for comments",
  "status.closed": "Closed",
  "consultation.closesOn": "Closes on {date}",
  "consultation.closedOn": "Closed on {date}",
  "consultation.opensOn": "Opens on {date}",
  "consultation.noDeadline": "No closing date set",
  "consultation.version": "Version {number}",
  "consultation.contents": "Contents",
  "consultation.draftText": "Draft text",
  "consultation.noText": "This consultation has no published text yet.",
  "consultation.footnotes": "Footnotes",
  "consultation.permalink": "Permalink to paragraph {label}",

  "search.label": "Search the draft",
  "search.submit": "Search",
  "search.title": "Search results",
  "search.results": "{count, plural, =0 {No paragraph matches “{query}”.} one {# paragraph matches “{query}”.} other {# paragraphs match “{query}”.}}",
  "search.tooShort": "Type at least {min} characters to search.",
  "search.backToDraft": "Back to the full draft",

  "paragraph.title": "Paragraph {label}",
  "paragraph.inDocument": "In {title}",
  "paragraph.parent": "Part of {label}",
  "paragraph.previous": "Previous: {label}",
  "paragraph.next": "Next: {label}",
  "paragraph.subparagraphs": "Sub-paragraphs",
  "paragraph.readInContext": "Read in the full draft",
  "paragraph.outline": "Paragraph navigation",
  "paragraph.breadcrumb": "Breadcrumb",

  "kind.heading": "Heading",
  "kind.preambular": "Preambular paragraph",
  "kind.operative": "Operative paragraph",
  "kind.paragraph": "Paragraph",
  "kind.subparagraph": "Sub-paragraph",
  "kind.text": "Text",

  "error.notFound.title": "Page not found",
  "error.notFound.body": "We could not find what you asked for. It may have moved, or the address may be mistyped.",
  "error.consultationNotFound": "There is no consultation at “{slug}”.",
  "error.paragraphNotFound": "This draft has no paragraph labelled “{label}”.",
  "error.badRequest.title": "Bad request",
  "error.badRequest.body": "The address could not be understood. Check it for stray characters.",
  "error.server.title": "Something went wrong",
  "error.server.body": "An unexpected error happened on our side. Please try again in a moment.",
  "error.goHome": "Go to the list of consultations",
} as const;

export type MessageKey = keyof typeof en;
