package uk.nhs.icr.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import uk.nhs.icr.inpatient.service.AdmissionPlanService;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.TaskView;
import uk.nhs.icr.inpatient.service.PrescribingService;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionList;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.PathwayView;

/**
 * The record's care processes, searched by patient under the JSON API's rules: referral-to-treatment pathways as
 * {@code EpisodeOfCare}, an admission's prescriptions as {@code MedicationRequest} and its ward tasks as {@code Task} (both
 * of the admission named by {@code encounter}, or the patient's open one).
 */
final class CareProcessProviders {

    private CareProcessProviders() {
    }

    /** {@code Encounter/hospital-42} as the admission's id, or none. */
    static Long admission(ReferenceParam encounter) {
        if (encounter == null) {
            return null;
        }
        return RecordEntryResources.parseId(encounter.getIdPart()).filter(address -> address.source() == RecordSource.HOSPITAL)
                .map(RecordEntryResources.EntryAddress::id)
                .orElseThrow(() -> new InvalidRequestException("encounter: name a hospital admission (Encounter/hospital-{id})"));
    }

    static final class EpisodeOfCareProvider implements IResourceProvider {

        private final ReferralToTreatmentService pathways;

        EpisodeOfCareProvider(ReferralToTreatmentService pathways) {
            this.pathways = pathways;
        }

        @Override
        public Class<EpisodeOfCare> getResourceType() {
            return EpisodeOfCare.class;
        }

        @Search
        public IBundleProvider search(@RequiredParam(name = EpisodeOfCare.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient) {
            NhsNumber number = Patients.nhsNumber(patient);
            List<IBaseResource> found = pathways.pathwaysOf(number).stream().map(pathway -> (IBaseResource) episode(number, pathway)).toList();
            return OffsetPage.whole(found, found.size());
        }

        /** A referral-to-treatment pathway: its clock as the period, the treatment function as the type, each event in the history. */
        private static EpisodeOfCare episode(NhsNumber patient, PathwayView pathway) {
            EpisodeOfCare episode = new EpisodeOfCare();
            episode.setId("rtt-" + pathway.id());
            episode.setStatus(pathway.clockStop() == null ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
            episode.addType(new CodeableConcept().addCoding(new Coding(Systems.ICR + "CodeSystem/treatment-function",
                    pathway.treatmentFunction(), pathway.treatmentFunctionName())).setText("Referral to treatment: " + pathway.treatmentFunctionName()));
            episode.setPatient(new Reference("Patient/" + patient.value()));
            episode.setManagingOrganization(new Reference().setIdentifier(new Identifier().setSystem(Systems.ODS_CODE)
                    .setValue(pathway.providerOdsCode())));
            episode.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(pathway.clockStart().toString()))
                    .setEndElement(pathway.clockStop() == null ? null : new org.hl7.fhir.r4.model.DateTimeType(pathway.clockStop().toString())));
            episode.addReferralRequest(new Reference("ServiceRequest/hospital-" + pathway.referralEntryId()));
            pathway.events().forEach(event -> episode.addStatusHistory()
                    .setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
                    .setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(event.occurredOn().toString())))
                    .addExtension(Systems.ICR + "StructureDefinition/rtt-event", new org.hl7.fhir.r4.model.StringType(event.inWords())));
            episode.addExtension(Systems.ICR + "StructureDefinition/rtt-weeks-waited", new org.hl7.fhir.r4.model.IntegerType(
                    Math.toIntExact(pathway.weeksWaited())));
            return episode;
        }
    }

    static final class MedicationRequestProvider implements IResourceProvider {

        private final PrescribingService prescribing;

        MedicationRequestProvider(PrescribingService prescribing) {
            this.prescribing = prescribing;
        }

        @Override
        public Class<MedicationRequest> getResourceType() {
            return MedicationRequest.class;
        }

        @Search
        public IBundleProvider search(@RequiredParam(name = MedicationRequest.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient,
                                      @OptionalParam(name = MedicationRequest.SP_ENCOUNTER) ReferenceParam encounter) {
            NhsNumber number = Patients.nhsNumber(patient);
            PrescriptionList list = prescribing.prescriptionsOf(number, admission(encounter));
            List<IBaseResource> found = new ArrayList<>(list.prescriptions().stream()
                    .map(prescription -> (IBaseResource) request(number, prescription)).toList());
            int listed = found.size();
            if (list.withheld() > 0) {
                found.add(RecordEntryProvider.withheldNotice());
            }
            return OffsetPage.whole(found, listed);
        }

        /** An inpatient prescription: the medicine, the dose at the times of day (or as required), and its alerts' override. */
        private static MedicationRequest request(NhsNumber patient, PrescriptionView view) {
            MedicationRequest request = new MedicationRequest();
            request.setId("inpatient-" + view.id());
            request.setStatus(switch (view.status()) {
                case "stopped" -> MedicationRequest.MedicationRequestStatus.STOPPED;
                case "ended" -> MedicationRequest.MedicationRequestStatus.COMPLETED;
                default -> MedicationRequest.MedicationRequestStatus.ACTIVE;
            });
            request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            request.setCategory(List.of(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "inpatient", "Inpatient"))));
            request.setMedication(new CodeableConcept().setText(view.medicine()));
            request.setSubject(new Reference("Patient/" + patient.value()));
            request.setEncounter(new Reference("Encounter/hospital-" + view.admissionId()));
            request.setAuthoredOn(RecordEntryResources.date(view.prescribedAt()));
            request.setRequester(new Reference().setDisplay(view.prescribedBy()));
            if (view.indication() != null) {
                request.addReasonCode(new CodeableConcept().setText(view.indication()));
            }
            Dosage dosage = request.addDosageInstruction();
            dosage.setRoute(new CodeableConcept().setText(view.route()));
            if (view.dose() != null) {
                dosage.addDoseAndRate().setDose(new Quantity().setValue(view.dose()).setUnit(view.doseUnit()));
            }
            Timing timing = new Timing();
            view.timesOfDay().forEach(time -> timing.getRepeat().addTimeOfDay(time.toString().length() == 5 ? time + ":00" : time.toString()));
            timing.getRepeat().setBounds(new Period().setStart(RecordEntryResources.date(view.startsAt()))
                    .setEnd(RecordEntryResources.date(view.endsAt())));
            dosage.setTiming(timing);
            if (view.minimumIntervalMinutes() != null) {
                dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
                dosage.setText("As required, at least " + view.minimumIntervalMinutes() + " minutes apart"
                        + (view.mostPer24Hours() == null ? "" : ", at most " + view.mostPer24Hours() + " in 24 hours"));
            }
            if (view.overrideReason() != null) {
                request.addNote().setText("Alert overridden: " + view.overrideReason());
            }
            if (view.stopReason() != null) {
                request.setStatusReason(new CodeableConcept().setText(view.stopReason()));
            }
            return request;
        }
    }

    static final class TaskProvider implements IResourceProvider {

        private final AdmissionPlanService plans;

        TaskProvider(AdmissionPlanService plans) {
            this.plans = plans;
        }

        @Override
        public Class<Task> getResourceType() {
            return Task.class;
        }

        /** The ward tasks of one admission's plan ({@code encounter} required: tasks belong to an admission). */
        @Search
        public IBundleProvider search(@RequiredParam(name = Task.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient,
                                      @RequiredParam(name = Task.SP_ENCOUNTER) ReferenceParam encounter) {
            NhsNumber number = Patients.nhsNumber(patient);
            long admission = admission(encounter);
            List<IBaseResource> found = plans.planOf(number, admission).tasks().stream()
                    .map(task -> (IBaseResource) task(number, admission, task)).collect(Collectors.toList());
            return OffsetPage.whole(found, found.size());
        }

        private static Task task(NhsNumber patient, long admission, TaskView view) {
            Task task = new Task();
            task.setId("ward-task-" + view.id());
            task.setStatus(view.doneAt() != null ? Task.TaskStatus.COMPLETED : Task.TaskStatus.REQUESTED);
            task.setIntent(Task.TaskIntent.ORDER);
            task.setDescription(view.title());
            task.setCode(new CodeableConcept().setText(view.kind()));
            task.setFor(new Reference("Patient/" + patient.value()));
            task.setEncounter(new Reference("Encounter/hospital-" + admission));
            task.getRestriction().setPeriod(new Period().setEnd(RecordEntryResources.date(view.dueAt())));
            task.setOwner(new Reference().setDisplay(view.ownerRole()));
            if (view.doneAt() != null) {
                task.setLastModified(RecordEntryResources.date(view.doneAt()));
                task.addNote().setText("Done by " + view.doneBy());
            }
            if (view.overdue()) {
                task.setPriority(Task.TaskPriority.URGENT);
            }
            return task;
        }
    }
}
