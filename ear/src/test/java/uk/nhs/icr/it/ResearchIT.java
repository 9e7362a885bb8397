package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The trusted research environment through the API, against the three databases: the project register and the committee
 * (never deciding its own), research roles kept off clinical endpoints, and extracts built by the Jakarta Batch job:
 * who is in each by legal basis, stable and unlinkable pseudonyms, nothing identifying in the research database, k below
 * the project's refused, and a run stopped part-way that resumes to the same rows as one that was not.
 */
class ResearchIT extends IcrDeployment {

    private static final Api.Client ADA = Api.as(Tokens.staff("researcher.ada", "RESEARCHER").sign());
    private static final Api.Client KOFI = Api.as(Tokens.staff("researcher.kofi", "RESEARCHER").sign());
    private static final Api.Client LAPSED = Api.as(Tokens.staff("researcher.lapsed", "RESEARCHER").sign());
    private static final Api.Client CHAIR = Api.as(Tokens.staff("committee.chair", "DATA_ACCESS_COMMITTEE").sign());
    private static final Api.Client CHECKER = Api.as(Tokens.staff("checker.lin", "OUTPUT_CHECKER").sign());
    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());

    private static final Pattern NHS_NUMBER = Pattern.compile("\\b\\d{10}\\b");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FULL_POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");

    public static String project(String legalBasis, String fields, String entryTypes, Api.Client... others) {
        Api.Reply submitted = ADA.postJson("/api/research/projects", "{\"title\":\"Potassium in people with home care\","
                + "\"laySummary\":\"How often people cared for at home have high potassium.\",\"sponsor\":\"Northshire University\","
                + "\"legalBasis\":\"" + legalBasis + "\",\"entryTypes\":[" + entryTypes + "],\"fields\":[" + fields + "],"
                + "\"dataFrom\":\"2000-01-01\",\"dataTo\":\"" + LocalDate.now().plusDays(1) + "\"}");
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        JsonObject approved = CHAIR.postJson("/api/research/projects/" + reference + "/decision", "{\"verdict\":\"approve\","
                + "\"approvalReference\":\"26/CAG/0042\",\"approvedUntil\":\"" + LocalDate.now().plusYears(1) + "\"}").json();
        assertTrue(approved.getBoolean("active"), approved.toString());
        return reference;
    }

    /** Starts an extract and waits for its end (at most two minutes), answering the run. */
    static JsonObject extract(String reference) {
        Api.Reply started = ADA.postJson("/api/research/projects/" + reference + "/extracts", "");
        assertEquals(202, started.status(), started.body());
        return until(reference, started.json().getJsonNumber("id").longValue(), "published", "refused", "failed");
    }

    static JsonObject until(String reference, long run, String... statuses) {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonObject now;
        do {
            now = ADA.get("/api/research/projects/" + reference + "/extracts/" + run).json();
            if (List.of(statuses).contains(now.getString("status"))) {
                return now;
            }
            sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the extract did not reach " + List.of(statuses) + ": " + now);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String reason(long run, String nhsNumber) {
        List<String> rows = Databases.column(Databases.HOSPITAL, "select reason from research_extract_log where run_id = ?"
                + " and patient_nhs_number = ?", run, nhsNumber);
        return rows.isEmpty() ? "not read" : rows.get(0);
    }

    static String schema(String reference) {
        return reference.toLowerCase().replace('-', '_');
    }

    /** Every row of a published dataset's two tables, as text, sorted. */
    static List<String> dataset(String reference) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("person", "entry")) {
            Databases.column(Databases.RESEARCH, "select t::text from " + schema(reference) + "." + table + " t").forEach(row -> rows.add(table + row));
        }
        rows.sort(null);
        return rows;
    }

    static Set<String> pseudonyms(String reference) {
        return new HashSet<>(Databases.column(Databases.RESEARCH, "select pseudonym from " + schema(reference) + ".person"));
    }

    static String registered(LocalDate born) {
        TestPatients patient = aPatient().birthDate(born).postcode("LS6 2QR");
        assertEquals(201, patient.register().status());
        return patient.nhsNumber();
    }

    @Test
    void the_committee_decides_submitted_projects_and_the_register_lists_the_approved() {
        Api.Reply submitted = ADA.postJson("/api/research/projects", "{\"title\":\"Falls after discharge\",\"laySummary\":\"Who falls"
                + " in the month after leaving hospital.\",\"sponsor\":\"Northshire University\",\"legalBasis\":\"section-251\","
                + "\"entryTypes\":[\"encounter\"],\"fields\":[\"age-band\",\"entry-month\"],\"dataFrom\":\"2024-01-01\","
                + "\"dataTo\":\"2026-06-30\",\"researchers\":[\"researcher.kofi\"]}");
        assertEquals(201, submitted.status(), submitted.body());
        JsonObject project = submitted.json();
        String reference = project.getString("reference");
        assertTrue(reference.matches("RP-\\d{4}-\\d{4}"), reference);
        assertEquals("submitted", project.getString("status"));
        assertEquals(List.of("researcher.ada", "researcher.kofi"), project.getJsonArray("researchers").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(project.getBoolean("active"));
        assertEquals(409, ADA.postJson("/api/research/projects/" + reference + "/extracts", "").status(), "nothing before approval");

        assertEquals(403, ADA.postJson("/api/research/projects/" + reference + "/decision", "{\"verdict\":\"approve\"}").status(),
                "a researcher decides nothing");
        assertEquals(List.of("approvalReference", "approvedUntil"), CHAIR.postJson("/api/research/projects/" + reference + "/decision",
                "{\"verdict\":\"approve\"}").problemFields(400));
        JsonObject approved = CHAIR.postJson("/api/research/projects/" + reference + "/decision", "{\"verdict\":\"approve\","
                + "\"approvalReference\":\"26/CAG/0099\",\"approvedUntil\":\"" + LocalDate.now().plusYears(1) + "\"}").json();
        assertEquals("approved", approved.getString("status"));
        assertTrue(approved.getBoolean("active"));
        assertEquals("committee.chair", approved.getString("decidedBy"));
        assertTrue(ADA.get("/api/research/register").body().contains(reference), "on the public register");
        assertEquals(409, CHAIR.postJson("/api/research/projects/" + reference + "/decision", "{\"verdict\":\"reject\"}").status(),
                "an approved project is suspended, not rejected");

        assertEquals("suspended", CHAIR.postJson("/api/research/projects/" + reference + "/decision", "{\"verdict\":\"suspend\","
                + "\"note\":\"Sponsor's funding lapsed\"}").json().getString("status"));
        Api.Reply refused = KOFI.postJson("/api/research/projects/" + reference + "/extracts", "");
        assertEquals(409, refused.status(), "a suspended project can do nothing");
        assertTrue(refused.body().contains("not approved and in date"), refused.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where resource_type = 'ResearchProject'"
                + " and reason like ? and username = 'committee.chair'", "suspend research project " + reference + "%"));

        // a researcher sees only their projects; an accreditation that has lapsed submits nothing
        String others = project("consent", "\"sex\"", "");
        assertEquals(404, KOFI.get("/api/research/projects/" + others).status());
        assertTrue(CHECKER.get("/api/research/projects").body().contains(others));
        assertEquals(403, LAPSED.postJson("/api/research/projects", "{\"title\":\"t\",\"laySummary\":\"s\",\"sponsor\":\"s\","
                + "\"legalBasis\":\"consent\",\"fields\":[\"sex\"],\"dataFrom\":\"2024-01-01\",\"dataTo\":\"2024-12-31\"}").status());
        assertEquals(List.of("researchers"), ADA.postJson("/api/research/projects", "{\"title\":\"t\",\"laySummary\":\"s\",\"sponsor\":\"s\","
                + "\"legalBasis\":\"consent\",\"fields\":[\"sex\"],\"dataFrom\":\"2024-01-01\",\"dataTo\":\"2024-12-31\","
                + "\"researchers\":[\"researcher.lapsed\"]}").problemFields(400));
    }

    @Test
    void research_roles_never_reach_a_clinical_endpoint() {
        String patient = Databases.firstDemoPatientAt("Y90001");
        for (Api.Client research : List.of(ADA, CHAIR, CHECKER)) {
            for (String path : List.of("/api/patients/" + patient, "/api/patients/" + patient + "/record", "/api/patients?family=Smith",
                    "/api/treatment-functions", "/api/waiting-times?specialty=320", "/api/patients/" + patient + "/data-opt-out")) {
                Api.Reply reply = research.get(path);
                assertEquals(403, reply.status(), path + ": " + reply.body());
            }
            assertEquals(403, research.postJson("/api/patients", aPatient().json()).status());
        }
        assertEquals(200, ADA.get("/api/research/projects").status(), "their own environment they reach");
    }

    @Test
    void an_extract_takes_in_by_legal_basis_with_pseudonyms_stable_in_a_project_unlinkable_across_and_nothing_identifying() {
        String optedOut = registered(LocalDate.of(1950, 5, 17));
        assertEquals(200, Api.as(Tokens.patient(optedOut).sign()).putJson("/api/patients/" + optedOut + "/data-opt-out",
                "{\"optedOut\":true}").status());
        String tested = registered(LocalDate.of(1962, 11, 3));
        assertEquals(201, GP.postJson("/api/patients/" + tested + "/blood-tests", "{\"test\":\"Potassium\",\"value\":5.9,\"unit\":\"mmol/L\","
                + "\"referenceLow\":3.5,\"referenceHigh\":5.3,\"reportedAt\":\"" + java.time.Instant.now().minusSeconds(3600) + "\"}").status());

        // section 251: everyone but the opted out; no quasi-identifier, so every extract is one group and published
        String fields = "\"entry-type\",\"entry-month\",\"result-value\",\"abnormal-flag\"";
        String section251 = project("section-251", fields, "\"blood-test\"");
        JsonObject first = extract(section251);
        assertEquals("published", first.getString("status"), first.toString());
        long firstRun = first.getJsonNumber("id").longValue();
        assertEquals("OPTED_OUT", reason(firstRun, optedOut));
        assertEquals("NO_OPT_OUT", reason(firstRun, tested));
        assertEquals(first.getJsonNumber("patientsTotal").longValue(), first.getJsonNumber("patientsRead").longValue());
        assertEquals(first.getJsonNumber("patientsTotal").longValue(), first.getJsonNumber("included").longValue()
                + first.getJsonNumber("excludedOptOut").longValue(), "every patient read, each counted once by reason");
        assertEquals(first.getJsonNumber("included").longValue(), Databases.count(Databases.RESEARCH,
                "select count(*) from " + schema(section251) + ".person"), "the opted out are not in the dataset");
        assertTrue(Databases.count(Databases.RESEARCH, "select count(*) from " + schema(section251) + ".entry where result_value = 5.9"
                + " and abnormal_flag = 'high' and entry_type = 'blood-test'") >= 1, "the tested patient's potassium, generalised");
        Set<String> pseudonymsFirst = pseudonyms(section251);
        List<String> rowsFirst = dataset(section251);

        // the same project again: the same pseudonyms and the same rows
        JsonObject second = extract(section251);
        assertEquals("published", second.getString("status"));
        assertEquals(pseudonymsFirst, pseudonyms(section251));
        assertEquals(rowsFirst, dataset(section251));

        // anonymised aggregates: the opted out are in; and a second project's pseudonyms share nothing with the first's
        String anonymised = project("anonymised", "\"age-band\",\"sex\",\"postcode-district\",\"birth-year-month\"," + fields + ",\"code\"",
                "\"blood-test\",\"problem\",\"care-visit\"");
        JsonObject aggregate = extract(anonymised);
        assertEquals("published", aggregate.getString("status"), "an anonymised project's dataset is queried only for checked aggregates");
        long aggregateRun = aggregate.getJsonNumber("id").longValue();
        assertEquals("AGGREGATE_ONLY", reason(aggregateRun, optedOut));
        assertEquals(aggregate.getJsonNumber("patientsTotal").longValue(), aggregate.getJsonNumber("included").longValue());
        Set<String> across = new HashSet<>(pseudonyms(anonymised));
        across.retainAll(pseudonymsFirst);
        assertEquals(Set.of(), across, "unlinkable across projects");

        // an aggregate over the anonymised dataset counts the opted out; the section-251 one does not
        long everyone = computedPatients(ADA.postJson("/api/research/projects/" + anonymised + "/queries", "{\"measure\":\"count\"}"));
        long notOptedOut = computedPatients(ADA.postJson("/api/research/projects/" + section251 + "/queries", "{\"measure\":\"count\"}"));
        assertEquals(first.getJsonNumber("excludedOptOut").longValue(), everyone - notOptedOut);

        // a mean over a group where no one has a value of it says nothing: a care visit has no result
        JsonObject means = ADA.postJson("/api/research/projects/" + anonymised + "/queries", "{\"measure\":\"mean\",\"of\":\"result-value\","
                + "\"groupBy\":[\"entry-type\"]}").json();
        JsonObject visits = means.getJsonObject("controlled").getJsonArray("cells").getValuesAs(JsonObject.class).stream()
                .filter(cell -> cell.getJsonArray("group").getString(0).equals("care-visit")).findFirst().orElseThrow();
        assertEquals("[REDACTED]", visits.getString("mean"), visits.toString());
        assertEquals(400, ADA.postJson("/api/research/projects/" + anonymised + "/queries", "{\"measure\":\"count\","
                + "\"filters\":[{\"field\":\"sex\",\"equals\":\"\"}]}").status(), "an empty filter is a bad request, not a failure");

        // the patient can see which projects used their data and which left it out
        String used = Api.as(Tokens.patient(optedOut).sign()).get("/api/me/research").body();
        assertTrue(used.contains("\"project\":\"" + anonymised + "\"") && used.contains("\"project\":\"" + section251 + "\""), used);
        assertTrue(used.contains("National Data Opt-out"), used);

        // a new key: the next extract gives everyone a new pseudonym
        assertEquals(2, CHAIR.postJson("/api/research/projects/" + section251 + "/key-rotation", "").json().getInt("keyVersion"));
        assertEquals("published", extract(section251).getString("status"));
        Set<String> rotated = pseudonyms(section251);
        assertEquals(pseudonymsFirst.size(), rotated.size());
        rotated.retainAll(pseudonymsFirst);
        assertEquals(Set.of(), rotated, "unlinkable to the pseudonyms before the rotation");

        // nothing identifying anywhere in the research database's project schemas
        assertNoIdentifiers(schema(anonymised));
        assertNoIdentifiers(schema(section251));
        assertEquals(Set.of("person.pseudonym", "person.age_band", "person.sex", "person.postcode_district", "person.birth_year_month",
                "entry.entry_key", "entry.pseudonym", "entry.entry_type", "entry.entry_month", "entry.result_value", "entry.abnormal_flag",
                "entry.code"), new HashSet<>(Databases.column(Databases.RESEARCH, "select table_name || '.' || column_name from"
                + " information_schema.columns where table_schema = ?", schema(anonymised))));
    }

    /** The patients of a one-cell count as computed, which only an output checker sees. */
    static long computedPatients(Api.Reply query) {
        assertEquals(201, query.status(), query.body());
        long output = query.json().getJsonNumber("id").longValue();
        assertFalse(query.json().containsKey("computed"), "a researcher never sees the computed cells");
        return CHECKER.get("/api/research/projects/" + query.json().getString("project") + "/outputs").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(found -> found.getJsonNumber("id").longValue() == output).findFirst().orElseThrow()
                .getJsonArray("computed").getJsonObject(0).getJsonNumber("patients").longValue();
    }

    @Test
    void an_output_leaves_only_disclosure_controlled_after_two_different_checkers_and_differencing_is_flagged() {
        String reference = project("anonymised", "\"sex\",\"entry-type\"", "\"problem\"");
        assertEquals("published", extract(reference).getString("status"));
        Api.Reply asked = ADA.postJson("/api/research/projects/" + reference + "/queries", "{\"measure\":\"count\",\"groupBy\":[\"sex\"]}");
        assertEquals(201, asked.status(), asked.body());
        long output = asked.json().getJsonNumber("id").longValue();
        String outputs = "/api/research/projects/" + reference + "/outputs";
        JsonObject computed = CHECKER.get(outputs).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(found -> found.getJsonNumber("id").longValue() == output).findFirst().orElseThrow();
        List<JsonObject> raw = computed.getJsonArray("computed").getValuesAs(JsonObject.class);
        List<JsonObject> shown = asked.json().getJsonObject("controlled").getJsonArray("cells").getValuesAs(JsonObject.class);
        assertEquals(raw.size(), shown.size());
        long keptTotal = 0;
        for (int i = 0; i < raw.size(); i++) {
            long patients = raw.get(i).getJsonNumber("patients").longValue();
            String expected = patients <= 7 ? "[REDACTED]" : Long.toString(Math.round(patients / 5.0) * 5);
            assertEquals(expected, shown.get(i).getString("patients"), raw.get(i).toString());
            keptTotal += patients <= 7 ? 0 : patients;
        }
        assertEquals(Long.toString(Math.round(keptTotal / 5.0) * 5), asked.json().getJsonObject("controlled").getString("total"));
        assertEquals(400, ADA.postJson("/api/research/projects/" + reference + "/queries", "{\"measure\":\"count\",\"groupBy\":[\"age-band\"]}")
                .status(), "a field the project did not register");
        assertEquals(409, ADA.request("GET", outputs + "/" + output + "/release.csv", "Accept", "text/csv").status(), "nothing leaves before release");

        assertEquals("release-requested", ADA.postJson(outputs + "/" + output + "/release-request", "").json().getString("status"));
        assertEquals(403, ADA.postJson("/api/research/outputs/" + output + "/checks", "{\"approve\":true}").status(), "a researcher checks nothing");
        assertEquals("release-requested", CHECKER.postJson("/api/research/outputs/" + output + "/checks", "{\"approve\":true}").json()
                .getString("status"), "one checker is not enough");
        assertEquals(409, CHECKER.postJson("/api/research/outputs/" + output + "/checks", "{\"approve\":true}").status(),
                "the same checker twice is still one");
        assertEquals(409, ADA.request("GET", outputs + "/" + output + "/release.csv", "Accept", "text/csv").status());
        Api.Client ruth = Api.as(Tokens.staff("checker.ruth", "OUTPUT_CHECKER").sign());
        assertEquals("released", ruth.postJson("/api/research/outputs/" + output + "/checks", "{\"approve\":true,\"note\":\"fine\"}").json()
                .getString("status"));
        Api.Reply csv = ADA.request("GET", outputs + "/" + output + "/release.csv", "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(1).contains("checked by checker.lin and checker.ruth"), lines.get(1));
        assertEquals("sex,patients,mean,median,rule", lines.get(2));
        assertTrue(lines.stream().skip(3).allMatch(line -> line.matches("[a-z]+,(\\[REDACTED\\]|\\d+0|\\d+5|0),,,.+") || line.startsWith("total,")),
                lines.toString());

        // one more patient, a new extract, the same question: it differs from the release by 1 in one group
        String newcomer = registered(LocalDate.of(1990, 1, 1));
        assertEquals(201, GP.postJson("/api/patients/" + newcomer + "/problems", "{\"snomedCode\":\"38341003\",\"display\":\"Hypertension\","
                + "\"onset\":\"2026-01-10\"}").status());
        assertEquals("published", extract(reference).getString("status"));
        long again = ADA.postJson("/api/research/projects/" + reference + "/queries", "{\"measure\":\"count\",\"groupBy\":[\"sex\"]}")
                .json().getJsonNumber("id").longValue();
        ADA.postJson(outputs + "/" + again + "/release-request", "");
        JsonObject flagged = CHECKER.get("/api/research/outputs/waiting").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(found -> found.getJsonNumber("id").longValue() == again).findFirst().orElseThrow();
        assertTrue(flagged.getString("differencing").contains("differs from release " + output + " by 1"), flagged.toString());
    }

    static void assertNoIdentifiers(String schema) {
        Set<String> names = new TreeSet<>(Databases.column(Databases.HOSPITAL, "select lower(family_name) from patient"
                + " where length(family_name) > 3"));
        try (Connection connection = Databases.connect(Databases.RESEARCH); Statement statement = connection.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("select table_name || '.' || column_name from information_schema.columns"
                    + " where table_schema = '" + schema + "'")) {
                while (found.next()) {
                    columns.add(found.getString(1));
                }
            }
            assertFalse(columns.isEmpty());
            for (String column : columns) {
                String table = column.substring(0, column.indexOf('.'));
                String name = column.substring(column.indexOf('.') + 1);
                try (ResultSet values = statement.executeQuery("select distinct " + name + "::text from " + schema + "." + table
                        + " where " + name + " is not null")) {
                    while (values.next()) {
                        String value = values.getString(1);
                        assertFalse(NHS_NUMBER.matcher(value).find(), column + " holds an NHS number");
                        assertFalse(FULL_DATE.matcher(value).find(), column + " holds a full date");
                        assertFalse(FULL_POSTCODE.matcher(value).find(), column + " holds a full postcode");
                        assertFalse(names.contains(value.toLowerCase()), column + " holds a name");
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_consent_project_takes_exactly_the_consenting_and_is_refused_below_its_k() {
        String consentProject = project("consent", "\"age-band\",\"sex\"", "");
        String consenting = registered(LocalDate.of(1971, 2, 2));
        String other = registered(LocalDate.of(1972, 3, 3));
        String withdrawn = registered(LocalDate.of(1973, 4, 4));
        assertEquals(201, GP.postJson("/api/patients/" + consenting + "/study-consents", "{\"project\":\"" + consentProject + "\"}").status());
        assertEquals(201, Api.as(Tokens.patient(withdrawn).sign()).postJson("/api/patients/" + withdrawn + "/study-consents",
                "{\"project\":\"" + consentProject + "\"}").status(), "the patient's own consent");
        assertEquals(200, GP.postJson("/api/patients/" + withdrawn + "/study-consents/" + consentProject + "/withdrawal", "").status());
        assertEquals(List.of("project"), GP.postJson("/api/patients/" + other + "/study-consents", "{\"project\":\"RP-1999-0001\"}")
                .problemFields(400));

        JsonObject run = extract(consentProject);
        long id = run.getJsonNumber("id").longValue();
        assertEquals("CONSENTED", reason(id, consenting));
        assertEquals("NO_CONSENT", reason(id, other));
        assertEquals("NO_CONSENT", reason(id, withdrawn), "a withdrawn consent counts for nothing");
        assertEquals(1L, run.getJsonNumber("included").longValue(), "exactly the one consenting");
        assertEquals("refused", run.getString("status"), "one person is a group of 1, below k = 5");
        assertTrue(run.getString("outcome").contains("below the project's k of 5"), run.getString("outcome"));
        assertEquals(0, Databases.count(Databases.RESEARCH, "select count(*) from information_schema.schemata where schema_name like ?",
                schema(consentProject) + "%"), "nothing of a refused extract is left in the research database");
    }

    @Test
    void a_gp_records_study_consent_in_the_portal_and_a_wrong_reference_is_said_beside_its_field() {
        String consentProject = project("consent", "\"sex\"", "");
        String patient = registered(LocalDate.of(1980, 8, 8));
        Portal gp = Portal.signIn("gp.beech");
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = gp.get(path);
        assertEquals(200, page.status(), page.body());
        Api.Reply wrong = gp.submit(path, page, "studyConsentForm", "studyConsentForm:consentToProject",
                java.util.Map.of("studyConsentForm:project", "not a reference"));
        assertTrue(wrong.body().contains("A project reference is written RP-2026-0001"), "said beside the field");
        Api.Reply recorded = gp.submit(path, gp.get(path), "studyConsentForm", "studyConsentForm:consentToProject",
                java.util.Map.of("studyConsentForm:project", consentProject.toLowerCase()));
        assertTrue(recorded.body().contains("Consent to " + consentProject + " recorded"), recorded.body());
        assertEquals(List.of("Dr Amina Shah"), Databases.column(Databases.HOSPITAL, "select recorded_by from study_consent"
                + " where patient_nhs_number = ? and study_id = ? and withdrawn_at is null", patient, consentProject));
        assertEquals(1, GP.get("/api/patients/" + patient + "/study-consents").jsonArray().size());
    }

    @Test
    void an_extract_stopped_part_way_resumes_from_its_checkpoint_to_the_same_rows_as_one_that_was_not() {
        String reference = project("section-251", "\"entry-type\",\"entry-month\",\"result-value\"", "\"blood-test\",\"problem\"");
        JsonObject whole = extract(reference);
        assertEquals("published", whole.getString("status"));
        List<String> uninterrupted = dataset(reference);

        Api.Reply started = ADA.postJson("/api/research/projects/" + reference + "/extracts", "");
        long run = started.json().getJsonNumber("id").longValue();
        long deadline = System.currentTimeMillis() + 60_000;
        while (ADA.get("/api/research/projects/" + reference + "/extracts/" + run).json().getJsonNumber("patientsRead").longValue() == 0
                && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        assertEquals(200, ADA.postJson("/api/research/projects/" + reference + "/extracts/" + run + "/stop", "").status());
        JsonObject stopped = until(reference, run, "stopped", "published");
        assertEquals("stopped", stopped.getString("status"), "stopped part-way, not run to its end");
        assertTrue(stopped.getJsonNumber("patientsRead").longValue() < stopped.getJsonNumber("patientsTotal").longValue());
        assertEquals(uninterrupted, dataset(reference), "a stopped run publishes nothing: the last dataset stands");

        assertEquals(202, ADA.postJson("/api/research/projects/" + reference + "/extracts/" + run + "/restart", "").status());
        JsonObject resumed = until(reference, run, "published", "refused", "failed");
        assertEquals("published", resumed.getString("status"), resumed.toString());
        assertEquals(uninterrupted, dataset(reference), "the same rows as the run that was never stopped");
        assertEquals(whole.getJsonNumber("included").longValue(), resumed.getJsonNumber("included").longValue());
    }
}
