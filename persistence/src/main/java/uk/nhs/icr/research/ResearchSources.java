package uk.nhs.icr.research;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.platform.SqlValues;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;

/**
 * What an extract reads from the two clinical databases, a chunk at a time and a fixed number of statements per chunk:
 * a page of patients in NHS-number order with their current opt-out and their consent to the project, then the entries
 * of the chunk's included patients, from each record, of the project's types and date range. Names, addresses and free
 * text are never read.
 */
@ApplicationScoped
public class ResearchSources {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** A patient as read, before any rule or generalisation. */
    public record SourcePatient(String nhsNumber, LocalDate birthDate, String sex, String postcode, boolean optedOut, boolean consented) {
    }

    /** An entry as read: where from (for its pseudonymous key), its patient, kind, day and the coded and numeric parts. */
    public record SourceEntry(String source, long id, String nhsNumber, String entryType, LocalDate occurredOn, String code,
                              BigDecimal resultValue, String abnormalFlag) {
    }

    @PersistenceContext(unitName = "hospital")
    EntityManager hospital;

    @PersistenceContext(unitName = "socialcare")
    EntityManager socialCare;

    public long countPatients() {
        return ((Number) hospital.createNativeQuery("select count(*) from patient").getSingleResult()).longValue();
    }

    /** The next page of patients after this NHS number, with the opt-out (latest version) and consent to this project. */
    public List<SourcePatient> patientsAfter(String nhsNumber, String projectReference, int limit) {
        List<?> rows = hospital.createNativeQuery("select p.nhs_number, p.birth_date, p.sex, p.postcode,"
                        + " coalesce((select o.opted_out from data_opt_out o where o.patient_nhs_number = p.nhs_number"
                        + " order by o.version desc limit 1), false),"
                        + " exists (select 1 from study_consent c where c.patient_nhs_number = p.nhs_number and c.study_id = ?1"
                        + " and c.withdrawn_at is null)"
                        + " from patient p where p.nhs_number > ?2 order by p.nhs_number limit ?3")
                .setParameter(1, projectReference).setParameter(2, nhsNumber).setParameter(3, limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(c -> new SourcePatient((String) c[0], SqlValues.localDate(c[1]), (String) c[2],
                (String) c[3], (Boolean) c[4], (Boolean) c[5])).toList();
    }

    /** The entries of these patients, of these types, that happened in the range: from both records, two statements. */
    public List<SourceEntry> entriesOf(List<String> nhsNumbers, Set<EntryType> types, LocalDate from, LocalDate to) {
        List<String> hospitalTypes = types.stream().filter(type -> type.source() == RecordSource.HOSPITAL).map(Enum::name).toList();
        List<String> socialCareTypes = types.stream().filter(type -> type.source() == RecordSource.SOCIAL_CARE).map(Enum::name).toList();
        Instant start = from.atStartOfDay(UK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(UK).toInstant();
        String[] patients = nhsNumbers.toArray(String[]::new);
        List<SourceEntry> entries = new java.util.ArrayList<>();
        if (!hospitalTypes.isEmpty() && patients.length > 0) {
            List<?> rows = hospital.createNativeQuery("select id, patient_nhs_number, entry_type, occurred_at, snomed_code, result_value,"
                            + " abnormal_flag from hospital_entry where patient_nhs_number = any(cast(?1 as varchar[]))"
                            + " and entry_type = any(cast(?2 as varchar[])) and occurred_at >= ?3 and occurred_at < ?4")
                    .setParameter(1, patients).setParameter(2, hospitalTypes.toArray(String[]::new)).setParameter(3, start)
                    .setParameter(4, end).getResultList();
            rows.stream().map(Object[].class::cast).forEach(c -> entries.add(new SourceEntry("H", ((Number) c[0]).longValue(), (String) c[1],
                    (String) c[2], day(c[3]), (String) c[4], (BigDecimal) c[5], (String) c[6])));
        }
        if (!socialCareTypes.isEmpty() && patients.length > 0) {
            List<?> rows = socialCare.createNativeQuery("select id, person_nhs_number, entry_type, occurred_at from social_care_entry"
                            + " where person_nhs_number = any(cast(?1 as varchar[])) and entry_type = any(cast(?2 as varchar[]))"
                            + " and occurred_at >= ?3 and occurred_at < ?4")
                    .setParameter(1, patients).setParameter(2, socialCareTypes.toArray(String[]::new)).setParameter(3, start)
                    .setParameter(4, end).getResultList();
            rows.stream().map(Object[].class::cast).forEach(c -> entries.add(new SourceEntry("S", ((Number) c[0]).longValue(), (String) c[1],
                    (String) c[2], day(c[3]), null, null, null)));
        }
        return entries;
    }


    private static LocalDate day(Object value) {
        Instant at = value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) value;
        return at.atZone(UK).toLocalDate();
    }
}
