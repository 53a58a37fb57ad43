package io.tumorboard.federation.registry;

/** One model package in the registry: the global model a run had after a given round. */
public record ModelVersion(String runId, int round) {

    public ModelVersion {
        if (!runId.matches("[A-Za-z0-9._-]{1,64}") || round < 1) {
            throw new IllegalArgumentException("invalid model version " + runId + "/" + round);
        }
    }

    /** The version's folder relative to the registry root, e.g. {@code study-7/round-0012}. */
    public String path() {
        return String.format("%s/round-%04d", runId, round);
    }

    public static ModelVersion parse(String path) {
        String[] parts = path.split("/");
        if (parts.length != 2 || !parts[1].startsWith("round-")) {
            throw new IllegalArgumentException("not a model version path: " + path);
        }
        return new ModelVersion(parts[0], Integer.parseInt(parts[1].substring("round-".length())));
    }
}
