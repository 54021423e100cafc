# /report: a one-page PDF summary to show a prescriber (src/report/, src/bot/features/report.ts).
command-report = A one-page PDF for a prescriber
report-choose = 📄 I'll make a one-page summary of your sleep diary (a PDF) that you can show a prescriber. How many nights should it cover?
report-choose-button = Last { $n } nights
report-making = 📄 Making your summary of the last { $n } nights…
report-caption = 📄 Your sleep summary, { $from } – { $to }. Show it on your phone, forward it or print it. Nothing new was stored.
report-too-few =
    { $logged ->
        [0] There are no check-ins in the last { $n } nights yet, so a summary would be an empty page. After 3 morning check-ins (/checkin) it's ready.
        [one] Only one night is logged in the last { $n } nights. Two more morning check-ins (/checkin) and the summary is ready.
       *[other] { $logged } nights are logged in the last { $n } nights. One more morning check-in (/checkin) and the summary is ready.
    }
report-failed = Sorry, I couldn't make the PDF just now. Your nights are all saved; please try /report again in a few minutes.
# On support warnings (no-sleep, persistent, anxiety-rising).
report-warning-button = 📄 Make a summary for a prescriber

# The PDF page. Dates and numbers are formatted for the language.
report-doc-title = Sleep diary summary
report-subtitle = { $from } – { $to } · last { $n } nights
report-date-row = { DATETIME($date, weekday: "short", day: "numeric", month: "short") }
report-date-short = { DATETIME($date, day: "numeric", month: "short") }
report-date-medium = { DATETIME($date, dateStyle: "medium") }
report-date-run = { $from } – { $to }
report-number = { NUMBER($n, maximumFractionDigits: 1) }
report-hours = { NUMBER($hours, maximumFractionDigits: 1) } h
report-scale-value = { $word } ({ $n })
report-day = Day { $day } since the last dose · phase: { $phase }
report-phase-only = Phase: { $phase }
report-relapses-none = No return to use reported in this period
report-relapses =
    { $count ->
        [one] Used again on { $dates } (the day count restarted)
       *[other] Used again on { $dates } (the day count restarted each time)
    }
report-logged = Nights logged: { $logged } of { $n }
report-chart-title = Hours slept a night
report-averages-title = This week against last week
report-this-week = This week
report-last-week = Last week
report-avg-hours = Hours slept a night
report-avg-quality = Sleep quality (1–5)
report-avg-restless = Restlessness (0–3)
report-avg-anxiety = Anxiety (0–10)
report-avg-nights = Nights logged
report-nights-of-week = { $nights } of 7
report-signs-title = Support signs the diary showed
report-signs-none = None in this period.
report-sign-no-sleep = Several nights with little or no sleep
report-sign-anxiety-rising = Rising anxiety
report-sign-unstable = Mood felt unstable
report-sign-cant-function = Could not function
report-sign-relapse-risk = Strong urge to use
report-sign-persistent = Insomnia beyond 2 weeks without improvement
report-table-title = Night by night
report-col-date = Date
report-col-hours = Sleep
report-col-quality = Quality (1–5)
report-col-restless = Restlessness (0–3)
report-col-anxiety = Anxiety (0–10)
report-col-flags = Reported that day
report-col-wakes = Night wakes
report-no-entry = No entry
report-not-yet = Not checked in yet
report-empty = —
report-flag-cant-function = Could not function
report-flag-unstable = Mood unstable
report-flag-urge = Strong urge to use
report-flag-self-harm = Thoughts of self-harm
report-flag-relapse = Used again
report-prescriber = A prescriber can discuss treatment for withdrawal insomnia.
report-footer = Self-reported sleep diary from Steady Nights; not a medical record.
report-made-on = Made on { $date }
