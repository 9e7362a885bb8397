package uk.nhs.icr.terminology;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * Looks up coded terms in the hospital database. A search matches the start of the name or of any word in it
 * ("chol" finds "Total cholesterol"), case-insensitively, and returns at most {@link #MOST} terms, shortest first:
 * the tables are small and fixed, so a search costs the same whatever the number of patients.
 */
@ApplicationScoped
public class CodedTerms {

    /** More than a picker can usefully show. */
    public static final int MOST = 12;

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public List<LabTest> labTests(String query) {
        return search("select t from LabTest t where lower(t.name) like :start or lower(t.name) like :word order by length(t.name), t.name",
                LabTest.class, query);
    }

    public Optional<LabTest> labTest(String name) {
        return em.createQuery("select t from LabTest t where lower(t.name) = :name", LabTest.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /** The tests with these names (whatever their case), by lower-case name, in one query. */
    public Map<String, LabTest> labTestsNamed(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Set<String> lower = names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return em.createQuery("select t from LabTest t where lower(t.name) in :names", LabTest.class)
                .setParameter("names", lower).getResultStream()
                .collect(Collectors.toMap(test -> test.name().toLowerCase(Locale.ROOT), test -> test));
    }

    /**
     * The words recorded for these SNOMED CT codes, lab tests' and clinical findings' alike (an entry is filed under
     * its term's words): two queries, whatever the number of codes. Codes ICR does not know add nothing.
     */
    public Set<String> termsCoded(Collection<String> snomedCodes) {
        if (snomedCodes.isEmpty()) {
            return Set.of();
        }
        Set<String> terms = new HashSet<>(em.createQuery("select t.name from LabTest t where t.snomedCode in :codes", String.class)
                .setParameter("codes", snomedCodes).getResultList());
        terms.addAll(em.createQuery("select f.term from ClinicalFinding f where f.snomedCode in :codes", String.class)
                .setParameter("codes", snomedCodes).getResultList());
        return terms;
    }

    /**
     * The categories the findings with these SNOMED CT codes or these terms (any case) are filed under, by code and by
     * lower-case term: two queries, for a bulk import that files each problem as a clinician's entry would be filed.
     */
    public Map<String, DataCategory> findingCategories(Collection<String> snomedCodes, Collection<String> terms) {
        Map<String, DataCategory> categories = new java.util.HashMap<>();
        if (!snomedCodes.isEmpty()) {
            em.createQuery("select f from ClinicalFinding f where f.snomedCode in :codes", ClinicalFinding.class)
                    .setParameter("codes", snomedCodes).getResultStream().forEach(f -> categories.put(f.snomedCode(), f.category()));
        }
        Set<String> lower = terms.stream().map(term -> term.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!lower.isEmpty()) {
            em.createQuery("select f from ClinicalFinding f where lower(f.term) in :terms", ClinicalFinding.class)
                    .setParameter("terms", lower).getResultStream()
                    .forEach(f -> categories.put(f.term().toLowerCase(Locale.ROOT), f.category()));
        }
        return categories;
    }

    public List<ClinicalFinding> findings(String query) {
        return search("select f from ClinicalFinding f where lower(f.term) like :start or lower(f.term) like :word"
                + " order by length(f.term), f.term", ClinicalFinding.class, query);
    }

    public Optional<ClinicalFinding> finding(String snomedCode) {
        return Optional.ofNullable(em.find(ClinicalFinding.class, snomedCode));
    }

    /** The finding with exactly this term, whatever its case. */
    public Optional<ClinicalFinding> findingNamed(String term) {
        return em.createQuery("select f from ClinicalFinding f where lower(f.term) = :term", ClinicalFinding.class)
                .setParameter("term", term.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    public List<Medicine> medicines(String query) {
        return search("select m from Medicine m where lower(m.name) like :start or lower(m.name) like :word"
                + " order by length(m.name), m.name", Medicine.class, query);
    }

    public Optional<Medicine> medicine(String name) {
        return em.createQuery("select m from Medicine m where lower(m.name) = :name", Medicine.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /** The medicines with these names (case as typed), in one query. */
    public List<Medicine> medicinesNamed(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from Medicine m where lower(m.name) in :names", Medicine.class)
                .setParameter("names", names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList()).getResultList();
    }

    public Optional<Medicine> medicineWithDmdCode(String dmdCode) {
        return em.createQuery("select m from Medicine m where m.dmdCode = :code", Medicine.class)
                .setParameter("code", dmdCode).getResultStream().findFirst();
    }

    public void add(Medicine medicine) {
        em.persist(medicine);
    }

    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    /**
     * The interactions among these medicines, each pair once: the table's rows that name one of their moieties or groups on
     * either side (one query), matched pair by pair.
     */
    public List<Interacting> interactionsAmong(List<Medicine> medicines) {
        List<MedicineInteraction> rows = interactionRows(medicines);
        List<Interacting> found = new java.util.ArrayList<>();
        for (int a = 0; a < medicines.size(); a++) {
            for (int b = a + 1; b < medicines.size(); b++) {
                found.addAll(matching(rows, medicines.get(a), medicines.get(b)));
            }
        }
        return found;
    }

    /** The interactions of {@code medicine} with each of {@code others} (one query): what prescribing it would add. */
    public List<Interacting> interactionsWith(Medicine medicine, List<Medicine> others) {
        if (others.isEmpty()) {
            return List.of();
        }
        List<Medicine> all = new java.util.ArrayList<>(others);
        all.add(medicine);
        List<MedicineInteraction> rows = interactionRows(all);
        List<Interacting> found = new java.util.ArrayList<>();
        for (Medicine other : others) {
            found.addAll(matching(rows, other, medicine));
        }
        return found;
    }

    private static List<Interacting> matching(List<MedicineInteraction> rows, Medicine one, Medicine other) {
        return rows.stream().filter(interaction -> interaction.between(one, other)).map(i -> new Interacting(one, other, i)).toList();
    }

    /** The rows of the interaction table naming, on both sides, a moiety or group of these medicines. */
    private List<MedicineInteraction> interactionRows(Collection<Medicine> medicines) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Medicine medicine : medicines) {
            names.add(medicine.moiety().toLowerCase(Locale.ROOT));
            if (medicine.therapeuticGroup() != null) {
                names.add(medicine.therapeuticGroup().toLowerCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select i from MedicineInteraction i where lower(i.firstName) in :names"
                + " and lower(i.secondName) in :names", MedicineInteraction.class).setParameter("names", names).getResultList();
    }

    /**
     * The allergy classes each of these substances (as an allergy is recorded: "Penicillin", "amoxicillin", "NSAIDs") stands
     * for: a class named the same (singular or plural), and the classes of the medicines whose moiety or name it is. One query.
     */
    public Map<String, Set<String>> allergyClassesOf(Collection<String> substances) {
        Map<String, Set<String>> classes = new java.util.HashMap<>();
        Set<String> keys = new java.util.HashSet<>();
        for (String substance : substances) {
            String key = substance.strip().toLowerCase(Locale.ROOT);
            keys.add(key);
            Set<String> own = new java.util.TreeSet<>();
            own.add(key.endsWith("s") ? key : key + "s");
            classes.put(key, own);
        }
        if (keys.isEmpty()) {
            return classes;
        }
        List<Medicine> named = em.createQuery("select m from Medicine m where lower(m.moiety) in :keys or lower(m.name) in :keys",
                Medicine.class).setParameter("keys", keys).getResultList();
        for (Medicine medicine : named) {
            for (String key : List.of(medicine.moiety().toLowerCase(Locale.ROOT), medicine.name().toLowerCase(Locale.ROOT))) {
                if (classes.containsKey(key)) {
                    classes.get(key).addAll(medicine.allergyClasses());
                }
            }
        }
        return classes;
    }

    /** Two medicines and how they interact. */
    public record Interacting(Medicine one, Medicine other, MedicineInteraction interaction) {
    }

    private <T> List<T> search(String jpql, Class<T> type, String query) {
        String typed = query == null ? "" : escaped(query.strip().toLowerCase(Locale.ROOT));
        if (typed.isEmpty()) {
            return List.of();
        }
        return em.createQuery(jpql, type).setParameter("start", typed + "%").setParameter("word", "% " + typed + "%")
                .setMaxResults(MOST).getResultList();
    }

    /** What was typed, matched literally: a % or _ is not a wildcard. */
    private static String escaped(String typed) {
        return typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
