package id.loket.queue.screening.domain;

/** Digital channels a visitor can be sent to or taught (DOMAIN.md). */
public enum Channel { PANDAWA, MOBILE_JKN, CARE_CENTER_165, I_CARE_JKN, BPJS_WEBSITE, VIKA_CHATBOT }
