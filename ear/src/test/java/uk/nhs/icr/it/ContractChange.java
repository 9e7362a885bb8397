package uk.nhs.icr.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The rule for changing the API's contract, as partners were promised it (docs/partners.md, "Versions and deprecation"):
 * the document the server serves is compared with the one last published ({@code web-module/api/contract/published.json})
 * by OpenAPI Diff. A change clients can ignore (a new operation, a new optional field) needs nothing; a change that breaks
 * a client written against the published document needs a new major version in {@code info.version}; and any new version
 * needs its entry in the changelog ({@code docs/api-changelog.md}, a heading "## VERSION").
 */
final class ContractChange {

    private final ChangedOpenApi diff;
    private final String publishedVersion;
    private final String servedVersion;

    private ContractChange(ChangedOpenApi diff) {
        this.diff = diff;
        this.publishedVersion = diff.getOldSpecOpenApi().getInfo().getVersion();
        this.servedVersion = diff.getNewSpecOpenApi().getInfo().getVersion();
    }

    static ContractChange between(String published, String served) {
        return new ContractChange(OpenApiCompare.fromContents(published, served));
    }

    boolean breaksClients() {
        return diff.isIncompatible();
    }

    /** What stands in the way of serving this document to partners of the published one; empty when nothing does. */
    List<String> objections(String changelog) {
        List<String> objections = new ArrayList<>();
        if (breaksClients() && major(servedVersion) <= major(publishedVersion)) {
            objections.add("the served contract breaks clients of published version " + publishedVersion + " (missing operations: "
                    + diff.getMissingEndpoints().stream().map(e -> e.getMethod() + " " + e.getPathUrl()).collect(Collectors.joining(", "))
                    + "; changed operations: " + diff.getChangedOperations().stream().filter(op -> op.isIncompatible())
                            .map(op -> op.getHttpMethod() + " " + op.getPathUrl()).collect(Collectors.joining(", "))
                    + ") but its version " + servedVersion + " is not a new major version");
        }
        if (!servedVersion.equals(publishedVersion)
                && !Pattern.compile("(?m)^## " + Pattern.quote(servedVersion) + "(?=\\s|$)").matcher(changelog).find()) {
            objections.add("version " + servedVersion + " has no entry (\"## " + servedVersion + "\") in docs/api-changelog.md");
        }
        return objections;
    }

    /** What changed, operation by operation, and OpenAPI Diff's own report of every difference where it can render one. */
    String report() {
        StringBuilder report = new StringBuilder("# The served contract against the published one\n\n")
                .append("Published ").append(publishedVersion).append(", served ").append(servedVersion).append(": ")
                .append(diff.isUnchanged() ? "no difference" : breaksClients() ? "breaks clients" : "compatible").append("\n\n");
        diff.getNewEndpoints().forEach(e -> report.append("- new: ").append(e.getMethod()).append(' ').append(e.getPathUrl()).append('\n'));
        diff.getMissingEndpoints().forEach(e -> report.append("- gone: ").append(e.getMethod()).append(' ').append(e.getPathUrl()).append('\n'));
        diff.getChangedOperations().forEach(op -> report.append("- changed").append(op.isIncompatible() ? " (breaks clients): " : ": ")
                .append(op.getHttpMethod()).append(' ').append(op.getPathUrl()).append('\n'));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (java.io.IOException | RuntimeException e) {
            // its renderer trips over some changes (an example added where the schema stayed the same): the list above stands
            return report.append("\n(OpenAPI Diff's own report could not be rendered: ").append(e).append(")\n").toString();
        }
        return report.append("\n").append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    private static int major(String version) {
        String digits = version.replaceFirst("^\\D*(\\d+).*$", "$1");
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Integer.parseInt(digits) : 0;
    }
}
