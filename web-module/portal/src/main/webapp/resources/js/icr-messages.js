/*
 * PrimeFaces 15 gives each message's <li> role="alert", which makes it no longer a list item: screen readers then
 * read the list wrongly and axe-core fails the page (WCAG 1.3.1; PrimeFaces issue 14864, fixed in 16). The role moves
 * to the block holding the list instead, so a message drawn by an ajax update (which replaces the whole messages
 * region) is still announced as an alert. Runs on load and after every PrimeFaces ajax update.
 */
(function () {
    function alertOnTheBlock() {
        document.querySelectorAll('.ui-messages li[role="alert"]').forEach(function (item) {
            item.removeAttribute('role');
            var block = item.closest('ul') && item.closest('ul').parentElement;
            if (block && !block.classList.contains('ui-messages')) {
                block.setAttribute('role', 'alert');
            }
        });
    }
    document.addEventListener('DOMContentLoaded', alertOnTheBlock);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', alertOnTheBlock);
    }
})();

/* The error summary at the top of a refused form takes the focus, so a screen reader reads what to correct first. */
(function () {
    function focusSummary() {
        var summary = document.getElementById('errorSummary');
        if (summary) {
            summary.focus();
        }
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', focusSummary);
    } else {
        focusSummary();
    }
})();
