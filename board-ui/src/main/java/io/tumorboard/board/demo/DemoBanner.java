package io.tumorboard.board.demo;

import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.board.models.ModelRegistry;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.store.CaseStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code demo} profile: once the workbench answers, tells the person running the demo where to go,
 * how to sign in and where every demo output lies. Written to standard output on purpose: it is the demo's
 * user interface in the terminal, not a log record.
 */
@Component
@Profile("demo")
class DemoBanner implements ApplicationListener<ApplicationReadyEvent> {

    /** What each stage of the product demo wrote, relative to demo-output/ (the demo layout contract). */
    private static final List<String[]> OUTPUTS = List.of(
            new String[] {"cohort", "generated hospital exports (one folder per site) and their truth/"},
            new String[] {"pipeline", "each site's case dataset (cases/*.jsonl), dead letters, pseudonymisation secret"},
            new String[] {"casestore", "the H2 case store this workbench reads (all sites)"},
            new String[] {"federation/registry", "model registry: runs, round versions, lineage, promoted pointer"},
            new String[] {"federation/work", "federation coordinator checkpoints and audit log"},
            new String[] {"federation/certs", "federation CA and site/coordinator certificates"});

    private final Environment environment;
    private final CaseStore store;
    private final MeetingRepository meetings;
    private final ModelRegistry registry;

    DemoBanner(Environment environment, CaseStore store, MeetingRepository meetings, ModelRegistry registry) {
        this.environment = environment;
        this.store = store;
        this.meetings = meetings;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        print(System.out);
    }

    void print(PrintStream out) {
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        out.println();
        out.println("================ Tumor-board workbench (demo) ================");
        out.println("Open            " + url);
        out.println("Sign in as      " + String.join(", ", DemoSeeder.USERS.stream().map(BoardUser::username).toList()));
        out.println("Password        " + DemoSeeder.DEMO_PASSWORD + "   (demo only; published on the login page)");
        out.println("                chair: agenda and sign-off; oncologist/radiologist/pathologist/surgeon: board "
                + "members; datasci: models, training runs, promotion; admin: audit log");
        out.println("Case store      " + environment.getProperty("spring.datasource.url") + "  ("
                + store.search("", Integer.MAX_VALUE).size() + " current cases)");
        out.println("Model registry  " + registry.root() + "  (promoted: " + registry.promoted().orElse("none") + ")");
        meetings.all().stream().findFirst().ifPresent(m -> out.println("Demo meeting    " + url + "/meetings/" + m.id()
                + "  (" + m.date() + ", " + meetings.agenda(m.id()).size() + " cases)"));
        String root = environment.getProperty("board.demo.output");
        if (root != null) {
            out.println("Demo outputs under " + root + ":");
            for (String[] output : OUTPUTS) {
                Path path = Path.of(root).resolve(output[0]);
                out.printf("  %-22s %s%s%n", output[0] + "/", output[1], Files.exists(path) ? "" : "  [absent]");
            }
        }
        out.println("Stop with Ctrl-C.");
        out.println("==============================================================");
        out.flush();
    }
}
