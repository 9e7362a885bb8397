package uk.nhs.icr.waits.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.platform.UkClock;

/**
 * The background imports of this server, by id, while they run and for an hour after they end (long enough for the
 * page that started one to read how it ended). Held in memory: on a cluster each node knows its own, and the portal's
 * sticky session brings the page back to the node doing the work.
 */
@ApplicationScoped
public class ImportBoard {

    private static final Duration KEPT_AFTER_END = Duration.ofHours(1);

    private final Map<UUID, ImportProgress> imports = new ConcurrentHashMap<>();

    @Inject
    UkClock clock;

    public ImportProgress register(String startedBy, Path file, long fileBytes) {
        Instant forgetBefore = clock.now().minus(KEPT_AFTER_END);
        imports.values().removeIf(progress -> progress.endedBefore(forgetBefore));
        ImportProgress progress = new ImportProgress(startedBy, file, fileBytes);
        imports.put(progress.id(), progress);
        return progress;
    }

    public Optional<ImportProgress> find(UUID id) {
        return Optional.ofNullable(imports.get(id));
    }
}
