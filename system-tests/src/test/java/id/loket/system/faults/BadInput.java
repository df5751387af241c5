package id.loket.system.faults;

import id.loket.platform.test.OpenApiFuzzer;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input: platform-test's {@link OpenApiFuzzer} against each of the four running services, from its own
 * {@code /q/openapi} (malformed and boundary path, query and body values for every operation), with the state
 * probe on the service's own event store (a rejected request must have appended nothing). The four run side
 * by side. Zero findings: no 5xx, every 4xx problem+json, no state changed by a rejected request.
 */
final class BadInput {

    private BadInput() {
    }

    static Figures run(LoketSystem system, Map<Service, ServiceDb> dbs) {
        Map<Service, CompletableFuture<List<OpenApiFuzzer.Report>>> runs = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            runs.put(s, CompletableFuture.supplyAsync(() -> {
                List<OpenApiFuzzer.Report> reports = new ArrayList<>();
                for (int pass = 0; pass < FaultSettings.FUZZ_PASSES; pass++) {
                    reports.add(OpenApiFuzzer.against(URI.create(system.url(s)))
                            .stateProbe(OpenApiFuzzer.eventsIn(dbs.get(s).dataSource()))
                            .run(9_000 + pass * 31L + s.ordinal()));
                }
                return reports;
            }, r -> new Thread(r, "fuzz-" + s.shortName()).start()));
        }
        Map<Service, String> perService = new EnumMap<>(Service.class);
        List<String> findings = new ArrayList<>();
        int sent = 0;
        int rejected = 0;
        int accepted = 0;
        for (var e : runs.entrySet()) {
            int s = 0;
            int r = 0;
            int a = 0;
            int f = 0;
            for (OpenApiFuzzer.Report report : e.getValue().join()) {
                s += report.sent();
                r += report.rejected();
                a += report.accepted();
                f += report.findings().size();
                report.findings().forEach(finding -> findings.add(e.getKey() + ": " + finding));
            }
            perService.put(e.getKey(), s + "/" + r + "/" + a + "/" + f);
            sent += s;
            rejected += r;
            accepted += a;
        }
        Figures figures = new Figures("bad-input")
                .sent(sent).acknowledged(accepted).events(0).duplicates(0).lost(0)
                .with("rejected", rejected).with("findings", findings.size())
                .with("perService(sent/rejected/accepted/findings)", perService)
                .report();
        assertThat(findings).as("fuzzing findings").isEmpty();
        assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(1000);
        return figures;
    }
}
