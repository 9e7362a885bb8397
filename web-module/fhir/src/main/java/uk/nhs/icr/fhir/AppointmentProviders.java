package uk.nhs.icr.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.appointments.service.AppointmentService.AppointmentView;
import uk.nhs.icr.appointments.service.AppointmentService.SlotView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.Precondition;

/**
 * GP appointments as the patient app books them (the JSON API's {@code /api/me/appointments} rules): the free {@code Slot}s
 * at the patient's own practice, and their {@code Appointment}s: listed, read, booked ({@code POST Appointment} naming a
 * slot and a reason) and cancelled ({@code PUT} with status {@code cancelled} and {@code If-Match}). An appointment's id
 * is the patient's NHS number and its number ({@code 9434765919-12}).
 */
final class AppointmentProviders {

    private AppointmentProviders() {
    }

    /** Free slots a patient may book. */
    static final class SlotProvider implements IResourceProvider {

        private final AppointmentService appointments;

        SlotProvider(AppointmentService appointments) {
            this.appointments = appointments;
        }

        @Override
        public Class<Slot> getResourceType() {
            return Slot.class;
        }

        /** {@code Slot?patient=...&start=ge2026-12-01&start=le2026-12-07}: at most 14 days, from now on. */
        @Search
        public IBundleProvider search(@RequiredParam(name = "patient", targetTypes = Patient.class) ReferenceParam patient,
                                      @OptionalParam(name = Slot.SP_START) DateRangeParam start) {
            SearchWindow window = SearchWindow.of(start, "start");
            Optional<LocalDate> from = window.from().map(at -> at.atZone(UkClock.ZONE).toLocalDate());
            Optional<LocalDate> to = window.to().map(at -> at.minusMillis(1).atZone(UkClock.ZONE).toLocalDate());
            List<IBaseResource> slots = appointments.freeSlots(Patients.nhsNumber(patient), from, to).stream()
                    .map(slot -> (IBaseResource) slot(slot)).toList();
            return OffsetPage.whole(slots, slots.size());
        }

        private static Slot slot(SlotView view) {
            Slot slot = new Slot();
            slot.setId(Long.toString(view.id()));
            slot.setStatus(Slot.SlotStatus.FREE);
            slot.setStart(RecordEntryResources.date(view.startsAt()));
            slot.setEnd(RecordEntryResources.date(view.endsAt()));
            slot.addServiceType(new CodeableConcept().setText(view.kind()));
            slot.setSchedule(new Reference().setDisplay(view.clinicianName() + " (" + view.clinicianRole() + "), " + view.place()));
            return slot;
        }
    }

    /** A patient's appointments. */
    static final class AppointmentProvider implements IResourceProvider {

        private final AppointmentService appointments;
        private final StructureValidation validation;

        AppointmentProvider(AppointmentService appointments, StructureValidation validation) {
            this.appointments = appointments;
            this.validation = validation;
        }

        @Override
        public Class<Appointment> getResourceType() {
            return Appointment.class;
        }

        @Search
        public IBundleProvider search(@RequiredParam(name = Appointment.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient) {
            List<IBaseResource> found = appointments.appointmentsOf(Patients.nhsNumber(patient)).stream()
                    .map(view -> (IBaseResource) appointment(view)).toList();
            return OffsetPage.whole(found, found.size());
        }

        @Read
        public Appointment read(@IdParam IdType id) {
            Address address = address(id);
            return appointment(appointments.appointment(address.patient(), address.number()));
        }

        /** Books the slot the resource names ({@code slot}: {@code Slot/{id}}) for its patient participant, with its description as the reason. */
        @Create
        public MethodOutcome book(@ResourceParam Appointment resource) {
            validation.require(resource);
            NhsNumber patient = resource.getParticipant().stream().map(participant -> participant.getActor().getReferenceElement())
                    .filter(reference -> "Patient".equals(reference.getResourceType())).findFirst()
                    .map(reference -> Patients.nhsNumber(reference.getIdPart(), "Appointment.participant.actor"))
                    .orElseThrow(() -> new UnprocessableEntityException("Appointment.participant: name the patient (Patient/{nhsNumber})"));
            Long slot = resource.getSlot().stream().map(reference -> reference.getReferenceElement().getIdPart())
                    .filter(text -> text != null && text.matches("[0-9]{1,18}")).map(Long::valueOf).findFirst()
                    .orElseThrow(() -> new UnprocessableEntityException("Appointment.slot: name the free slot (Slot/{id})"));
            Appointment booked = appointment(appointments.book(patient, new AppointmentService.Booking(slot, resource.getDescription())));
            return new MethodOutcome(booked.getIdElement(), true).setResource(booked);
        }

        /** Cancels the appointment: the only change a patient makes to one (status {@code cancelled}, with {@code If-Match}). */
        @Update
        public MethodOutcome cancel(@IdParam IdType id, @ResourceParam Appointment resource, RequestDetails request) {
            Address address = address(id);
            validation.require(resource);
            if (resource.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
                throw new UnprocessableEntityException("Appointment.status: a patient changes an appointment only by cancelling it");
            }
            Precondition precondition = Precondition.fromHeaders(request.getHeader("If-Match"), request.getHeader("If-None-Match"));
            Appointment cancelled = appointment(appointments.cancel(address.patient(), address.number(), precondition));
            return new MethodOutcome(cancelled.getIdElement()).setResource(cancelled);
        }

        private static Address address(IdType id) {
            String text = id.getIdPart() == null ? "" : id.getIdPart();
            int dash = text.lastIndexOf('-');
            if (dash < 0 || !text.substring(dash + 1).matches("[0-9]{1,18}")) {
                throw new ResourceNotFoundException(id);
            }
            try {
                return new Address(NhsNumber.parse(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
            } catch (uk.nhs.icr.platform.InvalidValueException e) {
                throw new ResourceNotFoundException(id);
            }
        }

        private record Address(NhsNumber patient, long number) {
        }

        private static Appointment appointment(AppointmentView view) {
            Appointment appointment = new Appointment();
            appointment.setId(new IdType("Appointment", view.patientNhsNumber() + "-" + view.id(), Integer.toString(view.version())));
            appointment.getMeta().setVersionId(Integer.toString(view.version()));
            appointment.setStatus("cancelled".equals(view.status()) ? Appointment.AppointmentStatus.CANCELLED : Appointment.AppointmentStatus.BOOKED);
            appointment.setStart(RecordEntryResources.date(view.startsAt()));
            appointment.setEnd(RecordEntryResources.date(view.endsAt()));
            appointment.setDescription(view.reason());
            appointment.addServiceType(new CodeableConcept().setText(view.kind()));
            if (view.cancellationReason() != null) {
                appointment.setCancelationReason(new CodeableConcept().setText(view.cancellationReason()));
            }
            appointment.addParticipant().setActor(new Reference("Patient/" + view.patientNhsNumber()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            appointment.addParticipant().setActor(new Reference().setDisplay(view.clinicianName() + " (" + view.clinicianRole() + ")"))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            appointment.setComment(view.place());
            return appointment;
        }
    }
}
