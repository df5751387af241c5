package id.loket.complaint.complaint.domain;

/** Where a complaint came in. SURVEY: opened by the service itself from a low satisfaction rating. */
public enum Channel {
    COUNTER, PANDAWA, MOBILE_JKN, CARE_CENTER_165, LAPOR, SURVEY
}
