package uk.nhs.icr.appointments;

/** How the patient is seen. */
public enum AppointmentKind { FACE_TO_FACE, TELEPHONE, VIDEO }
