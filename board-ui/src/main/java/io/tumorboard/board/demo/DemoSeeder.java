package io.tumorboard.board.demo;

import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseStoreWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under the {@code demo} profile only: creates the demo users (password {@value #DEMO_PASSWORD}, published on
 * the login page); writes the hand-written demo cases only into an empty case store (the workbench started
 * alone; the product demo fills the store from the pipeline first); then creates one demo meeting from the
 * cases in the store when there is no meeting yet.
 */
@Component
@Profile("demo")
@Order(1)
class DemoSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo-board-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    static final List<BoardUser> USERS = List.of(
            new BoardUser("chair", "Dr. Ines Kowalski", BoardRole.CHAIR, "thoracic oncology"),
            new BoardUser("oncologist", "Dr. Amara Osei", BoardRole.BOARD_MEMBER, "medical oncology"),
            new BoardUser("radiologist", "Dr. Jonas Lindqvist", BoardRole.BOARD_MEMBER, "radiology"),
            new BoardUser("pathologist", "Dr. Mei Tanaka", BoardRole.BOARD_MEMBER, "pathology"),
            new BoardUser("surgeon", "Dr. Rafael Duarte", BoardRole.BOARD_MEMBER, "thoracic surgery"),
            new BoardUser("datasci", "Sam Keller", BoardRole.DATA_SCIENTIST, null),
            new BoardUser("admin", "Site administrator", BoardRole.ADMIN, null));

    private final BoardUsers users;
    private final CaseStore store;
    private final CaseStoreWriter writer;
    private final DemoMeeting meeting;

    /** Whether the demo users must change the published password at first sign-in (board.demo.users-change-password). */
    private final boolean usersChangePassword;

    DemoSeeder(BoardUsers users, CaseStore store, CaseStoreWriter writer, DemoMeeting meeting,
            @Value("${board.demo.users-change-password:false}") boolean usersChangePassword) {
        this.users = users;
        this.usersChangePassword = usersChangePassword;
        this.store = store;
        this.writer = writer;
        this.meeting = meeting;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (BoardUser user : USERS) {
            if (!users.exists(user.username())) {
                users.create(user, DEMO_PASSWORD, usersChangePassword);
            }
        }
        int written = 0;
        if (store.search("", 1).isEmpty()) {
            for (DemoCases.DemoCase demo : DemoCases.all()) {
                writer.write(demo.patientCase(), demo.displayIdentity());
                written++;
            }
        }
        long meetingId = meeting.createIfNone("chair");
        LOG.warn("DEMO profile: demo users with the published password exist; {} hand-written demo cases written{}",
                written, meetingId < 0 ? "" : "; demo meeting " + meetingId + " created from the case store");
    }
}
