package uk.nhs.icr.api.security;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Says at start when no token key is configured: WildFly's MP-JWT mechanism then fails every request that
 * carries a token (500), and the reason would otherwise only be guessed from the API's answers.
 */
@WebListener
public class TokenKeyCheck implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TokenKeyCheck.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        boolean keyConfigured = config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                .or(() -> config.getOptionalValue("mp.jwt.verify.publickey.location", String.class))
                .filter(value -> !value.isBlank())
                .isPresent();
        if (!keyConfigured) {
            LOG.warning("No mp.jwt.verify.publickey(.location) configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): "
                    + "the API refuses every request until the token issuer's public key is set");
        }
    }
}
