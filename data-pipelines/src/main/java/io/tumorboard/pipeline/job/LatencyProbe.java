package io.tumorboard.pipeline.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumorboard.model.cases.PatientKey;
import io.tumorboard.model.casestore.CaseStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Measures, against a running continuous job, the time from a new file appearing in the export folder to the
 * patient's updated case being readable in the case store. Each probe file holds one new eGFR Observation for a
 * patient already in the export, written under a hidden name and moved into place atomically (as a site's export
 * job should drop files), so the source never sees half a file. The first file is dropped only once the job has
 * caught up with the export it started on (no case version stored for two seconds).
 */
public final class LatencyProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long no new case version may be stored before the job counts as caught up with the export. */
    private static final long QUIET_MILLIS = 2_000;

    private final PipelineSettings settings;

    public LatencyProbe(PipelineSettings settings) {
        this.settings = settings;
    }

    /** Drops {@code files} probe files one after another; returns each file-to-case latency in ms. */
    public List<Long> measure(int files, long timeoutMillis) throws Exception {
        JsonNode patient = null;
        String mrn = null;
        // The first well-formed Patient with an MRN: an export may well begin with a broken line (the demo
        // cohort's malformed records do), which the job rejects and the probe must not pick. Read byte for byte
        // (Latin-1 never fails) and non-ASCII lines passed over, as they may be the job's NOT_UTF8 rejections.
        for (String line : Files.readAllLines(settings.siteFolder().resolve("fhir/Patient.ndjson"),
                StandardCharsets.ISO_8859_1)) {
            if (!line.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            JsonNode candidate;
            try {
                candidate = JSON.readTree(line);
            } catch (JsonProcessingException broken) {
                continue;
            }
            for (JsonNode identifier : candidate == null ? JSON.createArrayNode() : candidate.path("identifier")) {
                if (identifier.path("type").toString().contains("\"MR\"") && identifier.hasNonNull("value")) {
                    patient = candidate;
                    mrn = identifier.path("value").asText();
                }
            }
            if (patient != null) {
                break;
            }
        }
        if (patient == null) {
            throw new IllegalArgumentException("no well-formed Patient with an MRN in "
                    + settings.siteFolder().resolve("fhir/Patient.ndjson"));
        }
        String patientId = patient.path("id").asText();
        String key = new PatientKey(settings.site(), settings.siteSecret()).of(mrn);
        List<Long> latencies = new ArrayList<>();
        try (CaseStore store = settings.store().open()) {
            waitForAnyVersion(store, key, timeoutMillis);
            // A file dropped while the job still works through the export it started on would wait behind that
            // backlog and time the backlog, not a new file's path to its case.
            awaitCaughtUp(store, timeoutMillis);
            long version = store.currentVersion(key).orElseThrow();
            for (int i = 0; i < files; i++) {
                long started = System.nanoTime();
                drop(patientId, "probe-" + System.nanoTime());
                version = waitForVersionAbove(store, key, version, timeoutMillis);
                latencies.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return latencies;
    }

    private void drop(String patientId, String id) throws IOException {
        String observation = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"62238-1\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + patientId + "\"},\"effectiveDateTime\":\"2024-05-01\","
                + "\"valueQuantity\":{\"value\":61,\"unit\":\"mL/min/1.73m2\",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"mL/min/{1.73_m2}\"}}\n";
        Path folder = settings.siteFolder().resolve("fhir");
        Path hidden = folder.resolve("." + id + ".ndjson");
        Files.writeString(hidden, observation, StandardCharsets.UTF_8);
        Files.move(hidden, folder.resolve(id + ".ndjson"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until no case version has been stored for {@link #QUIET_MILLIS}: the job has read what was there. */
    private void awaitCaughtUp(CaseStore store, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long count = store.storedVersionCount(settings.site());
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - quietSince < QUIET_MILLIS) {
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("the job was still storing case versions of the existing export after "
                        + timeoutMillis + " ms");
            }
            Thread.sleep(100);
            long now = store.storedVersionCount(settings.site());
            if (now != count) {
                count = now;
                quietSince = System.currentTimeMillis();
            }
        }
    }

    private static long waitForAnyVersion(CaseStore store, String key, long timeoutMillis) throws Exception {
        return waitForVersionAbove(store, key, 0, timeoutMillis);
    }

    private static long waitForVersionAbove(CaseStore store, String key, long version, long timeoutMillis)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            long current = store.currentVersion(key).orElse(0L);
            if (current > version) {
                return current;
            }
            Thread.sleep(5);
        }
        throw new TimeoutException("case " + key + " did not pass version " + version + " within " + timeoutMillis
                + " ms");
    }
}
