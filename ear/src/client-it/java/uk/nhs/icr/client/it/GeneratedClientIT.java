package uk.nhs.icr.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.nhs.icr.client.ApiClient;
import uk.nhs.icr.client.ApiException;
import uk.nhs.icr.client.api.ConsentApi;
import uk.nhs.icr.client.api.HospitalRecordApi;
import uk.nhs.icr.client.api.OrganDonationApi;
import uk.nhs.icr.client.api.PatientsApi;
import uk.nhs.icr.client.api.SharedRecordApi;
import uk.nhs.icr.client.model.Choice;
import uk.nhs.icr.client.model.DecisionView;
import uk.nhs.icr.client.model.NewBloodTest;
import uk.nhs.icr.client.model.NewDonationDecision;
import uk.nhs.icr.client.model.Organ;
import uk.nhs.icr.client.model.PagePatientDemographics;
import uk.nhs.icr.client.model.PatientDemographics;
import uk.nhs.icr.client.model.PatientRegistration;
import uk.nhs.icr.client.model.Problem;
import uk.nhs.icr.client.model.RecordEntry;
import uk.nhs.icr.client.model.RecordPage;
import uk.nhs.icr.client.model.RecordSummary;
import uk.nhs.icr.client.model.ResultPoint;
import uk.nhs.icr.client.model.Sex;
import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Databases;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.IdentityProvider;
import uk.nhs.icr.it.TestPatients;
import uk.nhs.icr.it.Tokens;

/**
 * The API as a partner's Java code meets it: through a client OpenAPI Generator made from the document the server served
 * (ear/pom.xml generates it after the end-to-end suite), with a token the partner got from the identity provider by
 * client credentials. Nothing here knows a path, a JSON field or a status code but through the generated types; the
 * answers are checked as the partner would check them, and the database behind them where a row is the point.
 */
class GeneratedClientIT extends IcrDeployment {

    private static final String PRACTICE = "Y90001";
    private static final String SECRET = "client-it-" + UUID.randomUUID();
    private static String clientId;

    @BeforeAll
    static void aPartnerSystemOfBeechRoadPractice() {
        clientId = "client-it-" + UUID.randomUUID().toString().substring(0, 8);
        String serviceAccount = IdentityProvider.createPartnerClient(clientId, SECRET, "GP");
        Databases.createStaff(serviceAccount, PRACTICE, "GP", UUID.randomUUID().toString());
    }

    @Test
    void a_partner_registers_a_patient_finds_them_by_name_and_reads_them_back() throws ApiException {
        ApiClient client = client(partnerToken("record:read record:write"));
        String familyName = TestPatients.uniqueFamilyName();
        PatientDemographics registered = new PatientsApi(client).registerPatient(registration(familyName), null);

        assertEquals(familyName, registered.getFamilyName());
        assertEquals(LocalDate.of(1961, 3, 14), registered.getBirthDate());
        assertEquals(1, Databases.patientsWith(registered.getNhsNumber()), "one patient row");
        assertEquals(1, Databases.peopleWith(registered.getNhsNumber()), "and one person in the social care record");

        PatientDemographics read = new PatientsApi(client).find(registered.getNhsNumber());
        assertEquals(registered.getNhsNumber(), read.getNhsNumber());
        assertEquals("LS1 4AP", read.getPostcode());
        assertEquals(PRACTICE, read.getGpPracticeOdsCode());

        PagePatientDemographics found = new PatientsApi(client).search(null, "Ada " + familyName, 0, 10);
        assertEquals(1L, found.getTotalItems());
        assertEquals(registered.getNhsNumber(), found.getItems().get(0).getNhsNumber());
    }

    @Test
    void a_retried_registration_with_the_same_idempotency_key_gets_the_first_answer_and_one_patient() throws ApiException {
        ApiClient client = client(partnerToken("record:read record:write"));
        PatientRegistration registration = registration(TestPatients.uniqueFamilyName());
        String key = UUID.randomUUID().toString();

        PatientDemographics first = new PatientsApi(client).registerPatient(registration, key);
        PatientDemographics retried = new PatientsApi(client).registerPatient(registration, key);

        assertEquals(first, retried, "the same answer, to the field");
        assertEquals(1, Databases.patientsWith(first.getNhsNumber()));
    }

    @Test
    void a_blood_test_written_through_the_client_is_in_the_timeline_the_summary_and_the_results() throws ApiException {
        ApiClient client = client(partnerToken("record:read record:write"));
        String nhsNumber = new PatientsApi(client).registerPatient(registration(TestPatients.uniqueFamilyName()), null)
                .getNhsNumber();
        OffsetDateTime reported = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.UTC);

        RecordEntry written = new HospitalRecordApi(client).bloodTest(nhsNumber, new NewBloodTest().test("Potassium")
                .value(new BigDecimal("6.4")).unit("mmol/L").referenceLow(new BigDecimal("3.5"))
                .referenceHigh(new BigDecimal("5.3")).reportedAt(reported), null);
        assertEquals(Boolean.TRUE, written.getAbnormal(), "6.4 is above the range");

        RecordPage timeline = new SharedRecordApi(client).recordTimeline(nhsNumber, null, 0, 20, "hospital", null, "BLOOD_TEST");
        assertEquals(1L, timeline.getTotalItems());
        assertEquals(written.getId(), timeline.getItems().get(0).getId());

        RecordEntry entry = new SharedRecordApi(client).recordEntry(String.valueOf(written.getId()), nhsNumber, "hospital");
        assertEquals(written.getTitle(), entry.getTitle());

        RecordSummary summary = new SharedRecordApi(client).summary(nhsNumber);
        assertTrue(summary.getLatestResults().stream().anyMatch(result -> written.getId().equals(result.getId())
                && Boolean.TRUE.equals(result.getAbnormal())), summary.toString());

        List<ResultPoint> potassium = new SharedRecordApi(client).results(nhsNumber, "Potassium");
        assertEquals(1, potassium.size());
        assertEquals(0, new BigDecimal("6.4").compareTo(potassium.get(0).getValue()));
        assertEquals(reported.toInstant(), potassium.get(0).getReportedAt().toInstant());
        assertEquals(Boolean.TRUE, potassium.get(0).getAbnormal());
    }

    @Test
    void a_patient_records_an_organ_donation_decision_through_the_client_and_reads_it_back() throws ApiException {
        String nhsNumber = new PatientsApi(client(partnerToken("record:read record:write")))
                .registerPatient(registration(TestPatients.uniqueFamilyName()), null).getNhsNumber();
        ApiClient patient = client(Tokens.patient(nhsNumber).sign());

        DecisionView recorded = new OrganDonationApi(patient).recordOrganDonationDecision(nhsNumber, new NewDonationDecision()
                .birthDate(LocalDate.of(1961, 3, 14)).decision(Choice.OPT_IN).organs(List.of(Organ.KIDNEYS, Organ.LIVER)),
                null, null, null);
        assertEquals(1, recorded.getVersion());

        DecisionView current = new OrganDonationApi(patient).currentOrganDonationDecision(nhsNumber);
        assertEquals(recorded.getVersion(), current.getVersion());
        assertEquals(List.of(Organ.KIDNEYS, Organ.LIVER), current.getOrgans());
        assertEquals(1, new OrganDonationApi(patient).organDonationHistory(nhsNumber).size());
    }

    @Test
    void refusals_arrive_as_api_exceptions_whose_body_is_the_typed_problem() throws Exception {
        ApiClient client = client(partnerToken("record:read record:write"));

        ApiException badNumber = assertThrows(ApiException.class, () -> new PatientsApi(client).find("9434765918"));
        Problem checkDigit = problem(client, badNumber, 400);
        assertFalse(checkDigit.getDetail().isBlank());

        ApiException unknown = assertThrows(ApiException.class, () -> new PatientsApi(client).find(TestPatients.newNhsNumber()));
        problem(client, unknown, 404);

        ApiException incomplete = assertThrows(ApiException.class,
                () -> new PatientsApi(client).registerPatient(registration(TestPatients.uniqueFamilyName()).birthDate(null), null));
        Problem fieldErrors = problem(client, incomplete, 400);
        assertTrue(fieldErrors.getErrors().stream().anyMatch(error -> error.getField().contains("birthDate")),
                fieldErrors.toString());

        ApiException readOnly = assertThrows(ApiException.class, () -> new PatientsApi(client(partnerToken("record:read")))
                .registerPatient(registration(TestPatients.uniqueFamilyName()), null));
        assertTrue(problem(client, readOnly, 403).getDetail().contains("record:write"));

        ApiException noToken = assertThrows(ApiException.class, () -> new PatientsApi(client("not-a-token")).find(
                Databases.firstDemoPatientAt(PRACTICE)));
        problem(client, noToken, 401);
    }

    private static PatientRegistration registration(String familyName) {
        return new PatientRegistration().nhsNumber(TestPatients.newNhsNumber()).givenName("Ada").familyName(familyName)
                .birthDate(LocalDate.of(1961, 3, 14)).sex(Sex.FEMALE).postcode("LS1 4AP").gpPracticeOdsCode(PRACTICE);
    }

    /** The problem the exception carries, read with the client's own mapper, checked as RFC 9457 and the contract say. */
    private static Problem problem(ApiClient client, ApiException refusal, int status) throws IOException {
        assertEquals(status, refusal.getCode(), refusal.getResponseBody());
        assertEquals("application/problem+json", refusal.getResponseHeaders().firstValue("Content-Type").orElse(""));
        Problem problem = client.getObjectMapper().readValue(refusal.getResponseBody(), Problem.class);
        assertEquals(status, problem.getStatus());
        assertTrue(problem.getType().startsWith("urn:icr:problem:"), problem.getType());
        assertNotNull(problem.getTitle());
        return problem;
    }

    private static String partnerToken(String scope) {
        JsonObject answer = IdentityProvider.clientCredentials(clientId, SECRET, scope);
        assertTrue(answer.containsKey("access_token"), answer.toString());
        return answer.getString("access_token");
    }

    /** The generated client at the test server, trusting its certificate, with the partner's bearer token on each call. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient(HttpClient.newBuilder().sslContext(Api.TLS), ApiClient.createDefaultObjectMapper(), Api.BASE);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
