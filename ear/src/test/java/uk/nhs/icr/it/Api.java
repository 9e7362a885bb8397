package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * A small HTTP client for the deployed server, over HTTPS (port 8543, management 10090: port offset 100), trusting the
 * certificate the set-up made (icr-tls.crt) and nothing else: verification stays on.
 */
public final class Api {

    public static final String BASE = System.getProperty("icr.test.base-url", "https://127.0.0.1:8543");
    /** The same server's plain HTTP listener, which only redirects (portal) or refuses (API). */
    public static final String PLAIN_HTTP_BASE = System.getProperty("icr.test.http-base-url", "http://127.0.0.1:8180");
    public static final String MANAGEMENT = System.getProperty("icr.test.management-url", "http://127.0.0.1:10090");

    /** TLS trusting only the server's own certificate, as a partner system trusting a private CA would. */
    public static final javax.net.ssl.SSLContext TLS = ServerCertificate.trustingContext();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(TLS)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Api() {
    }

    public record Binary(int status, String contentType, byte[] body) {
    }

    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        /** Asserts an RFC 9457 problem with this status, and returns it. */
        public JsonObject problem(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> "status; body was " + body);
            assertEquals("application/problem+json", header("Content-Type"), "content type");
            JsonObject problem = json();
            assertEquals(expectedStatus, problem.getInt("status"), "status in the body");
            assertTrue(problem.getString("type").startsWith("urn:icr:problem:"), "type");
            assertFalse(problem.getString("title").isBlank(), "title");
            assertFalse(problem.getString("detail").isBlank(), "detail");
            assertFalse(body.contains("Exception") || body.contains("\tat "), () -> "no stack trace or exception names: " + body);
            return problem;
        }

        /** Asserts a problem with this status and returns the fields its errors name, in order. */
        public List<String> problemFields(int expectedStatus) {
            problem(expectedStatus);
            return errorFields();
        }

        /** The fields named in a problem's errors, in order. */
        public List<String> errorFields() {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(error -> error.getString("field")).toList();
        }
    }

    /** The caller the existing tests act as: a GP at Beech Road Surgery (Y90001), where test patients register. */
    public static final String DEFAULT_USER = "gp.beech";

    /** The default caller's client, signed afresh every few minutes: a token lives 10, and the suite runs longer. */
    private static Client defaultClient;
    private static java.time.Instant defaultSignedAt = java.time.Instant.EPOCH;

    private static synchronized Client defaultCaller() {
        java.time.Instant now = java.time.Instant.now();
        if (defaultClient == null || defaultSignedAt.isBefore(now.minus(java.time.Duration.ofMinutes(5)))) {
            defaultClient = as(Tokens.staff(DEFAULT_USER, "GP").sign());
            defaultSignedAt = now;
        }
        return defaultClient;
    }

    /** API calls made with this bearer token (null: no Authorization header). */
    public static Client as(String bearerToken) {
        return new Client(bearerToken);
    }

    public static Reply get(String path) {
        return defaultCaller().get(path);
    }

    public static Reply postJson(String path, String json) {
        return defaultCaller().postJson(path, json);
    }

    /** A GET of an absolute URL (a Location header, say) as the default caller. */
    public static Reply getUrl(String absoluteUrl) {
        return defaultCaller().getUrl(absoluteUrl);
    }

    public static Reply post(String path, String contentType, String body) {
        return defaultCaller().post(path, contentType, body);
    }

    public static Reply getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Reply getAbsolute(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET());
    }

    public static Reply postJsonTo(String url, String authorization, String json) {
        return postTo(url, "application/json", json, "Authorization", authorization);
    }

    /** A POST to any URL with these headers (name, value, name, value, ...) besides the content type. */
    public static Reply postTo(String url, String contentType, String body, String... headers) {
        return send(Client.withHeaders(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    public static Reply getWithCookie(String path, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Cookie", cookie).GET());
    }

    public static final class Client {

        private final String token;

        private Client(String token) {
            this.token = token;
        }

        public Reply get(String path) {
            return getUrl(BASE + path);
        }

        public Reply getUrl(String absoluteUrl) {
            return send(authorised(HttpRequest.newBuilder(URI.create(absoluteUrl)).header("Accept", "application/json").GET()));
        }

        public Reply postJson(String path, String json) {
            return post(path, "application/json", json);
        }

        /** A GET of something that is not text (a PDF, an image), as bytes with its status and content type. */
        public Binary getBinary(String path) {
            try {
                HttpResponse<byte[]> response = CLIENT.send(authorised(HttpRequest.newBuilder(URI.create(BASE + path)).GET())
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A POST with extra headers, as alternating names and values ("If-Match", "\"3\""). */
        public Reply postJson(String path, String json, String... headers) {
            return send(authorised(withHeaders(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), headers)));
        }

        public Reply post(String path, String contentType, String body) {
            return post(path, contentType, HttpRequest.BodyPublishers.ofString(body));
        }

        public Reply post(String path, String contentType, byte[] body) {
            return post(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
        }

        private Reply post(String path, String contentType, HttpRequest.BodyPublisher body) {
            return send(authorised(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json")
                    .POST(body)));
        }

        public Reply putJson(String path, String json) {
            return putJson(path, json, new String[0]);
        }

        /** A PUT with extra headers, as alternating names and values ("If-Match", "\"3\""). */
        public Reply putJson(String path, String json, String... headers) {
            return send(authorised(withHeaders(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)), headers)));
        }

        private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return request;
        }

        /** Any method with any body (null: none) of any content type, extra headers as alternating names and values. */
        public Reply exchange(String method, String path, String contentType, byte[] body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(authorised(withHeaders(request, headers)));
        }

        /** Any method, without a body, with extra headers as alternating names and values. */
        public Reply request(String method, String path, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(authorised(request));
        }

        /** A new version over the current one (If-Match with its ETag), or the first one (If-None-Match: *). */
        public Reply putJsonOverCurrent(String path, String json) {
            String current = get(path).header("ETag");
            return current == null ? putJson(path, json, "If-None-Match", "*") : putJson(path, json, "If-Match", current);
        }

        private HttpRequest.Builder authorised(HttpRequest.Builder request) {
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }
    }

    /** A form POST with this session cookie (null: none) and any further headers, as name-value pairs. */
    public static Reply postForm(String path, String cookie, Map<String, String> fields, String... headers) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Builds a JSON object from alternating names and values; a null value is sent as JSON null. */
    public static String json(String... namesAndValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                builder.addNull(namesAndValues[i]);
            } else {
                builder.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return builder.build().toString();
    }

    public static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /**
     * A JSON POST that declares a body of {@code declaredLength} bytes and, as curl does for a large body, asks
     * ({@code Expect: 100-continue}) whether to send it: the server's final answer comes back without the body ever being
     * sent; were the server to ask for the body instead (100 Continue), this fails. On a TLS connection of its own, written
     * by hand: the JDK's HttpClient waits for a 100 that a refusing server never sends.
     */
    public static Reply postJsonExpectingRefusal(String path, long declaredLength) {
        URI uri = URI.create(BASE + path);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) TLS.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + Tokens.staff(DEFAULT_USER, "GP").sign()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + declaredLength
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            int status = Integer.parseInt(line(in).split(" ", 3)[1]);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String[] nameValue = header.split(":", 2);
                headers.computeIfAbsent(nameValue[0].trim(), k -> new java.util.ArrayList<>()).add(nameValue[1].trim());
            }
            byte[] body = new byte[Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0))];
            in.readFully(body);
            return new Reply(status, headers, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended mid-answer: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    private static Reply send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
