package uk.nhs.icr.organdonation;

/** What a person may choose to donate when they opt in to some organs and tissue only. */
public enum Organ {
    HEART, LUNGS, KIDNEYS, LIVER, PANCREAS, SMALL_BOWEL, CORNEAS, SKIN, BONE, TENDONS, HEART_VALVES
}
