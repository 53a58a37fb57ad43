package io.tumorboard.board.meeting;

import io.tumorboard.board.store.MigratedSchemas;
import io.tumorboard.board.web.RecordNotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code meeting} and {@code agenda_item} tables. */
@Repository
public class MeetingRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public MeetingRepository(JdbcClient jdbc, Clock clock, MigratedSchemas migrated) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long create(LocalDate date, String tumorType, String chair, String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meeting (meeting_date, tumor_type, chair_username, created_by, created_at) "
                        + "VALUES (:d, :t, :chair, :by, :at)")
                .param("d", Date.valueOf(date)).param("t", tumorType).param("chair", chair).param("by", createdBy)
                .param("at", Timestamp.from(clock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Meeting get(long id) {
        return jdbc.sql("SELECT id, meeting_date, tumor_type, chair_username FROM meeting WHERE id = :id")
                .param("id", id).query((rs, n) -> new Meeting(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new RecordNotFoundException("meeting", id));
    }

    /** Every meeting, the newest first. */
    public List<Meeting> all() {
        return jdbc.sql("SELECT id, meeting_date, tumor_type, chair_username FROM meeting "
                        + "ORDER BY meeting_date DESC, id DESC")
                .query((rs, n) -> new Meeting(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** Puts a case on the agenda; a case already on it is refused with a clear message. */
    public long addToAgenda(long meetingId, String caseKey, String question, String addedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO agenda_item (meeting_id, case_key, question, added_by, added_at) "
                            + "VALUES (:m, :k, :q, :by, :at)")
                    .param("m", meetingId).param("k", caseKey).param("q", question).param("by", addedBy)
                    .param("at", Timestamp.from(clock.instant()))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("case " + caseKey + " is already on the agenda of meeting "
                    + meetingId, e);
        }
        return key.getKey().longValue();
    }

    public void removeFromAgenda(long meetingId, long itemId) {
        int removed = jdbc.sql("DELETE FROM agenda_item WHERE id = :id AND meeting_id = :m")
                .param("id", itemId).param("m", meetingId).update();
        if (removed == 0) {
            throw new RecordNotFoundException("agenda item", itemId + " in meeting " + meetingId);
        }
    }

    public List<AgendaItem> agenda(long meetingId) {
        return jdbc.sql("SELECT id, meeting_id, case_key, question FROM agenda_item WHERE meeting_id = :m "
                        + "ORDER BY id")
                .param("m", meetingId)
                .query((rs, n) -> new AgendaItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
