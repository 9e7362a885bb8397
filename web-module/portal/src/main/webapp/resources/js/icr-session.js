/*
 * The idle timeout, as the signed-in pages show it (issue 18). The server ends a session after a stretch without a request
 * (ICR_PORTAL_IDLE_TIMEOUT); this counts the same stretch from the last answer of the server, shared by every open tab of
 * the session (localStorage), so a busy tab keeps an idle one from signing out. Before the end it warns in a dialog
 * ("Stay signed in" sends a request, which is what keeps the session); at the end it signs out, and the sign-in page
 * says why. The times come from the page (#sessionTimes data attributes), read afresh at every check.
 */
(function () {
    var times = document.getElementById('sessionTimes');
    if (!times) {
        return;
    }
    var SHARED = 'icr.lastServerContact';
    var lastHere = Date.now();
    var signingOut = false;

    function lastContact() {
        var shared = 0;
        try {
            shared = parseInt(window.localStorage.getItem(SHARED), 10) || 0;
        } catch (e) {
            // storage refused (a private window): this tab counts for itself
        }
        return Math.max(lastHere, shared);
    }

    function inWords(ms) {
        var seconds = Math.max(0, Math.ceil(ms / 1000));
        if (seconds >= 120) {
            return Math.ceil(seconds / 60) + ' minutes';
        }
        return seconds + (seconds === 1 ? ' second' : ' seconds');
    }

    function warning() {
        return window.PrimeFaces && window.PrimeFaces.widgets ? window.PrimeFaces.widgets.idleWarning : null;
    }

    function check() {
        if (signingOut) {
            return;
        }
        var idle = Date.now() - lastContact();
        var warnAfter = Number(times.getAttribute('data-warn-after-ms'));
        var end = Number(times.getAttribute('data-signed-out-after-ms'));
        var dialog = warning();
        if (idle >= end) {
            signingOut = true;
            document.getElementById('signOutReason').value = 'timedOut';
            document.getElementById('signOutForm').submit();
        } else if (idle >= warnAfter) {
            document.getElementById('idleCountdown').textContent = inWords(end - idle);
            if (dialog && !dialog.isVisible()) {
                dialog.show();
            }
        } else if (dialog && dialog.isVisible()) {
            dialog.hide();
        }
    }

    function contact() {
        lastHere = Date.now();
        try {
            window.localStorage.setItem(SHARED, String(lastHere));
        } catch (e) {
            // as above
        }
        check();
    }

    window.setInterval(check, 1000);
    window.addEventListener('storage', function (event) {
        if (event.key === SHARED) {
            check();
        }
    });
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', contact);
    }
    contact();
})();
