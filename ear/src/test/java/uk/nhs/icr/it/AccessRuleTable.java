package uk.nhs.icr.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The access decision's rule table, {@code access-rules.tsv}: each row a caller, their relationship, break-glass, the
 * patient's directive and the category of the one entry on the record, with what they get reading and changing
 * preferences. Read by the in-container table test and by its sample over HTTP; what each row sets up (the
 * relationship, the entry) is the same for both.
 */
public final class AccessRuleTable {

    public static final String FILE = "access-rules.tsv";

    /** What a demo user of each role is called and where they work. */
    public record Staff(String username, String organisation) {
    }

    public record Row(int line, String role, String relationship, boolean breakGlass, String directive, String category,
                      String read, String loosen, String tighten, String optOut, boolean overHttp) {

        public boolean patientsOwn() {
            return role.equals("PATIENT");
        }

        public boolean hasRelationship() {
            return relationship.equals("yes");
        }

        /** Registered at the practice of a GP or administrator caring for them; otherwise at Canal Street (gp.canal). */
        public String practice() {
            return hasRelationship() && (role.equals("GP") || role.equals("ADMIN")) ? "Y90001" : "Y90002";
        }

        public String registeringGp() {
            return practice().equals("Y90001") ? "gp.beech" : "gp.canal";
        }

        public Staff staff() {
            return switch (role) {
                case "GP" -> new Staff("gp.beech", "Y90001");
                case "HOSPITAL_CLINICIAN" -> new Staff("clinician.northgate", "RXA");
                case "NURSE" -> new Staff("nurse.northgate", "RXA");
                case "SOCIAL_WORKER" -> new Staff("social.worker", "LA001");
                case "CARE_WORKER" -> new Staff("care.worker", "CP001");
                case "ADMIN" -> new Staff("admin.beech", "Y90001");
                case "PRIVACY_OFFICER" -> new Staff("privacy.officer", "RXA");
                case "ORGAN_DONATION_NURSE" -> new Staff("donation.nurse", "RXA");
                case "CONTACT_CENTRE" -> new Staff("contact.centre", "X26");
                default -> throw new IllegalArgumentException("line " + line + ": no staff for role " + role);
            };
        }

        /** The category the directive names and the entry is filed under (an allergy and a DNACPR alert are GENERAL). */
        public String dataCategory() {
            return category.equals("ALLERGY") || category.equals("DNACPR") ? "GENERAL" : category;
        }

        /** The title of the row's one entry, which a reader sees or does not. */
        public String entryTitle() {
            return switch (category) {
                case "ALLERGY" -> "Penicillin";
                case "DNACPR" -> "DNACPR decision";
                default -> "Entry filed under " + category;
            };
        }

        /** The care relationship the row needs, written as the systems that own it would (after registration). */
        public void relate(String patient) {
            if (!hasRelationship()) {
                return;
            }
            switch (role) {
                case "HOSPITAL_CLINICIAN", "NURSE", "PRIVACY_OFFICER", "ORGAN_DONATION_NURSE" -> Databases.openAdmission(patient, "RXA");
                case "SOCIAL_WORKER" -> Databases.allocateToCaseload(patient, "social.worker");
                case "CARE_WORKER" -> Databases.onRotaNow(patient, "care.worker", "CP001");
                default -> {
                    // GP and administrator: registered at their practice
                }
            }
        }

        /** The row's one entry. */
        public void addEntry(String patient) {
            switch (category) {
                case "ALLERGY" -> Databases.addAllergyDirectly(patient, entryTitle());
                case "DNACPR" -> Databases.addDnacprDirectly(patient, entryTitle());
                case "SAFEGUARDING", "SOCIAL_CARE" -> Databases.addSocialCareNoteDirectly(patient, category, entryTitle());
                default -> Databases.addProblemDirectly(patient, category, entryTitle());
            }
        }

        public String expected() {
            return String.join(" ", read, loosen, tighten, optOut);
        }

        @Override
        public String toString() {
            return "line " + line + " (" + String.join(" ", role, relationship, breakGlass ? "break-glass" : "-", directive, category) + ")";
        }
    }

    private AccessRuleTable() {
    }

    /** Runs each row and lists those that did not get what the table says, with what they got. */
    public static List<String> mismatches(List<Row> rows, Function<Row, String> run) {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            String actual = run.apply(row);
            if (!actual.equals(row.expected())) {
                mismatches.add(row + ": got " + actual + ", table says " + row.expected());
            }
        }
        return mismatches;
    }

    public static List<Row> rows() {
        InputStream file = AccessRuleTable.class.getClassLoader().getResourceAsStream(FILE);
        if (file == null) {
            throw new IllegalStateException(FILE + " is not on the class path");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.trim().split("\\s+");
                if (cells.length != 10) {
                    throw new IllegalStateException(FILE + " line " + number + " has " + cells.length + " columns, not 10");
                }
                rows.add(new Row(number, cells[0], cells[1], cells[2].equals("yes"), cells[3], cells[4], cells[5], cells[6], cells[7],
                        cells[8], cells[9].equals("http")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
