package uk.nhs.icr.audit;

/**
 * What a caller did, or tried to do, to a patient's data: the {@code action} of an audit entry, and what the
 * access decision point decides on. Whether an action changes anything decides whether a role needs
 * permission to record, not only a relationship.
 */
public enum AuditAction {
    READ(false),
    SEARCH(false),
    LOOK_UP(false),
    HISTORY(false),
    EVALUATE(false),
    WRITE(true),
    CREATE(true),
    RECORD(true),
    CIRCUMSTANCES(true),
    GRANT(true),
    REVIEW(true);

    private final boolean writes;

    AuditAction(boolean writes) {
        this.writes = writes;
    }

    /** True when the action records or changes something. */
    public boolean writes() {
        return writes;
    }
}
