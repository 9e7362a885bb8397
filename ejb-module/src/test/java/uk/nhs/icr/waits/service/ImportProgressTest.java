package uk.nhs.icr.waits.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.platform.service.FieldError;

/** What the import page's bar says at each stage: the file read by bytes, then the rows written, then full at any end. */
class ImportProgressTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void the_bar_follows_the_bytes_read_then_the_rows_written_and_is_full_however_it_ends() throws IOException {
        ImportProgress progress = new ImportProgress("admin.beech", Path.of("upload"), 1_000);
        assertEquals(0, progress.snapshot().percent());
        try (InputStream file = new ProgressInputStream(new ByteArrayInputStream(new byte[1_000]), progress::read)) {
            file.readNBytes(500);
            assertEquals(45, progress.snapshot().percent(), "half the file read: half of the 90 % that reading takes");
            file.readAllBytes();
        }
        progress.rowsRead(180_000);
        assertEquals(90, progress.snapshot().percent());
        assertTrue(progress.snapshot().running());

        progress.writing(36_000);
        progress.written(18_000);
        ImportProgress.Snapshot writing = progress.snapshot();
        assertEquals(ImportProgress.Phase.WRITING, writing.phase());
        assertEquals(95, writing.percent());
        assertEquals(180_000, writing.rowsRead());

        progress.imported(new PublishedStatisticsImport.Imported("2025-10", 180_000, 36_000, false), AT);
        assertEquals(100, progress.snapshot().percent());
        assertTrue(progress.snapshot().succeeded());
        assertFalse(progress.snapshot().running());
        assertFalse(progress.endedBefore(AT), "kept until an hour has passed, not forgotten at once");
        assertTrue(progress.endedBefore(AT.plusSeconds(1)));
    }

    @Test
    void a_refused_file_ends_full_with_its_faults() {
        ImportProgress progress = new ImportProgress("admin.beech", Path.of("upload"), 1_000);
        progress.read(300);
        progress.refused(List.of(new FieldError("line 4", "RTT Part Type \"Part_7\" is none of ...")), AT);
        ImportProgress.Snapshot refused = progress.snapshot();
        assertEquals(100, refused.percent());
        assertEquals(ImportProgress.Phase.REFUSED, refused.phase());
        assertEquals("line 4", refused.faults().get(0).field());
        assertFalse(refused.succeeded() || refused.failed() || refused.running());
    }
}
