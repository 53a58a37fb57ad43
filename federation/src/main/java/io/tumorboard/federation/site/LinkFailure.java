package io.tumorboard.federation.site;

/** A failed exchange with the coordinator, classified by what the site should do next. */
public final class LinkFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What the site does next. */
    public enum Action {
        /** The coordinator is unreachable or restarting: back off, then register again. */
        RECONNECT,
        /** The coordinator does not know this site (e.g. it restarted): register again now. */
        REGISTER,
        /** This result was refused (stale, invalid); drop it and pull the next task. */
        DROP_RESULT,
        /** This site may not take part (not admitted): stop. */
        STOP
    }

    private final Action action;

    public LinkFailure(Action action, String message, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public Action action() {
        return action;
    }
}
