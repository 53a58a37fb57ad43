package io.tumorboard.federation.coordinator;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.run.SiteReport;
import io.tumorboard.federation.run.TaskKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tasks handed to sites and not yet answered (at most one per site), and the ids of those answered: a result
 * is accepted only as the answer to its site's open task in the current round, and only once.
 */
final class IssuedTasks {

    private final RefusalAudit refusals;
    private final Map<String, Issued> issued = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    private record Issued(String site, int round, TaskKind kind) {
    }

    IssuedTasks(RefusalAudit refusals) {
        this.refusals = refusals;
    }

    /** Issues a task to {@code site}, replacing any it still held; returns the task's id. */
    String issue(String site, int round, TaskKind kind) {
        issued.values().removeIf(i -> i.site().equals(site));
        String taskId = UUID.randomUUID().toString();
        issued.put(taskId, new Issued(site, round, kind));
        return taskId;
    }

    /** Refuses a result that does not answer a task open for its site in {@code round} (null: none open). */
    void checkCurrent(String site, SiteReport report, OpenRound round) throws RefusedResult {
        if (answered.contains(report.taskId())) {
            throw refusals.refuse(RefusedResult.Kind.REPLAYED, AuditEvent.REPLAYED_UPDATE, site, report.round(),
                    "task already answered");
        }
        Issued i = issued.get(report.taskId());
        if (i != null && i.site().equals(site) && i.kind() == TaskKind.EVALUATE && i.kind() == report.kind()
                && (round == null || i.round() != round.number())) {
            // An evaluation that lost the race with its round's close is expected, not an attack: not audited.
            throw new RefusedResult(RefusedResult.Kind.STALE, null, "evaluation arrived after its round closed");
        }
        if (i == null || !i.site().equals(site) || round == null || i.round() != round.number()
                || report.round() != round.number() || i.kind() != report.kind()) {
            throw refusals.refuse(RefusedResult.Kind.STALE, AuditEvent.STALE_UPDATE, site, report.round(),
                    "result does not answer a task open for this site in the current round");
        }
    }

    void answered(String taskId) {
        answered.add(taskId);
        issued.remove(taskId);
    }
}
