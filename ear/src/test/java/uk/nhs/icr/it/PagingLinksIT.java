package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Lists answer Link headers (RFC 8288) to their first, previous, next and last pages, and a client can just follow them. */
class PagingLinksIT extends IcrDeployment {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");

    @Test
    void a_middle_page_links_first_prev_next_and_last_and_following_next_walks_the_whole_record() {
        String patient = Databases.firstDemoPatientAt("Y90001");
        Api.Reply first = Api.get("/api/patients/" + patient + "/record?size=2");
        long totalPages = first.json().getJsonNumber("totalPages").longValue();
        long totalItems = first.json().getJsonNumber("totalItems").longValue();
        assertTrue(totalPages >= 3, "the demo patient's record runs to several pages of two: " + totalPages);

        Api.Reply middle = Api.getUrl(links(first).get("next"));
        Map<String, String> links = links(middle);
        assertEquals(1, middle.json().getInt("page"));
        assertEquals(Map.of("first", "0", "prev", "0", "next", "2", "last", String.valueOf(totalPages - 1)), pagesOf(links));
        assertTrue(links.get("next").startsWith(Api.BASE + "/api/patients/" + patient + "/record?"), links.get("next"));

        int seen = 0;
        Api.Reply page = first;
        while (true) {
            seen += page.json().getJsonArray("items").size();
            String next = links(page).get("next");
            if (next == null) {
                break;
            }
            page = Api.getUrl(next);
        }
        assertEquals(totalItems, seen, "following next from the first page reaches every entry once");
        assertFalse(links(page).containsKey("next"), "the last page has no next");
        assertEquals(String.valueOf(totalPages - 1), String.valueOf(page.json().getInt("page")));
    }

    @Test
    void the_first_page_of_a_search_has_no_prev_and_a_next_only_when_there_is_more() {
        Api.Reply reply = Api.get("/api/patients?name=" + Databases.patientRow(Databases.firstDemoPatientAt("Y90001")).get(2)
                + "&size=1");
        long totalPages = reply.json().getJsonNumber("totalPages").longValue();
        Map<String, String> links = links(reply);
        assertEquals("0", pagesOf(links).get("first"));
        assertEquals(String.valueOf(totalPages - 1), pagesOf(links).get("last"));
        assertFalse(links.containsKey("prev"), "nothing comes before the first page");
        assertEquals(totalPages > 1, links.containsKey("next"), "next, exactly when there are more pages: " + totalPages);
    }

    private static Map<String, String> links(Api.Reply reply) {
        Map<String, String> links = new HashMap<>();
        for (String header : reply.headers().getOrDefault("link", List.of())) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                links.put(link.group(2), link.group(1));
            }
        }
        return links;
    }

    private static Map<String, String> pagesOf(Map<String, String> links) {
        Map<String, String> pages = new HashMap<>();
        links.forEach((rel, uri) -> {
            Matcher page = Pattern.compile("[?&]page=(\\d+)").matcher(URI.create(uri).getRawQuery() == null ? ""
                    : "?" + URI.create(uri).getRawQuery());
            pages.put(rel, page.find() ? page.group(1) : "?");
        });
        return pages;
    }
}
