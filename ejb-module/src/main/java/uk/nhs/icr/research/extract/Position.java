package uk.nhs.icr.research.extract;

import java.io.Serializable;

/** The reader's checkpoint: the last NHS number read (patients are read in NHS-number order) and how many so far. */
record Position(String lastNhsNumber, long read) implements Serializable {
}
