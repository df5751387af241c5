package id.loket.membership;

import id.loket.membership.civilregistry.CivilRegistrySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Runs the civil-registry simulator on a free port for the tests and points the adapter at it. */
public class CivilRegistryTestResource implements QuarkusTestResourceLifecycleManager {

    static volatile CivilRegistrySimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            simulator = new CivilRegistrySimulator(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("membership.civil-registry.url", "http://127.0.0.1:" + simulator.port(), "membership.civil-registry.timeout", "PT1S");
    }

    @Override
    public void stop() {
        if (simulator != null) simulator.close();
    }
}
