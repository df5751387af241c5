package id.loket.complaint.reference.domain;

import java.util.List;

/**
 * An SOP category as kept in {@code complaint_category}, with its service level resolved.
 *
 * @param requiredDocuments each entry is met by any one of its {@code |}-separated document types
 */
public record Category(String code, String name, List<String> requiredDocuments, String serviceLevel,
                       int firstResponseMinutes, int resolutionWorkingDays, String escalationUnit, String action) {
}
