/*
 * Chart.js extenders for the portal's charts. PrimeFaces calls an extender with the chart widget as "this" before
 * the chart is drawn; it may change this.cfg.config.
 */

/** Results over time: the x axis holds report times in milliseconds; label them, and the tooltips, as UK dates. */
function icrResultsOverTime() {
    var day = function (millis) {
        return new Date(millis).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
    };
    var options = this.cfg.config.options;
    options.scales.x.ticks = { callback: function (value) { return day(value); }, maxTicksLimit: 8 };
    options.plugins.tooltip = { callbacks: { title: function (items) { return items.length ? day(items[0].parsed.x) : ''; } } };
}
