package uk.nhs.icr.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Cacheable;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A member of staff who signs in to ICR. The password hash is bcrypt and is only ever read by the
 * server's JDBC realm; this entity never exposes it.
 * <p>
 * Every API request looks its caller up here, so members, their roles and organisations are kept in Hibernate's
 * second-level cache (WildFly's Infinispan), found by username through the query cache. A change made through
 * Hibernate updates the cache; any change at all, by SQL too, moves the directory's generation on (a trigger), and
 * {@link DirectoryGeneration} then evicts the cached directory before the next look-up, so a disabled or locked account
 * is refused at once. Updates write only the columns that changed ({@code @DynamicUpdate}): counting a failed sign-in
 * must never write back an {@code enabled} it read before an administrator disabled the account.
 */
@Entity
@Table(name = "staff")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@DynamicUpdate
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** A researcher's accreditation (safe people): named on projects and working on them until this day. */
    @Column(name = "accredited_until")
    private java.time.LocalDate accreditedUntil;

    protected StaffMember() {
        // for JPA
    }

    public StaffMember(String username, String displayName, Organisation organisation, Set<StaffRole> roles, String bcryptHash) {
        this.username = username;
        this.displayName = displayName;
        this.organisation = organisation;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = bcryptHash;
    }

    public void accreditUntil(java.time.LocalDate until) {
        this.accreditedUntil = until;
    }

    /** Whether an accredited researcher on this day. */
    public boolean accreditedOn(java.time.LocalDate day) {
        return accreditedUntil != null && !day.isAfter(accreditedUntil);
    }

    public java.time.LocalDate getAccreditedUntil() {
        return accreditedUntil;
    }

    /** Counts a failed sign-in; after {@code limit} in a row the account locks until {@code now + lockFor}. */
    public void recordFailedSignIn(int limit, Instant now, java.time.Duration lockFor) {
        failedSignIns++;
        if (failedSignIns >= limit) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
        }
    }

    public void recordSuccessfulSignIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Set<StaffRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    /** The bcrypt hash of the password, to check a co-signature (a witness at the bedside); never shown or logged. */
    public String passwordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int failedSignIns() {
        return failedSignIns;
    }
}
