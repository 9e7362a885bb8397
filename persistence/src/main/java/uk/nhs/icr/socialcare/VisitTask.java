package uk.nhs.icr.socialcare;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One task of a planned visit (from the person's care plan), and whether the carer did it. */
@Embeddable
public class VisitTask {

    @Column(name = "task", nullable = false)
    private String task;

    /** Null until the carer says. */
    @Column(name = "done")
    private Boolean done;

    @Column(name = "note")
    private String note;

    protected VisitTask() {
        // for JPA
    }

    VisitTask(String task) {
        this.task = task;
    }

    void record(boolean done, String note) {
        this.done = done;
        this.note = note;
    }

    String inWords() {
        String outcome = done == null ? "not recorded" : done ? "done" : "not done";
        return task + ": " + outcome + (note == null ? "" : " (" + note + ")");
    }

    public String task() { return task; }
    public Boolean done() { return done; }
    public String note() { return note; }
}
