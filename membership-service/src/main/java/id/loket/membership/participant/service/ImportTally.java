package id.loket.membership.participant.service;

import id.loket.membership.participant.service.ParticipantImport.LineProblem;
import id.loket.membership.participant.service.ParticipantImport.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** An import's counts and the problems with the lowest line numbers. */
final class ImportTally {

    final int max;
    long lines, imported, duplicates, rejected, warned;
    private long lastWarnedLine = -1; // warnings of one line arrive together
    private final PriorityQueue<LineProblem> errors = new PriorityQueue<>(Comparator.comparingLong(LineProblem::line).reversed());
    private final PriorityQueue<LineProblem> warnings = new PriorityQueue<>(Comparator.comparingLong(LineProblem::line).reversed());

    ImportTally(int max) {
        this.max = max;
    }

    void reject(LineProblem p) {
        rejected++;
        keep(errors, p);
    }

    void warn(LineProblem p) {
        if (p.line() != lastWarnedLine) warned++;
        lastWarnedLine = p.line();
        keep(warnings, p);
    }

    void add(ImportChunkWriter.Result r) {
        imported += r.imported();
        duplicates += r.duplicates();
        for (LineProblem p : r.rejected()) reject(p);
        for (LineProblem p : r.warnings()) warn(p);
    }

    private void keep(PriorityQueue<LineProblem> q, LineProblem p) {
        if (max == 0) return;
        q.add(p);
        if (q.size() > max) q.poll();
    }

    Report report() {
        return new Report(lines, imported, duplicates, rejected, warned, sorted(errors), sorted(warnings));
    }

    private static List<LineProblem> sorted(PriorityQueue<LineProblem> q) {
        List<LineProblem> out = new ArrayList<>(q);
        out.sort(Comparator.comparingLong(LineProblem::line));
        return out;
    }
}
