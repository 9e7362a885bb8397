/*
 * The body map on the incident form: a tap (or click) on the front or back outline marks that place. Each mark is kept in the
 * form's hidden field as side:x:y, x and y in percent of the outline (the shape the API takes), and drawn as a numbered dot.
 * The outlines are 200 by 400 units, front at 0, back at 220, both 30 units down, in a 420 by 440 view.
 */
(function () {
    var SVG = 'http://www.w3.org/2000/svg';

    function setUp(map) {
        var input = document.getElementById(map.getAttribute('data-input'));
        var count = document.getElementById(map.getAttribute('data-count'));
        map.addEventListener('click', function (event) {
            var box = map.getBoundingClientRect();
            var x = (event.clientX - box.left) / box.width * 420;
            var y = (event.clientY - box.top) / box.height * 440;
            var front = x < 210;
            var left = front ? 0 : 220;
            var px = Math.round(Math.min(100, Math.max(0, (x - left) / 200 * 100)));
            var py = Math.round(Math.min(100, Math.max(0, (y - 30) / 400 * 100)));
            var marks = input.value ? input.value.split(';') : [];
            marks.push((front ? 'front' : 'back') + ':' + px + ':' + py);
            input.value = marks.join(';');
            var dot = document.createElementNS(SVG, 'circle');
            dot.setAttribute('cx', left + px * 2);
            dot.setAttribute('cy', 30 + py * 4);
            dot.setAttribute('r', 9);
            dot.setAttribute('fill', '#d5281b');
            map.appendChild(dot);
            count.textContent = marks.length + (marks.length === 1 ? ' place marked' : ' places marked');
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-body-map]').forEach(setUp);
    });
})();
