// Spotter's only script: CSRF for htmx and fetch, the calendar (FullCalendar) and its session dialog, toasts
// with Undo, colour pickers that fill their text fields, copy buttons, the offline service worker. The pages work without it, only less smoothly.
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

  // Toast: fixed in the viewport (seen on a phone wherever the page is scrolled), error style for refusals,
  // and an Undo button for a few seconds when the change can be taken back.
  var toast = document.getElementById('toast');
  var toastTimer = null;
  function showToast(text, tone, undo) {
    if (!toast || !text) { return; }
    clearTimeout(toastTimer);
    toast.hidden = false;
    toast.className = 'toast toast-' + (tone || 'ok');
    toast.setAttribute('role', tone === 'error' ? 'alert' : 'status');
    var message = toast.querySelector('[data-toast-text]');
    message.textContent = text;
    var button = toast.querySelector('[data-undo]');
    button.hidden = !undo;
    button.onclick = undo ? function () { button.hidden = true; undo(); } : null;
    toastTimer = setTimeout(function () { toast.hidden = true; }, undo ? 10000 : 7000);
  }
  if (toast) {
    toast.querySelector('[data-toast-close]').addEventListener('click', function () { toast.hidden = true; });
  }

  function post(url, params) {
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (csrf) { headers[csrf.header] = csrf.token; }
    return fetch(url, { method: 'POST', headers: headers, body: params || new URLSearchParams(),
      credentials: 'same-origin' }).then(function (r) { return r.json(); });
  }

  // The wall-clock time now in a zone, as FullCalendar's zone-less dates read it ("2026-11-30T06:05:00").
  function wallClockNow(zone) {
    var text = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date());
    return text.replace(' ', 'T');
  }

  // Booking form: a start in the past is allowed (a session logged afterwards) but said out loud.
  document.addEventListener('input', function (e) {
    if (e.target.id === 'starts_at') { warnPast(e.target); }
  });
  function warnPast(input) {
    var warning = document.getElementById('starts_at-past');
    if (!warning || !input.value) { return; }
    warning.hidden = !(input.value < wallClockNow(input.dataset.zone).substring(0, 16));
  }

  // A series' clash list: "Go back and change" leaves the form as it was, without the list, at the Repeats control.
  document.addEventListener('click', function (e) {
    var back = e.target.closest && e.target.closest('[data-dismiss-clashes]');
    if (!back) { return; }
    var list = back.closest('.clash-list');
    var form = back.closest('form');
    if (list) { list.remove(); }
    var target = form && (form.querySelector('#repeats') || form.querySelector('input[name="scope"]:checked'));
    if (target) { target.focus(); }
  });

  // Log in: a refused password keeps the email typed (Spring Security's redirect drops it).
  var loginForm = document.getElementById('login-form');
  if (loginForm) {
    var email = document.getElementById('email');
    var remembered = sessionStorage.getItem('spotter-login-email');
    if (remembered && /[?&]error/.test(location.search) && !email.value) {
      email.value = remembered;
      document.getElementById('password').focus();
    }
    sessionStorage.removeItem('spotter-login-email');
    loginForm.addEventListener('submit', function () { sessionStorage.setItem('spotter-login-email', email.value); });
  }

  if ('serviceWorker' in navigator && document.body.dataset.sw) {
    navigator.serviceWorker.register(document.body.dataset.sw).catch(function () { /* works without it */ });
  }

  var calendarEl = document.getElementById('calendar');
  if (calendarEl && window.FullCalendar) { calendarPage(calendarEl); }

  function calendarPage(el) {
    var dialog = document.getElementById('session-dialog');
    var body = document.getElementById('session-dialog-body');
    var zone = el.dataset.timeZone;
    var opener = null;
    var narrow = window.matchMedia('(max-width: 40rem)');

    function focusFirst() {
      var target = body.querySelector('[aria-invalid="true"]') ||
        body.querySelector('input:not([type="hidden"]), select, textarea, button');
      if (target) { target.focus(); }
      var start = body.querySelector('#starts_at');
      if (start) { warnPast(start); }
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

    // Phones get a view that fits: the trainer's list or day view, else three days. Wide screens: their default.
    var views = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay', list: 'listWeek' };
    function defaultView() {
      if (el.dataset.viewChosen === 'true' || !narrow.matches) { return el.dataset.initialView; }
      var d = el.dataset.defaultView;
      return d === 'list' ? 'listWeek' : d === 'day' ? 'timeGridDay' : 'timeGridThreeDay';
    }

    function toolbars() {
      return narrow.matches
        ? { header: { left: 'prev,next today', center: '', right: 'timeGridDay,timeGridThreeDay,listWeek,dayGridMonth' },
            footer: { center: 'title' } }
        : { header: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' },
            footer: false };
    }

    // Week and day views open at the start of the working day, or an hour before now when that is later.
    var dayStart = (el.dataset.dayStart || '06:00') + ':00';
    var startHour = parseInt(dayStart.substring(0, 2), 10);
    function scrollTime() {
      var hour = parseInt(wallClockNow(zone).substring(11, 13), 10);
      return (hour > startHour + 1 && hour < 22 ? (hour - 1 < 10 ? '0' : '') + (hour - 1) + ':00:00' : dayStart);
    }

    function text(tag, className, value) {
      var node = document.createElement(tag);
      node.className = className;
      node.textContent = value;
      return node;
    }

    var calendar = new FullCalendar.Calendar(el, {
      initialView: defaultView(),
      initialDate: el.dataset.initialDate || undefined,
      timeZone: zone,
      // without a time zone plugin FullCalendar's "now" would be UTC; the zone's wall clock is what it shows
      now: function () { return wallClockNow(zone); },
      locale: 'en-ZA',
      firstDay: 1,
      // time grids get a fixed height so they can scroll to the working day; month and list grow with content
      height: Math.max(narrow.matches ? 480 : 560, window.innerHeight - (narrow.matches ? 60 : 160)),
      allDaySlot: false,
      nowIndicator: true,
      scrollTime: scrollTime(),
      views: {
        timeGridThreeDay: { type: 'timeGrid', duration: { days: 3 }, buttonText: '3 days' },
        timeGrid: { dayHeaderFormat: { weekday: 'short', day: 'numeric', month: 'short' } },
        dayGridMonth: { dayHeaderFormat: { weekday: 'short' }, height: 'auto' },
        listWeek: { listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' }, listDaySideFormat: false,
          height: 'auto' }
      },
      headerToolbar: toolbars().header,
      footerToolbar: toolbars().footer,
      buttonText: { today: 'Today', month: 'Month', week: 'Week', day: 'Day', list: 'List' },
      buttonHints: { prev: 'Previous $0', next: 'Next $0', today: 'Go to $0' },
      eventSources: [el.dataset.eventsUrl, { url: el.dataset.busyUrl, color: '#9e9e9e' }],
      // outside working hours is shaded (FullCalendar's non-business time); no hours set, nothing is
      businessHours: JSON.parse(el.dataset.businessHours || 'false'),
      eventDisplay: 'block',
      eventInteractive: true,
      editable: true,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      // "Mon 30 Nov": en-ZA's words without the comma Intl puts after the weekday
      dayHeaderContent: function (arg) {
        var parts = arg.text.replace(',', '').split(' ');
        if (parts.length < 3) { return arg.text; }
        var node = document.createElement('span');
        node.appendChild(text('span', 'fc-day-weekday', parts[0]));
        node.appendChild(document.createTextNode(' '));
        node.appendChild(text('span', 'fc-day-date', parts.slice(1).join(' ')));
        return { domNodes: [node] };
      },
      // the client's name first, then the time and type: what a trainer looks for survives a narrow column
      eventContent: function (arg) {
        if (arg.event.display === 'background') {
          return { domNodes: [text('span', 'busy-label', arg.event.title)] };
        }
        var p = arg.event.extendedProps;
        var nodes = [text('span', 'session-name', p.name || arg.event.title)];
        if (p.series) { nodes.push(seriesBadge()); }
        if (arg.view.type.indexOf('list') === 0) {
          if (p.name !== p.typeLabel) { nodes.push(text('span', 'session-type', ' · ' + p.typeLabel)); }
          return { domNodes: nodes };
        }
        var line = arg.timeText + (p.name !== p.typeLabel ? ' · ' + p.typeLabel : '');
        if (arg.view.type === 'dayGridMonth') { nodes.unshift(text('span', 'session-time', arg.timeText + ' ')); }
        else { nodes.push(text('span', 'session-time', line)); }
        return { domNodes: nodes };
      },
      eventDidMount: function (arg) {
        // screen readers and long-press hear the whole session, not just the visible part
        arg.el.setAttribute('title', arg.timeText + ' ' + arg.event.title +
          (arg.event.extendedProps.series ? ' (repeats)' : ''));
      },
      viewDidMount: tidyAria,
      datesSet: function (arg) {
        tidyAria();
        // today in view: an hour before now; another day: the start of the working day
        var today = wallClockNow(zone).substring(0, 10);
        var inView = today >= arg.startStr.substring(0, 10) && today < arg.endStr.substring(0, 10);
        if (arg.view.type.indexOf('timeGrid') === 0) {
          setTimeout(function () { calendar.scrollToTime(inView ? scrollTime() : dayStart); }, 0);
        }
      },
      eventsSet: tidyAria,
      dateClick: function (info) {
        var start = info.allDay ? info.dateStr.substring(0, 10) : info.dateStr.substring(0, 16);
        open(el.dataset.newUrl + '?start=' + encodeURIComponent(start));
      },
      eventClick: function (info) {
        info.jsEvent.preventDefault();
        // Busy and Time off blocks are not sessions: there is nothing of theirs to open
        if (info.event.display === 'background') { return; }
        open(el.dataset.bookingsUrl + info.event.id + '/edit');
      },
      eventDrop: move,
      eventResize: move
    });
    calendar.render();

    // a phone turned, a window narrowed: the toolbar follows, and so does the view unless the trainer picked one
    var picked = false;
    el.addEventListener('click', function (e) { if (e.target.closest('.fc-toolbar button')) { picked = true; } });
    narrow.addEventListener('change', function () {
      calendar.setOption('headerToolbar', toolbars().header);
      calendar.setOption('footerToolbar', toolbars().footer);
      if (!picked) { calendar.changeView(defaultView()); }
    });

    // Two of FullCalendar's ARIA claims that do not hold (axe-core, serious/critical): the chevrons are icons
    // inside buttons already named ("Previous week"), so readers skip them; and a time grid is a layout of nested
    // tables, not an ARIA grid (its rowgroup holds tables, not rows), so it keeps the tables' own semantics.
    function tidyAria() {
      setTimeout(function () {
        el.querySelectorAll('.fc-icon[role="img"]').forEach(function (icon) {
          icon.removeAttribute('role');
          icon.setAttribute('aria-hidden', 'true');
        });
        el.querySelectorAll('.fc-timegrid .fc-scrollgrid, .fc-timegrid .fc-scrollgrid [role]').forEach(function (n) {
          if (/^(grid|rowgroup|row|columnheader|gridcell|presentation)$/.test(n.getAttribute('role') || '')) {
            n.removeAttribute('role');
          }
        });
      }, 0);
    }

    function moveTo(id, start, end, back) {
      var params = new URLSearchParams();
      params.set('start', start);
      params.set('end', end);
      if (back) { params.set('back', 'true'); }
      return post(el.dataset.bookingsUrl + id + '/move', params);
    }

    // A session of a series: a dialog asks which sessions the drag moves (this, this and following, all);
    // closing it without moving puts the session back where it was.
    var pendingRevert = null;
    dialog.addEventListener('close', function () {
      if (pendingRevert) { pendingRevert(); pendingRevert = null; }
    });
    function seriesBadge() {
      var badge = text('span', 'series-badge', '');
      badge.appendChild(text('span', '', '↻'));
      badge.firstChild.setAttribute('aria-hidden', 'true');
      badge.appendChild(text('span', 'visually-hidden', ' repeats'));
      return badge;
    }

    function move(info) {
      var id = info.event.id;
      if (info.event.extendedProps.series) {
        var q = new URLSearchParams();
        q.set('start', info.event.startStr.substring(0, 19));
        q.set('end', (info.event.endStr || info.event.startStr).substring(0, 19));
        open(el.dataset.bookingsUrl + id + '/move-scope?' + q.toString());
        pendingRevert = info.revert;
        return;
      }
      var oldStart = info.oldEvent.startStr.substring(0, 19);
      var oldEnd = (info.oldEvent.endStr || info.oldEvent.startStr).substring(0, 19);
      moveTo(id, info.event.startStr.substring(0, 19),
        (info.event.endStr || info.event.startStr).substring(0, 19)).then(function (outcome) {
        if (outcome.ok) {
          calendar.refetchEvents();
          showToast(outcome.message, 'ok', function () { undo(moveTo(id, oldStart, oldEnd, true)); });
        } else {
          info.revert();
          showToast(outcome.message, 'error');
        }
      }).catch(function () {
        info.revert();
        showToast('The session could not be moved. Check your connection and try again.', 'error');
      });
    }

    function undo(request) {
      request.then(function (outcome) {
        calendar.refetchEvents();
        showToast(outcome.message, outcome.ok ? 'ok' : 'error');
      }).catch(function () {
        showToast('Undo did not reach Spotter. Check your connection and try again.', 'error');
      });
    }

    document.body.addEventListener('sessions-changed', function (e) {
      pendingRevert = null;
      if (dialog.open) { dialog.close(); }
      calendar.refetchEvents();
      var d = e.detail || {};
      var action = null;
      if (d.undoUrl && d.undoStart) {
        action = function () {
          var params = new URLSearchParams();
          params.set('start', d.undoStart);
          params.set('end', d.undoEnd);
          params.set('back', 'true');
          undo(post(d.undoUrl, params));
        };
      } else if (d.undoUrl) {
        action = function () { undo(post(d.undoUrl)); };
      }
      showToast(d.value, d.tone, action);
    });

    var newSession = document.getElementById('new-session');
    newSession.addEventListener('click', function (e) {
      e.preventDefault();
      var view = calendar.view;
      var today = wallClockNow(zone).substring(0, 10);
      var first = calendar.formatIso(view.currentStart, true).substring(0, 10);
      var last = calendar.formatIso(view.currentEnd, true).substring(0, 10);
      var inView = today >= first && today < last;
      open(el.dataset.newUrl + (inView ? '' : '?start=' + first));
    });
  }
})();
