package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A month of NHS England's published RTT statistics in the monthly "Full CSV" layout (the fixture rtt/full-csv-2025-10.csv:
 * two trusts, two commissioners, cardiology and orthopaedics, with each commissioner's C_999 totals): imported whole,
 * summed over commissioners, read back as the statistics read bands; a faulty file imports nothing; a month imported
 * again replaces itself.
 */
class PublishedWaitsIT extends IcrDeployment {

    private static final Api.Client ADMIN = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());
    private static final Api.Client CLINICIAN = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());

    private static String fixture() {
        try (InputStream in = PublishedWaitsIT.class.getResourceAsStream("/rtt/full-csv-2025-10.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply upload(Api.Client client, String csv) {
        return client.post("/api/waiting-times/published", "text/csv", csv);
    }

    private static int rows() {
        return Databases.count(Databases.HOSPITAL, "select count(*) from rtt_published where period = date '2025-10-01'");
    }

    @Test
    void a_month_is_imported_summed_over_commissioners_and_read_as_published_and_again_replaces_itself() {
        Api.Reply first = upload(ADMIN, fixture());
        assertEquals(201, first.status(), first.body());
        assertEquals("2025-10", first.json().getString("period"));
        assertEquals(9, first.json().getInt("fileRows"));
        assertEquals(7, first.json().getInt("rowsKept"), "provider × part × function, C_999 kept apart");

        // Northgate's cardiology, incomplete: bands 0:2, 1:3+1, 5:5, 20:9 (two commissioners summed) = 20
        JsonObject northgate = CLINICIAN.get("/api/waiting-times/published?trust=RXA&specialty=320&month=2025-10").json();
        assertEquals(20, northgate.getInt("total"));
        assertEquals(5.8, northgate.getJsonNumber("medianWeeks").doubleValue(), 0.05, "5 + (10 - 6) / 5");
        assertEquals(20.8, northgate.getJsonNumber("percentile92Weeks").doubleValue(), 0.05, "20 + (18.4 - 11) / 9");
        assertEquals(0.55, northgate.getJsonNumber("shareWithin18Weeks").doubleValue(), 1e-9);
        // every provider: Riverside's 2:6 and 30:2 too = 28
        JsonObject england = CLINICIAN.get("/api/waiting-times/published?specialty=C_320&month=2025-10").json();
        assertEquals(28, england.getInt("total"));
        assertEquals(5.4, england.getJsonNumber("medianWeeks").doubleValue(), 0.05, "5 + (14 - 12) / 5");
        assertEquals(21.0, england.getJsonNumber("percentile92Weeks").doubleValue(), 0.05, "20 + (25.76 - 17) / 9");
        assertEquals(26, CLINICIAN.get("/api/waiting-times/published?trust=RXA&specialty=C_999&month=2025-10").json().getInt("total"),
                "Northgate's total over functions, as the file gives it: not added to the functions' rows");
        assertEquals(3, CLINICIAN.get("/api/waiting-times/published?trust=RXA&specialty=320&month=2025-10&part=Part_1A").json()
                .getInt("total"));

        Api.Reply again = upload(ADMIN, fixture());
        assertEquals(201, again.status());
        assertTrue(again.json().getBoolean("replacedEarlierImport"));
        assertEquals(7, rows(), "the month replaced, not doubled");
    }

    /** The file as NHS England publishes it: zipped, its CSV written with a byte-order mark. */
    static byte[] zipped(String csv, String entryName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void the_zip_as_published_imports_the_same_and_a_zip_without_the_csv_is_refused() {
        Api.Reply imported = ADMIN.post("/api/waiting-times/published", "application/zip",
                zipped(fixture(), "20251031-RTT-October-2025-full-extract.csv"));
        assertEquals(201, imported.status(), imported.body());
        assertEquals(9, imported.json().getInt("fileRows"));
        assertEquals(7, rows());
        assertEquals(20, CLINICIAN.get("/api/waiting-times/published?trust=RXA&specialty=320&month=2025-10").json().getInt("total"),
                "the byte-order mark is not part of the first column's name");

        Api.Reply noCsv = ADMIN.post("/api/waiting-times/published", "application/zip", zipped("hello", "readme.txt"));
        assertEquals(List.of("file"), noCsv.problemFields(400), noCsv.body());
        assertTrue(noCsv.body().contains("holds no .csv file"), noCsv.body());
        byte[] cut = zipped(fixture(), "extract.csv");
        Api.Reply damaged = ADMIN.post("/api/waiting-times/published", "application/zip", java.util.Arrays.copyOf(cut, cut.length / 2));
        assertEquals(List.of("file"), damaged.problemFields(400), damaged.body());
        assertEquals(7, rows(), "the month as it was");
    }

    @Test
    void a_file_with_a_faulty_row_is_refused_with_its_line_and_nothing_is_imported() {
        upload(ADMIN, fixture());
        int before = rows();
        String[] lines = fixture().split("\r?\n");
        // line 2: its first band no longer adds up to its Total; line 6: a part that does not exist; all of it a new month
        lines[1] = lines[1].replace(",Cardiology,2,", ",Cardiology,7,");
        lines[5] = lines[5].replace(",Part_1A,", ",Part_9,");
        String broken = String.join("\n", lines);
        Api.Reply refused = upload(ADMIN, broken.replace("RTT-October-2025", "RTT-November-2025"));
        List<String> fields = refused.problemFields(400);
        assertEquals(List.of("line 2", "line 6"), fields, refused.body());
        assertTrue(refused.body().contains("the weekly bands add up to"), refused.body());
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from rtt_published where period = date '2025-11-01'"),
                "nothing of the refused month");
        assertEquals(before, rows());

        upload(CLINICIAN, fixture()).problem(403);
        assertFalse(upload(ADMIN, "Period,Total\nRTT-October-2025,1\n").problemFields(400).isEmpty(), "not the Full CSV layout");
        CLINICIAN.get("/api/waiting-times/published?specialty=320&month=2019-01").problem(404);
    }
}
