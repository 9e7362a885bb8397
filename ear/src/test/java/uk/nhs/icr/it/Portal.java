package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the portal over plain HTTP as a browser would: form sign-in, pages, Faces postbacks. */
public final class Portal {

    public static final String DEMO_PASSWORD = "icr-demo-2026";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** The page's CSP nonce: PrimeFaces' script adds it to every form it posts, and refuses a postback without it. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private final String cookie;
    /** The nonce of the last whole page of this session's view (an ajax answer carries none, and the view keeps its own). */
    private String lastNonce;

    private Portal(String cookie) {
        this.cookie = cookie;
    }

    /** Signs in through the server's form login; fails the test if the server does not accept it. */
    public static Portal signIn(String username) {
        return signIn(username, DEMO_PASSWORD);
    }

    /** Signs in with this password; fails the test if the server does not accept it. */
    public static Portal signIn(String username, String password) {
        SignInAttempt attempt = attemptSignIn(username, password);
        assertEquals(302, attempt.reply().status(), "sign-in accepted for " + username);
        assertTrue(!attempt.reply().header("Location").contains("login"), "signed in, not sent back to the form");
        return new Portal(attempt.cookieAfter());
    }

    public record SignInAttempt(String cookieBefore, String cookieAfter, Api.Reply reply) {

        public boolean rejected() {
            return reply.status() == 302 && reply.header("Location").contains("/login.xhtml?failed=true");
        }
    }

    public static SignInAttempt attemptSignIn(String username, String password) {
        Api.Reply protectedPage = Api.getAbsolute(Api.BASE + "/patients/search.xhtml");
        String before = sessionCookie(protectedPage);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("j_username", username);
        form.put("j_password", password);
        Api.Reply reply = Api.postForm("/j_security_check", before, form);
        String after = reply.header("Set-Cookie") == null ? before : sessionCookie(reply);
        return new SignInAttempt(before, after, reply);
    }

    public Api.Reply get(String path) {
        return Api.getWithCookie(path, cookie);
    }

    /** A Faces postback to {@code path} of {@code form} from {@code page}, pressing {@code button}. */
    public Api.Reply submit(String path, Api.Reply page, String form, String button, Map<String, String> fields) {
        return Api.postForm(path, cookie, postback(page, form, button, fields));
    }

    /** The fields a browser posts for {@code form} of {@code page}, pressing {@code button}: view state and nonce included. */
    public Map<String, String> postback(Api.Reply page, String form, String button, Map<String, String> fields) {
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), "page has a Faces view state");
        Map<String, String> post = new LinkedHashMap<>();
        post.put(form, form);
        post.putAll(fields);
        post.put(button, button);
        post.put("jakarta.faces.ViewState", viewState.group(1));
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            lastNonce = nonce.group(1);
        }
        if (lastNonce != null) {
            post.put("primefaces.nonce", lastNonce);
        }
        return post;
    }

    public String cookie() {
        return cookie;
    }

    static String sessionCookie(Api.Reply reply) {
        String setCookie = reply.header("Set-Cookie");
        return setCookie == null ? null : setCookie.split(";", 2)[0];
    }

    /** The row index (PrimeFaces' data-ri) of the table row that holds all of these texts (a patient's and a medicine's). */
    public static int rowIndexOf(String html, String text, String alsoInTheRow) {
        String[] rows = html.split("data-ri=\"");
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i].substring(0, Math.max(0, rows[i].indexOf("</tr>")));
            if (row.contains(text) && row.contains(alsoInTheRow)) {
                return Integer.parseInt(rows[i].substring(0, rows[i].indexOf('"')));
            }
        }
        throw new AssertionError("no row holds both " + text + " and " + alsoInTheRow);
    }

    /** The row index (PrimeFaces' data-ri) of the table row of a page that holds this text. */
    public static int rowIndexOf(String html, String text) {
        int at = html.indexOf(text);
        assertTrue(at > 0, "a row with " + text);
        String before = html.substring(0, at);
        int rowStart = before.lastIndexOf("data-ri=\"");
        return Integer.parseInt(before.substring(rowStart + 9, before.indexOf('"', rowStart + 9)));
    }
}
