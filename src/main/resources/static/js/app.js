// Spotter's only script: CSRF for htmx and fetch, the calendar (FullCalendar) and its session dialog,
// colour pickers that fill their text fields, and copy buttons. The pages work without it, only less smoothly.
(function () {
  'use strict';

  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var headerMeta = document.querySelector('meta[name="csrf-header"]');
  var csrf = tokenMeta && headerMeta ? { header: headerMeta.content, token: tokenMeta.content } : null;

  document.body.addEventListener('htmx:configRequest', function (e) {
    if (csrf) { e.detail.headers[csrf.header] = csrf.token; }
  });

  document.addEventListener('input', function (e) {
    var picker = e.target.closest && e.target.closest('input[type="color"][data-for]');
    if (picker) {
      var field = document.getElementById(picker.dataset.for);
      if (field) { field.value = picker.value.toUpperCase(); }
    }
  });

  document.addEventListener('click', function (e) {
    var copy = e.target.closest && e.target.closest('[data-copy]');
    if (!copy) { return; }
    var source = document.getElementById(copy.dataset.copy);
    var status = document.getElementById(copy.dataset.copy + '-status');
    var say = function (text) { if (status) { status.textContent = text; } };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(function () { say('Copied.'); },
        function () { source.select(); say('Selected: press Ctrl+C (or ⌘C) to copy.'); });
    } else {
      source.select();
      say(document.execCommand && document.execCommand('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.');
    }
  });

  var calendarEl = document.getElementById('calendar');
  if (calendarEl && window.FullCalendar) { calendarPage(calendarEl); }

  function calendarPage(el) {
    var dialog = document.getElementById('session-dialog');
    var body = document.getElementById('session-dialog-body');
    var announcer = document.getElementById('announcer');
    var opener = null;

    function announce(text) { announcer.textContent = text || ''; }

    function focusFirst() {
      var target = body.querySelector('[aria-invalid="true"]') ||
        body.querySelector('input:not([type="hidden"]), select, textarea, button');
      if (target) { target.focus(); }
    }

    function open(url) {
      opener = document.activeElement;
      htmx.ajax('GET', url, { target: body, swap: 'innerHTML' }).then(function () {
        if (!dialog.open) { dialog.showModal(); }
        focusFirst();
      });
    }

    body.addEventListener('htmx:afterSwap', focusFirst);
    dialog.addEventListener('click', function (e) {
      if (e.target.closest('[data-close-dialog]')) { e.preventDefault(); dialog.close(); }
    });
    dialog.addEventListener('close', function () {
      body.innerHTML = '';
      if (opener && document.contains(opener)) { opener.focus(); }
    });

    var calendar = new FullCalendar.Calendar(el, {
      initialView: el.dataset.initialView,
      initialDate: el.dataset.initialDate || undefined,
      timeZone: el.dataset.timeZone,
      firstDay: 1,
      height: 'auto',
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' },
      buttonText: { today: 'Today', month: 'Month', week: 'Week', day: 'Day', list: 'List' },
      events: el.dataset.eventsUrl,
      eventDisplay: 'block',
      eventInteractive: true,
      editable: true,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      dateClick: function (info) {
        var start = info.allDay ? info.dateStr.substring(0, 10) : info.dateStr.substring(0, 16);
        open(el.dataset.newUrl + '?start=' + encodeURIComponent(start));
      },
      eventClick: function (info) {
        info.jsEvent.preventDefault();
        open(el.dataset.bookingsUrl + info.event.id + '/edit');
      },
      eventDrop: move,
      eventResize: move
    });
    calendar.render();

    function move(info) {
      var params = new URLSearchParams();
      params.set('start', info.event.startStr.substring(0, 19));
      params.set('end', (info.event.endStr || info.event.startStr).substring(0, 19));
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (csrf) { headers[csrf.header] = csrf.token; }
      fetch(el.dataset.bookingsUrl + info.event.id + '/move', {
        method: 'POST', headers: headers, body: params, credentials: 'same-origin'
      }).then(function (r) { return r.json(); }).then(function (outcome) {
        announce(outcome.message);
        if (outcome.ok) { calendar.refetchEvents(); } else { info.revert(); }
      }).catch(function () {
        info.revert();
        announce('The session could not be moved. Check your connection and try again.');
      });
    }

    document.body.addEventListener('sessions-changed', function (e) {
      if (dialog.open) { dialog.close(); }
      calendar.refetchEvents();
      announce(e.detail && e.detail.value);
    });

    var newSession = document.getElementById('new-session');
    newSession.addEventListener('click', function (e) {
      e.preventDefault();
      var view = calendar.view;
      var today = calendar.formatIso(new Date(), true).substring(0, 10);
      var first = calendar.formatIso(view.currentStart, true).substring(0, 10);
      var last = calendar.formatIso(view.currentEnd, true).substring(0, 10);
      var inView = today >= first && today < last;
      open(el.dataset.newUrl + (inView ? '' : '?start=' + first));
    });
  }
})();
