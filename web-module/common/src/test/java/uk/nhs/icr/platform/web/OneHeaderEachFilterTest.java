package uk.nhs.icr.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneHeaderEachFilterTest {

    @Test
    void the_servers_policy_and_primefaces_nonce_policy_become_one_policy_with_every_directive() {
        assertEquals("frame-ancestors 'none'; object-src 'none'; script-src 'self' 'nonce-abc'",
                OneHeaderEachFilter.joined("frame-ancestors 'none'; object-src 'none'", "script-src 'self' 'nonce-abc';"));
        assertEquals("frame-ancestors 'none'; script-src 'self' 'nonce-abc'",
                OneHeaderEachFilter.joined("frame-ancestors 'none';", " script-src 'self' 'nonce-abc' ;; "));
    }
}
