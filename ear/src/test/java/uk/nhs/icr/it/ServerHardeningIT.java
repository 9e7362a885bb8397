package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The provisioned server as a hosting team's security reviewer reads it (issue 18): no password in plain text in its
 * standalone.xml (datasources and key stores name an alias of the Elytron credential store the set-up made), and a
 * management interface that listens on the loopback address only and answers nobody without the management user.
 */
class ServerHardeningIT extends IcrDeployment {

    private static final Path CONFIGURATION = Path.of(System.getProperty("icr.jboss.home"), "standalone", "configuration");

    /**
     * The local default passwords the README documents, and the variables that set them: the set-up put them in the
     * credential store, so neither may appear in the configuration file ("icr", the default database password, is also the
     * default user name: the password attributes are checked above).
     */
    private static final Set<String> LOCAL_DEFAULTS = Set.of("icr-tls-local", "icr-research-local", "ICR_DB_PASSWORD",
            "ICR_TLS_KEYSTORE_PASSWORD", "ICR_RESEARCH_STORE_PASSWORD");

    @Test
    void no_password_is_in_standalone_xml_in_plain_text() throws Exception {
        Element root = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(CONFIGURATION.resolve("standalone.xml").toFile()).getDocumentElement();
        List<String> found = new ArrayList<>();
        NodeList elements = root.getElementsByTagName("*");
        int references = 0;
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String name = attribute.getName().toLowerCase(java.util.Locale.ROOT);
                boolean secret = name.equals("password") || name.endsWith("-password") || name.equals("clear-text");
                // masked (reversible, so only for the one password nothing else can hold: the secrets store's own)
                boolean storesOwn = element.getTagName().equals("credential-reference") && element.getParentNode() instanceof Element parent
                        && parent.getTagName().equals("credential-store") && "icrSecrets".equals(parent.getAttribute("name"));
                if (secret && !(storesOwn && attribute.getValue().startsWith("MASK-"))) {
                    found.add(element.getTagName() + " " + attribute.getName() + "=" + attribute.getValue());
                }
            }
            if (element.getTagName().equals("credential-reference") && element.hasAttribute("store")) {
                references++;
            }
        }
        assertEquals(List.of(), found, "passwords in plain text (or as an expression with a default) in standalone.xml");
        // the datasources (hospital, audit, social care, research, batch), the TLS key store and key manager, the research store
        assertTrue(references >= 8, "secrets are named by credential-store alias: " + references);
        String text = Files.readString(CONFIGURATION.resolve("standalone.xml"));
        for (String value : LOCAL_DEFAULTS) {
            assertFalse(text.contains(value), "a local default password, or its variable: " + value);
        }
    }

    @Test
    void the_management_interface_listens_on_loopback_only_and_asks_for_the_management_user() throws Exception {
        String url = Api.MANAGEMENT + "/management/interface/management?operation=attribute&name=resolved-address";
        HttpURLConnection signedIn = open(url, new PasswordAuthentication(System.getProperty("icr.test.management-user", "icr-admin"),
                managementPassword().toCharArray()));
        assertEquals(200, signedIn.getResponseCode());
        try (InputStream body = signedIn.getInputStream()) {
            assertEquals("\"127.0.0.1\"", new String(body.readAllBytes(), StandardCharsets.UTF_8).trim(),
                    "the management interface is bound to the loopback address");
        }

        assertEquals(401, open(url, null).getResponseCode(), "no management answer without the management user");
        // not the management user's name: a wrong password for it counts towards Elytron's lock-out of that user
        assertEquals(401, open(url, new PasswordAuthentication("not-a-manager", "not-the-password".toCharArray())).getResponseCode());
    }

    /** The password the set-up made for the management user (ICR_MANAGEMENT_PASSWORD was not set for the tests). */
    private static String managementPassword() throws IOException {
        return Files.readString(CONFIGURATION.resolve("icr-management.password")).trim();
    }

    /** HTTP digest, as the management interface asks (the JDK's HttpURLConnection answers the challenge; HttpClient cannot). */
    private static HttpURLConnection open(String url, PasswordAuthentication credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setAuthenticator(new Authenticator() {
            private boolean asked;

            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                // once: the JDK asks again after a refusal, and each try would count as a failed sign-in
                PasswordAuthentication answer = asked ? null : credentials;
                asked = true;
                return answer;
            }
        });
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        return connection;
    }
}
