/*
 * PrimeFaces 15 gives each message's <li> role="alert", which makes it no longer a list item: screen readers then
 * read the list wrongly and axe-core fails the page (WCAG 1.3.1; PrimeFaces issue 14864, fixed in 16). The messages
 * container is an aria-live region already, so a new message is still announced once the role is gone. Runs on load and
 * after every PrimeFaces ajax update.
 */
(function () {
    function listItemsAgain() {
        document.querySelectorAll('.ui-messages li[role="alert"]').forEach(function (item) {
            item.removeAttribute('role');
        });
    }
    document.addEventListener('DOMContentLoaded', listItemsAgain);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', listItemsAgain);
    }
})();
