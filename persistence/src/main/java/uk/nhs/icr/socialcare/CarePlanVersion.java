package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/**
 * One version of the care plan a provider's staff work from. A change is a new version (the history is every version); the
 * person, or someone acting for them, says whether they agree with the version in force.
 */
@Entity
@Table(name = "care_plan_version")
public class CarePlanVersion {

    public enum Agreement { AGREED, DISAGREED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_nhs_number", nullable = false, updatable = false)
    private NhsNumber person;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Convert(converter = CarePlanSectionsConverter.class)
    @Column(name = "sections", nullable = false, updatable = false)
    private List<CarePlanSection> sections;

    @Column(name = "review_date", nullable = false, updatable = false)
    private LocalDate reviewDate;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "agreement")
    private Agreement agreement;

    @Column(name = "agreement_comment")
    private String agreementComment;

    @Column(name = "agreement_by")
    private String agreementBy;

    @Column(name = "agreement_at")
    private Instant agreementAt;

    protected CarePlanVersion() {
        // for JPA
    }

    public CarePlanVersion(NhsNumber person, OdsCode provider, int version, List<CarePlanSection> sections, LocalDate reviewDate,
                           String recordedBy, String recordedByName, Instant recordedAt) {
        this.person = person;
        this.provider = provider;
        this.version = version;
        this.sections = List.copyOf(sections);
        this.reviewDate = reviewDate;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }

    public void recordAgreement(Agreement said, String comment, String by, Instant at) {
        this.agreement = said;
        this.agreementComment = comment;
        this.agreementBy = by;
        this.agreementAt = at;
    }

    public Optional<CarePlanSection> section(CarePlanSection.Area area) {
        return sections.stream().filter(section -> section.area() == area).findFirst();
    }

    public Long id() { return id; }
    public NhsNumber person() { return person; }
    public OdsCode provider() { return provider; }
    public int version() { return version; }
    public List<CarePlanSection> sections() { return sections; }
    public LocalDate reviewDate() { return reviewDate; }
    public String recordedByName() { return recordedByName; }
    public Instant recordedAt() { return recordedAt; }
    public Agreement agreement() { return agreement; }
    public String agreementComment() { return agreementComment; }
    public String agreementBy() { return agreementBy; }
    public Instant agreementAt() { return agreementAt; }
}
