package io.tumorboard.board;

import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.security.BoardRole;
import io.tumorboard.board.security.BoardUser;
import io.tumorboard.board.security.BoardUsers;
import io.tumorboard.board.store.CaseStore;
import io.tumorboard.board.store.CaseStoreWriter;
import org.springframework.context.ApplicationContext;

/**
 * Users of every role and the demo cases, created once in the shared test database. Like the demo users, the test
 * users are not made to change their password ({@code UsersIT} covers that for users an admin creates).
 */
public final class TestBoard {

    public static final String PASSWORD = "test-password-2026";

    private TestBoard() {
    }

    public static synchronized void prepare(ApplicationContext context) {
        BoardUsers users = context.getBean(BoardUsers.class);
        user(users, "chair", "Dr. Test Chair", BoardRole.CHAIR, "thoracic oncology");
        user(users, "chair2", "Dr. Other Chair", BoardRole.CHAIR, "thoracic oncology");
        user(users, "member", "Dr. Test Member", BoardRole.BOARD_MEMBER, "radiology");
        user(users, "member2", "Dr. Second Member", BoardRole.BOARD_MEMBER, "pathology");
        user(users, "datasci", "Test Data Scientist", BoardRole.DATA_SCIENTIST, null);
        user(users, "admin", "Test Admin", BoardRole.ADMIN, null);
        CaseStore store = context.getBean(CaseStore.class);
        CaseStoreWriter writer = context.getBean(CaseStoreWriter.class);
        for (DemoCases.DemoCase demo : DemoCases.all()) {
            if (store.summary(demo.patientCase().caseKey()).isEmpty()) {
                writer.write(demo.patientCase(), demo.displayIdentity());
            }
        }
    }

    private static void user(BoardUsers users, String name, String fullName, BoardRole role, String specialty) {
        if (!users.exists(name)) {
            users.create(new BoardUser(name, fullName, role, specialty), PASSWORD, false);
        }
    }
}
