package id.loket.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads every YAML file under deploy/k8s and deploy/compose and the Grafana dashboard, and checks what would
 * otherwise only fail in a cluster or on a machine with Docker: probes, ports, limits, secrets, scrape targets,
 * and that the dashboard reads only the metric names the services publish.
 */
class DeployManifestsTest {

    static final Map<String, Integer> PORTS = Map.of(
            "queue-service", 8081, "membership-service", 8082, "complaint-service", 8083, "feedback-service", 8084);

    /**
     * The metric names (Prometheus format) the dashboard may read. A service that renames one of its meters breaks
     * {@link #theLoketMetricsAreRegisteredInTheSources()}; a dashboard query using another name breaks
     * {@link #dashboardQueriesReadOnlyTheKnownMetrics()}. HTTP and Kafka client names come from Quarkus (pinned by
     * complaint-service's OverdueGaugeTest); {@code up} from Prometheus.
     */
    static final Set<String> DASHBOARD_METRICS = Set.of(
            "up",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_bucket",
            "loket_relay_lag_events", "loket_relay_lag_seconds", "loket_db_oldest_writing_transaction_seconds",
            "kafka_consumer_fetch_manager_records_lag_max",
            "loket_consumer_dead_lettered_total",
            "loket_queue_tickets_waiting", "loket_complaint_overdue", "loket_feedback_csat_today");

    /**
     * Meters another branch adds (the platform's DLQ counter, queue's and feedback's gauges). Once a name shows up
     * in the sources, {@link #pendingMetricsAreStillPending()} asks for it to leave this set, so a later rename fails.
     */
    static final Set<String> PENDING = Set.of();

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|PASSWORD|SECRET|TOKEN|CREDENTIAL).*");
    static final String DATASOURCE_UID = "loket-prometheus";

    static Path root;
    static Map<Path, List<Map<String, Object>>> k8s;
    static Map<String, Object> compose;
    static Map<String, Object> dashboard;

    @BeforeAll
    static void read() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("deploy/k8s"))) root = root.getParent();
        assertThat(root).as("repository root (with deploy/k8s) above " + Path.of("").toAbsolutePath()).isNotNull();
        k8s = new LinkedHashMap<>();
        for (Path p : yamlFiles(root.resolve("deploy/k8s"))) k8s.put(p, documents(p));
        compose = documents(root.resolve("deploy/compose/docker-compose.yml")).getFirst();
        dashboard = documents(root.resolve("deploy/compose/grafana/dashboards/loket.json")).getFirst(); // JSON is YAML
    }

    // ---------------------------------------------------------------------------------------------------------
    // every file parses

    @Test
    void everyYamlFileParsesAndEveryDocumentIsAnObjectWithAKind() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(root.resolve("deploy/k8s")));
        files.addAll(yamlFiles(root.resolve("deploy/compose")));
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path p : files) {
            List<Map<String, Object>> docs = documents(p);
            assertThat(docs).as(p + " has documents").isNotEmpty();
            if (p.startsWith(root.resolve("deploy/k8s"))) {
                for (Map<String, Object> d : docs) {
                    assertThat(d).as(p + ": every document names its apiVersion and kind").containsKeys("apiVersion", "kind");
                }
            }
        }
        assertThat(maps(dashboard.get("panels"))).hasSizeGreaterThan(10);
    }

    @Test
    void kustomizationListsFilesThatExistAndEveryServiceIsInIt() {
        Map<String, Object> kustomization = k8s.get(root.resolve("deploy/k8s/kustomization.yaml")).getFirst();
        List<String> resources = strings(kustomization.get("resources"));
        for (String r : resources) assertThat(root.resolve("deploy/k8s").resolve(r)).as("kustomization resource").isRegularFile();
        assertThat(resources).doesNotContain("secrets.example.yaml");
        List<Map<String, Object>> applied = resources.stream()
                .flatMap(r -> k8s.get(root.resolve("deploy/k8s").resolve(r)).stream()).toList();
        for (String service : PORTS.keySet()) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap")) {
                assertThat(applied).as(kind + " " + service).anyMatch(d -> kind.equals(d.get("kind")) && service.equals(name(d)));
            }
        }
        assertThat(applied).noneMatch(d -> "Secret".equals(d.get("kind")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Kubernetes: probes, ports, resources, secrets

    @Test
    void everyDeploymentProbesLiveAndReadyOnItsOwnPortAndNeverKafka() {
        List<Map<String, Object>> deployments = ofKind("Deployment");
        assertThat(deployments).extracting(DeployManifestsTest::name).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (Map<String, Object> d : deployments) {
            String service = name(d);
            int port = PORTS.get(service);
            Map<String, Object> c = container(d);
            List<Map<String, Object>> ports = maps(c.get("ports"));
            assertThat(ports).as(service + " container ports").hasSize(1);
            assertThat(ports.getFirst()).as(service + " container port").containsEntry("containerPort", port).containsEntry("name", "http");
            assertProbe(service, c, "livenessProbe", "/q/health/live", port);
            assertProbe(service, c, "readinessProbe", "/q/health/ready", port);
            if (c.containsKey("startupProbe")) {
                assertThat(path(c, "startupProbe", "httpGet", "path")).as(service + " startup probe")
                        .isIn("/q/health/started", "/q/health/live");
            }
            assertThat(configMapValue(service, "QUARKUS_HTTP_PORT")).as(service + " QUARKUS_HTTP_PORT").isEqualTo(String.valueOf(port));
            assertThat(configMapValue(service, "QUARKUS_DATASOURCE_JDBC_URL")).as(service + " has its own database")
                    .endsWith("/loket_" + service.replace("-service", ""));
        }
        for (Map<String, Object> s : ofKind("Service")) {
            int port = PORTS.get(name(s));
            Map<String, Object> p = maps(path(s, "spec", "ports")).getFirst();
            assertThat(p.get("port")).as(name(s) + " service port").isEqualTo(port);
            assertThat(p.get("targetPort")).as(name(s) + " service targetPort").isIn("http", port);
            assertThat(strings(path(s, "spec", "selector"), "app.kubernetes.io/name")).containsExactly(name(s));
        }
    }

    @Test
    void everyDeploymentHasLimitsThatFitItsHeap() {
        for (Map<String, Object> d : ofKind("Deployment")) {
            String service = name(d);
            Map<String, Object> c = container(d);
            String limit = (String) path(c, "resources", "limits", "memory");
            assertThat(limit).as(service + " memory limit").isNotNull();
            assertThat(path(c, "resources", "limits", "cpu")).as(service + " cpu limit").isNotNull();
            assertThat(path(c, "resources", "requests", "memory")).as(service + " memory request").isNotNull();
            assertThat(path(c, "resources", "requests", "cpu")).as(service + " cpu request").isNotNull();
            String javaOpts = env(c).stream().filter(e -> "JAVA_OPTS".equals(e.get("name")))
                    .map(e -> (String) e.get("value")).findFirst().orElse(null);
            assertThat(javaOpts).as(service + " JAVA_OPTS").isNotNull();
            Matcher xmx = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(javaOpts);
            assertThat(xmx.find()).as(service + " JAVA_OPTS sets -Xmx").isTrue();
            long heapMi = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
            assertThat(heapMi).as(service + " heap (MiB)").isLessThanOrEqualTo(256);
            // metaspace, code cache, thread stacks and Netty's direct buffers need room beside the heap
            assertThat(mebibytes(limit)).as(service + " memory limit (MiB) vs heap").isGreaterThanOrEqualTo(heapMi + 192);
        }
    }

    @Test
    void noSecretIsWrittenInAManifest() {
        for (Map<String, Object> d : ofKind("Deployment")) {
            for (Map<String, Object> e : env(container(d))) {
                String name = (String) e.get("name");
                if (!SECRET_NAME.matcher(name).matches()) continue;
                assertThat(e).as(name(d) + " env " + name + " has no literal value").doesNotContainKey("value");
                assertThat(path(e, "valueFrom", "secretKeyRef", "name")).as(name(d) + " env " + name + " from a Secret").isNotNull();
                assertThat(path(e, "valueFrom", "secretKeyRef", "key")).as(name(d) + " env " + name + " key").isNotNull();
            }
        }
        for (Map<String, Object> cm : ofKind("ConfigMap")) {
            Map<String, Object> data = map(cm.get("data"));
            assertThat(data.keySet()).as("ConfigMap " + name(cm) + " holds no secret").noneMatch(k -> SECRET_NAME.matcher(k).matches());
        }
        Path example = root.resolve("deploy/k8s/secrets.example.yaml");
        k8s.forEach((file, docs) -> {
            for (Map<String, Object> doc : docs) {
                if (!"Secret".equals(doc.get("kind"))) continue;
                assertThat(file).as("a Secret outside secrets.example.yaml").isEqualTo(example);
                map(doc.get("stringData")).forEach((k, v) -> {
                    if (!k.equals("username")) assertThat((String) v).as("placeholder for " + k).matches("<[^>]+>");
                });
                assertThat(doc).as("example Secret " + name(doc) + " carries no base64 data").doesNotContainKey("data");
            }
        });
    }

    @Test
    void everyServiceGetsTheSecretsItNeedsFromSecretKeyRefs() {
        Map<String, List<String>> needs = Map.of(
                "queue-service", List.of("QUARKUS_DATASOURCE_PASSWORD", "LOKET_PRIVACY_NIK_HMAC_KEY"),
                "membership-service", List.of("QUARKUS_DATASOURCE_PASSWORD", "LOKET_PRIVACY_NIK_HMAC_KEY"),
                "complaint-service", List.of("QUARKUS_DATASOURCE_PASSWORD", "LOKET_PRIVACY_NIK_HMAC_KEY"),
                "feedback-service", List.of("QUARKUS_DATASOURCE_PASSWORD", "LOKET_FEEDBACK_TOKEN_KEY"));
        Map<String, Object> example = secretKeysOfExample();
        for (Map<String, Object> d : ofKind("Deployment")) {
            List<Map<String, Object>> env = env(container(d));
            for (String needed : needs.get(name(d))) {
                Map<String, Object> e = env.stream().filter(x -> needed.equals(x.get("name"))).findFirst().orElse(null);
                assertThat(e).as(name(d) + " gets " + needed).isNotNull();
                String secret = (String) path(e, "valueFrom", "secretKeyRef", "name");
                String key = (String) path(e, "valueFrom", "secretKeyRef", "key");
                assertThat(secret).as(name(d) + " " + needed + " from a Secret").isNotNull();
                if (secret.equals("loket-keys")) {
                    assertThat(example).as("secrets.example.yaml shows loket-keys/" + key).containsKey(key);
                } else {
                    assertThat(secret).as(name(d) + " database Secret (CloudNativePG's <cluster>-app)").matches("loket-[a-z]+-db-app");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Strimzi example: topics shaped as the relays create them

    @Test
    void strimziTopicsAreTheFourEventTopicsShapedAsTheRelayCreatesThem() throws IOException {
        String config = Files.readString(root.resolve("platform/src/main/java/id/loket/platform/config/LoketConfig.java"));
        int partitions = Integer.parseInt(defaultOf(config, "int partitions()"));
        String retention = defaultOf(config, "String retentionMs()");
        List<Map<String, Object>> topics = ofKind("KafkaTopic");
        assertThat(topics).extracting(t -> (String) path(t, "spec", "topicName")).containsExactlyInAnyOrder(
                "loket.queue.events", "loket.membership.events", "loket.complaint.events", "loket.feedback.events");
        for (Map<String, Object> t : topics) {
            assertThat(path(t, "spec", "partitions")).as(name(t) + " partitions").isEqualTo(partitions);
            assertThat(String.valueOf(path(t, "spec", "config", "retention.ms"))).as(name(t) + " retention.ms").isEqualTo(retention);
            assertThat(strings(path(t, "metadata", "labels"), "strimzi.io/cluster")).containsExactly("loket");
        }
        assertThat(configMapValue("loket-common", "KAFKA_BOOTSTRAP_SERVERS")).startsWith("loket-kafka-bootstrap.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // compose: the services, Prometheus' targets, Grafana's provisioning

    @Test
    void composeRunsEveryServiceOnItsPortWithItsSecretsOverridable() {
        Map<String, Object> services = map(compose.get("services"));
        for (var entry : PORTS.entrySet()) {
            String short_ = entry.getKey().replace("-service", "");
            Map<String, Object> s = map(services.get(short_));
            assertThat(s).as("compose service " + short_).isNotEmpty();
            Map<String, Object> env = map(s.get("environment"));
            assertThat(String.valueOf(env.get("QUARKUS_HTTP_PORT"))).as(short_ + " port").isEqualTo(String.valueOf(entry.getValue()));
            assertThat(strings(s.get("ports"))).as(short_ + " published port").contains(entry.getValue() + ":" + entry.getValue());
            assertThat((String) env.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/loket_" + short_);
            assertThat(env).containsKey("LOKET_PRIVACY_NIK_HMAC_KEY");
            if (short_.equals("feedback")) assertThat(env).as("feedback's survey-token key").containsKey("LOKET_FEEDBACK_TOKEN_KEY");
        }
        // a secret in the compose file is a local-only default that an exported variable replaces
        Set<String> literal = new TreeSet<>();
        services.forEach((name, s) -> map(map(s).get("environment")).forEach((k, v) -> {
            if (SECRET_NAME.matcher(k).matches() && !String.valueOf(v).matches("\\$\\{[A-Z_]+:-[^}]*}")) literal.add(name + "." + k);
        }));
        assertThat(literal).as("secret-like compose variables given as ${VAR:-local default}").isEmpty();
    }

    @Test
    void prometheusScrapesTheMetricsOfEveryService() {
        Map<String, Object> prometheus = documents(root.resolve("deploy/compose/prometheus/prometheus.yml")).getFirst();
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> job : maps(prometheus.get("scrape_configs"))) {
            assertThat(job.get("metrics_path")).as("job " + job.get("job_name")).isEqualTo("/q/metrics");
            for (Map<String, Object> sc : maps(job.get("static_configs"))) targets.addAll(strings(sc.get("targets")));
        }
        Set<String> expected = new TreeSet<>();
        PORTS.forEach((service, port) -> expected.add(service.replace("-service", "") + ":" + port));
        assertThat(targets).containsAll(expected);
        // the compose file mounts this very file into Prometheus
        Map<String, Object> service = map(map(compose.get("services")).get("prometheus"));
        assertThat(strings(service.get("volumes"))).anyMatch(v -> v.startsWith("./prometheus/prometheus.yml:"));
    }

    @Test
    void grafanaIsProvisionedWithTheDatasourceTheDashboardUses() {
        Map<String, Object> ds = documents(root.resolve("deploy/compose/grafana/provisioning/datasources/prometheus.yml")).getFirst();
        Map<String, Object> prometheus = maps(ds.get("datasources")).getFirst();
        assertThat(prometheus).containsEntry("uid", DATASOURCE_UID).containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
        Map<String, Object> provider = maps(documents(root.resolve("deploy/compose/grafana/provisioning/dashboards/loket.yml"))
                .getFirst().get("providers")).getFirst();
        Map<String, Object> grafana = map(map(compose.get("services")).get("grafana"));
        assertThat(strings(grafana.get("volumes"))).contains("./grafana/dashboards:" + path(provider, "options", "path") + ":ro");
        List<Map<String, Object>> refs = new ArrayList<>();
        walk(dashboard, m -> {
            if (m.get("datasource") instanceof Map<?, ?> d) refs.add(map(d));
        });
        assertThat(refs).hasSizeGreaterThan(20).allSatisfy(d -> assertThat(d).containsEntry("uid", DATASOURCE_UID));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the dashboard's metric names

    @Test
    void dashboardQueriesReadOnlyTheKnownMetrics() {
        List<String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(15);
        Set<String> used = new TreeSet<>();
        for (String q : queries) {
            Set<String> names = metricNames(q);
            assertThat(names).as("metric names in " + q).isNotEmpty();
            assertThat(DASHBOARD_METRICS).as("unknown metric in " + q).containsAll(names);
            used.addAll(names);
        }
        assertThat(used).as("every agreed metric has a panel").containsExactlyInAnyOrderElementsOf(DASHBOARD_METRICS);
        // a health panel per service
        for (String service : PORTS.keySet()) {
            assertThat(queries).as("health panel of " + service).contains("up{job=\"loket\", service=\"" + service + "\"}");
        }
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(metricNames("sum by (service, uri, le) (rate(http_server_requests_seconds_bucket{status=~\"5..\", uri!=\"/x\"}[$__rate_interval]))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("a_b / on(x) group_left(y) c_d offset 5m")).containsExactlyInAnyOrder("a_b", "c_d");
        assertThat(metricNames("label_values(up{job=\"loket\"}, service)")).containsExactly("up");
        assertThat(metricNames("histogram_quantile(0.95, sum without (pod) (x))")).containsExactly("x");
    }

    @Test
    void theLoketMetricsAreRegisteredInTheSources() throws IOException {
        Set<String> registered = registeredMeterNames();
        for (String metric : DASHBOARD_METRICS) {
            if (!metric.startsWith("loket_") || PENDING.contains(metric)) continue;
            assertThat(registered).as("a meter named " + metric + " in some src/main/java (renamed?)")
                    .contains(metric.replaceFirst("_total$", ""));
        }
    }

    @Test
    void pendingMetricsAreStillPending() throws IOException {
        Set<String> registered = registeredMeterNames();
        for (String metric : PENDING) {
            assertThat(registered).as(metric + " is registered now: remove it from DeployManifestsTest.PENDING, so that a rename fails the build")
                    .doesNotContain(metric.replaceFirst("_total$", ""));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** Metric names in a PromQL expression (or a Grafana label_values(metric, label) query). */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")     // string literals
                .replaceAll("\\{[^}]*}", " ")                                  // label matchers
                .replaceAll("\\[[^]]*]", " ")                                  // range selectors
                .replaceAll("\\boffset\\s+\\S+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,\\s*\\w+\\s*\\)", " $1 ");
        Set<String> keywords = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
                "unless", "offset");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(\\$?[a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            String word = m.group(1);
            if (m.group(2) != null || word.startsWith("$") || keywords.contains(word)) continue;
            if (m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1))) continue; // 1e3, 5m
            names.add(word);
        }
        return names;
    }

    private static List<String> dashboardQueries() {
        List<String> out = new ArrayList<>();
        walk(dashboard, m -> {
            if (m.get("expr") instanceof String expr) out.add(expr);
        });
        for (Map<String, Object> v : maps(path(dashboard, "templating", "list"))) {
            Object q = v.get("query");
            out.add(q instanceof Map<?, ?> m ? String.valueOf(m.get("query")) : String.valueOf(q));
        }
        return out;
    }

    /** Every mapping in a tree of mappings and lists. */
    private static void walk(Object node, java.util.function.Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> m) {
            visit.accept(map(m));
            m.values().forEach(v -> walk(v, visit));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, visit));
        }
    }

    /** Micrometer names in string literals of every module's main sources, as Prometheus spells them. */
    private static Set<String> registeredMeterNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(loket\\.[a-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/") && !f.toString().contains("/.data/")).toList()) {
                Matcher m = literal.matcher(Files.readString(p));
                while (m.find()) names.add(m.group(1).replace('.', '_'));
            }
        }
        return names;
    }

    private static String defaultOf(String source, String method) {
        Matcher m = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)\\s*" + Pattern.quote(method)).matcher(source);
        if (!m.find()) fail("no @WithDefault before " + method + " in LoketConfig");
        return m.group(1);
    }

    private static void assertProbe(String service, Map<String, Object> c, String probe, String expectedPath, int port) {
        assertThat(path(c, probe, "httpGet", "path")).as(service + " " + probe + " path").isEqualTo(expectedPath);
        assertThat(path(c, probe, "httpGet", "port")).as(service + " " + probe + " port").isIn("http", port);
    }

    private Map<String, Object> secretKeysOfExample() {
        return k8s.get(root.resolve("deploy/k8s/secrets.example.yaml")).stream()
                .filter(d -> "loket-keys".equals(name(d))).map(d -> map(d.get("stringData"))).findFirst().orElseThrow();
    }

    private static String configMapValue(String configMap, String key) {
        return ofKind("ConfigMap").stream().filter(d -> configMap.equals(name(d)))
                .map(d -> map(d.get("data")).get(key)).filter(Objects::nonNull).map(String::valueOf)
                .findFirst().orElse(null);
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return k8s.values().stream().flatMap(List::stream).filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = maps(path(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as(name(deployment) + " containers").hasSize(1);
        return containers.getFirst();
    }

    private static List<Map<String, Object>> env(Map<String, Object> container) {
        return maps(container.get("env"));
    }

    private static String name(Map<String, Object> doc) {
        return (String) path(doc, "metadata", "name");
    }

    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        if (!m.matches()) fail("memory quantity in Mi or Gi expected: " + quantity);
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    static Object path(Object node, String... keys) {
        Object n = node;
        for (String k : keys) {
            if (!(n instanceof Map<?, ?> m)) return null;
            n = m.get(k);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    static List<String> strings(Object map, String key) {
        Object v = map(map).get(key);
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        try {
            for (Object doc : yaml.loadAll(Files.readString(file))) {
                if (doc == null) continue;
                assertThat(doc).as(file + ": a document is a mapping").isInstanceOf(Map.class);
                docs.add((Map<String, Object>) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " does not parse: " + e.getMessage(), e);
        }
        return docs;
    }
}
