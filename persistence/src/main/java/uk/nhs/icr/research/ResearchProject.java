package uk.nhs.icr.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.sharedrecord.EntryType;

/**
 * A project of the research register (safe projects): what it is for and who sponsors it, its legal basis, the
 * dataset it may use (entry types, fields, a date range), its approved researchers, and the data access committee's
 * decision. It can do anything only while approved and within its approval's date; suspended, rejected, expired or
 * still waiting, it can do nothing.
 */
@Entity
@Table(name = "research_project")
public class ResearchProject {

    /** Where a project stands with the data access committee. */
    public enum Status { SUBMITTED, APPROVED, REJECTED, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "reference", nullable = false, unique = true, updatable = false)
    private String reference;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "lay_summary", nullable = false)
    private String laySummary;

    @Column(name = "sponsor", nullable = false)
    private String sponsor;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    private LegalBasis legalBasis;

    @Column(name = "entry_types", nullable = false)
    private String entryTypes;

    @Column(name = "fields", nullable = false)
    private String fields;

    @Column(name = "data_from", nullable = false)
    private LocalDate dataFrom;

    @Column(name = "data_to", nullable = false)
    private LocalDate dataTo;

    @Column(name = "minimum_k", nullable = false)
    private int minimumK;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "approval_reference")
    private String approvalReference;

    @Column(name = "approved_until")
    private LocalDate approvedUntil;

    @Column(name = "key_version", nullable = false)
    private int keyVersion = 1;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "research_project_researcher", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "username")
    private Set<String> researchers = new LinkedHashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected ResearchProject() {
    }

    /** A project as submitted by one of its researchers, waiting for the committee. */
    public ResearchProject(String reference, String title, String laySummary, String sponsor, LegalBasis legalBasis,
                           Set<EntryType> entryTypes, Set<DatasetField> fields, LocalDate dataFrom, LocalDate dataTo, int minimumK,
                           Collection<String> researchers, String submittedBy, Instant submittedAt) {
        this.reference = reference;
        this.title = title;
        this.laySummary = laySummary;
        this.sponsor = sponsor;
        this.legalBasis = legalBasis;
        this.entryTypes = names(entryTypes);
        this.fields = names(fields);
        this.dataFrom = dataFrom;
        this.dataTo = dataTo;
        this.minimumK = minimumK;
        this.researchers.addAll(researchers);
        this.status = Status.SUBMITTED;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public void approve(String reference, LocalDate until, String by, String note, Instant at) {
        this.approvalReference = reference;
        this.approvedUntil = until;
        decide(Status.APPROVED, by, note, at);
    }

    public void reject(String by, String note, Instant at) {
        decide(Status.REJECTED, by, note, at);
    }

    public void suspend(String by, String note, Instant at) {
        decide(Status.SUSPENDED, by, note, at);
    }

    private void decide(Status decided, String by, String note, Instant at) {
        this.status = decided;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = at;
    }

    /** A new pseudonym key: the next extract gives every patient a pseudonym unlinkable to the last one's. */
    public void rotateKey() {
        keyVersion++;
    }

    /** Approved and not past its approval's date: the only state in which it may do anything. */
    public boolean activeOn(LocalDate day) {
        return status == Status.APPROVED && approvedUntil != null && !day.isAfter(approvedUntil);
    }

    public boolean hasResearcher(String username) {
        return researchers.contains(username);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getLaySummary() {
        return laySummary;
    }

    public String getSponsor() {
        return sponsor;
    }

    public LegalBasis getLegalBasis() {
        return legalBasis;
    }

    public Set<EntryType> getEntryTypes() {
        EnumSet<EntryType> types = EnumSet.noneOf(EntryType.class);
        Arrays.stream(entryTypes.split(",")).filter(name -> !name.isBlank()).map(EntryType::valueOf).forEach(types::add);
        return types;
    }

    public Set<DatasetField> getFields() {
        EnumSet<DatasetField> chosen = EnumSet.noneOf(DatasetField.class);
        Arrays.stream(fields.split(",")).filter(name -> !name.isBlank()).map(DatasetField::valueOf).forEach(chosen::add);
        return chosen;
    }

    public LocalDate getDataFrom() {
        return dataFrom;
    }

    public LocalDate getDataTo() {
        return dataTo;
    }

    public int getMinimumK() {
        return minimumK;
    }

    public Status getStatus() {
        return status;
    }

    public String getApprovalReference() {
        return approvalReference;
    }

    public LocalDate getApprovedUntil() {
        return approvedUntil;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public Set<String> getResearchers() {
        return Set.copyOf(researchers);
    }

    public int getVersion() {
        return version;
    }
}
