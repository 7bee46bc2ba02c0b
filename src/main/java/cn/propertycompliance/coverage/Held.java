package cn.propertycompliance.coverage;

/** What held at a layer outside the span its encoding covers for an area. */
public enum Held {
    /** The layer had no text of its own on the area then: the broader layers' texts governed alone. */
    BROADER,
    /** "No local rule existed", with the citation that shows it: as BROADER, but the citation is required. */
    NONE,
    /** Not known (e.g. an earlier version of the text is not held): a question there is INDETERMINATE. */
    UNKNOWN
}
