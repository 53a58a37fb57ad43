package io.tumorboard.board.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.BoardIntegrationTest;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.decision.DecisionService;
import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.meeting.MeetingRepository;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Crawls every route the application maps, as each role and as an anonymous visitor, and checks the answer
 * against the access matrix written out here (independently of {@link AccessMatrix}, so a change to either
 * shows up as a failure). A route the application maps but this table does not list fails the test.
 */
@BoardIntegrationTest
class AccessMatrixIT {

    private static final Set<BoardRole> M = EnumSet.of(BoardRole.BOARD_MEMBER);
    private static final Set<BoardRole> C = EnumSet.of(BoardRole.CHAIR);
    private static final Set<BoardRole> D = EnumSet.of(BoardRole.DATA_SCIENTIST);
    private static final Set<BoardRole> A = EnumSet.of(BoardRole.ADMIN);

    /** The expected matrix: route (method and pattern) to the roles that may use it. */
    private static final Map<String, Set<BoardRole>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /", union(M, C, D, A)),
            Map.entry("GET /account/password", union(M, C, D, A)),
            Map.entry("POST /account/password", union(M, C, D, A)),
            Map.entry("GET /meetings", union(M, C, D)),
            Map.entry("GET /meetings/{id}", union(M, C, D)),
            Map.entry("POST /meetings", C),
            Map.entry("POST /meetings/{id}/agenda", C),
            Map.entry("POST /meetings/{id}/agenda/{itemId}/remove", C),
            Map.entry("GET /meetings/{id}/present", union(M, C)),
            Map.entry("GET /meetings/{id}/minutes.pdf", union(M, C)),
            Map.entry("GET /cases/{key}", union(M, C, D)),
            Map.entry("POST /cases/{key}/flags/review", union(M, C)),
            Map.entry("GET /meetings/{id}/cases/{key}/decision", union(M, C)),
            Map.entry("POST /meetings/{id}/cases/{key}/decision", union(M, C)),
            Map.entry("POST /meetings/{id}/cases/{key}/decision/sign", C),
            Map.entry("GET /decisions/{id}/fhir", union(M, C)),
            Map.entry("GET /api/decisions/{id}/fhir", union(M, C)),
            Map.entry("GET /data-quality", union(D, A, C)),
            Map.entry("GET /models", union(D, A)),
            Map.entry("POST /models/promote", union(D, A)),
            Map.entry("GET /training-runs", union(D, A)),
            Map.entry("GET /training-runs/{run}", union(D, A)),
            Map.entry("GET /admin/audit", A),
            Map.entry("GET /admin/users", A),
            Map.entry("POST /admin/users", A),
            Map.entry("POST /admin/users/{username}/role", A),
            Map.entry("POST /admin/users/{username}/disable", A),
            Map.entry("POST /admin/users/{username}/enable", A),
            Map.entry("POST /admin/users/{username}/password", A),
            Map.entry("GET /api/cases", union(M, C, D)),
            Map.entry("GET /api/cases/{key}", union(M, C, D)),
            Map.entry("GET /api/cases/{key}/prognosis", union(M, C, D)),
            Map.entry("GET /api/meetings", union(M, C, D)),
            Map.entry("GET /api/meetings/{id}/agenda", union(M, C, D)),
            Map.entry("POST /api/meetings", C),
            Map.entry("POST /api/meetings/{id}/agenda", C),
            Map.entry("GET /api/meetings/{id}/cases/{key}/decision", union(M, C)),
            Map.entry("POST /api/meetings/{id}/cases/{key}/decision", union(M, C)),
            Map.entry("POST /api/meetings/{id}/cases/{key}/decision/sign", C),
            Map.entry("POST /api/cases/{key}/flags/review", union(M, C)),
            Map.entry("GET /v3/api-docs", union(D, A)),
            Map.entry("GET /v3/api-docs/swagger-config", union(D, A)),
            Map.entry("GET /v3/api-docs.yaml", EnumSet.noneOf(BoardRole.class)),
            Map.entry("GET /swagger-ui.html", union(D, A))));
    /** Public by design: the login page and Boot's error page. */
    private static final Set<String> PUBLIC = Set.of("GET /login", "GET /error", "POST /error");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeetingRepository meetings;
    @Autowired
    DecisionService decisions;
    @Autowired
    JdbcClient jdbc;

    private long meeting;
    private long item;
    private long decision;
    private final String caseKey = DemoCases.all().get(2).patientCase().caseKey();

    @BeforeEach
    void records() {
        TestBoard.prepare(context);
        meeting = meetings.create(LocalDate.of(2026, 12, 2), "Thoracic", "chair", "chair");
        item = meetings.addToAgenda(meeting, caseKey, "Is MRI brain safe?", "chair");
        decision = decisions.save(meeting, caseKey, 0, 0, new DecisionContent(TreatmentIntent.PALLIATIVE,
                TreatmentModality.TARGETED_THERAPY, "ESMO mNSCLC 2025", "M1b", "Dr. A", Agreement.CONSENSUS, null,
                null), "member").id();
    }

    @SafeVarargs
    private static Set<BoardRole> union(Set<BoardRole>... sets) {
        Set<BoardRole> all = EnumSet.noneOf(BoardRole.class);
        for (Set<BoardRole> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private Set<String> mappedRoutes() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                } else {
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        return routes;
    }

    private String concrete(String pattern) {
        return pattern.replace("{run}", "no-such-run").replace("{username}", "no-such-user")
                .replace("{itemId}", String.valueOf(item)).replace("{key}", caseKey)
                .replace("/decisions/{id}", "/decisions/" + decision).replace("{id}", String.valueOf(meeting));
    }

    private static HttpResponse<String> call(BoardClient client, String route, String url) {
        return route.startsWith("POST ") ? client.post(url, Map.of()) : client.get(url);
    }

    @Test
    void everyMappedRouteIsInTheMatrix() {
        List<String> unlisted = mappedRoutes().stream()
                .filter(r -> !EXPECTED.containsKey(r) && !PUBLIC.contains(r)).toList();
        assertThat(unlisted).as("routes the application maps but the access matrix test does not list").isEmpty();
    }

    @Test
    void everyRouteAnswersEachRoleAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (BoardRole role : BoardRole.values()) {
            BoardClient client = new BoardClient(port).login(username(role), TestBoard.PASSWORD);
            for (Map.Entry<String, Set<BoardRole>> route : EXPECTED.entrySet()) {
                String url = concrete(route.getKey().substring(route.getKey().indexOf(' ') + 1));
                int status = call(client, route.getKey(), url).statusCode();
                boolean allowed = route.getValue().contains(role);
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    wrong.add(role + " " + route.getKey() + " should be allowed, got " + status);
                }
                if (!allowed && status != 403) {
                    wrong.add(role + " " + route.getKey() + " should be forbidden, got " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAnonymousVisitorIsSentToSignInOrRefusedEverywhere() {
        BoardClient anonymous = new BoardClient(port);
        List<String> wrong = new ArrayList<>();
        for (String route : EXPECTED.keySet()) {
            HttpResponse<String> answer = call(anonymous, route, concrete(route.substring(route.indexOf(' ') + 1)));
            boolean toLogin = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").endsWith("/login");
            if (!toLogin && answer.statusCode() != 401 && answer.statusCode() != 403) {
                wrong.add(route + " answered " + answer.statusCode());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        BoardClient member = new BoardClient(port).login("member", TestBoard.PASSWORD);
        HttpResponse<String> refused = member.postRaw("/cases/" + caseKey + "/flags/review",
                Map.of("flagId", "SAFETY-MRI-DEVICE:implanted device", "outcome", "DISMISSED", "reason", "forged"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flag_review WHERE reason = 'forged'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndSessionsTimeOutAfterThirtyMinutes() {
        assertThat(jdbc.sql("SELECT password_hash FROM board_user").query(String.class).list())
                .isNotEmpty().allMatch(hash -> hash.startsWith("$2a$12$"));
        assertThat(context.getEnvironment().getProperty("server.servlet.session.timeout")).isEqualTo("30m");
    }

    @Test
    void withoutTheDemoProfileTheLoginPageAnnouncesNoDemoUsers() {
        assertThat(new BoardClient(port).get("/login").body()).doesNotContain("demo-notice")
                .doesNotContain("demo-board-2026");
    }

    private static String username(BoardRole role) {
        return switch (role) {
            case BOARD_MEMBER -> "member";
            case CHAIR -> "chair";
            case DATA_SCIENTIST -> "datasci";
            case ADMIN -> "admin";
        };
    }
}
