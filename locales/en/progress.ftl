# /progress: the sleep chart and the lines under it.
progress-chart-title = Your sleep, last { $n } nights
progress-chart-hours = Hours slept
progress-chart-quality = Sleep quality
progress-chart-not-rated = Not rated
progress-chart-average = 7-night average
progress-chart-missed = No entry
progress-chart-relapse = Used again
progress-chart-date-format = {"{"}mon{"}"} {"{"}d{"}"}
progress-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
progress-date = { $mon } { $d }
progress-decimal-separator = .
progress-logged = 📓 { $logged } of the last { $days } nights logged
progress-week-up = 📈 This week { $week } h a night, up { $change } h from { $last } h
progress-week-down = 📉 This week { $week } h a night, { $change } h less than last week ({ $last } h). Hard weeks happen; they don't undo progress.
progress-week-same = ➡️ This week { $week } h a night, the same as last week
progress-week-only = 📊 This week { $week } h a night
progress-best = ⭐ Best night: { $date }, { $hours } h
progress-since-day-zero = 🌱 Since your last dose: first week { $first } h a night, this week { $week } h.
progress-too-few =
    { $logged ->
        [0] No nights logged yet. After 3 morning check-ins I can draw your sleep chart. Start with /checkin.
        [one] One night logged so far. Two more check-ins and your chart appears.
       *[other] { $logged } nights logged so far. One more check-in and your chart appears.
    }
progress-button-window = Show { $n } nights
progress-rendering-failed = I couldn't draw the chart just now. Your nights are saved; please try /progress again in a minute.

# The Sunday summary, sent at the evening time in place of the wind-down checklist.
weekly-title = 🗓️ Your week
weekly-improved-hours = 📈 What improved: { $change } h more sleep a night than last week ({ $week } h on average).
weekly-improved-best = ⭐ What went well: your best night was { $date }, { $hours } h.
weekly-improved-showing-up = 🌱 What went well: you kept showing up, { $logged } check-ins this week.
weekly-keep =
    { $logged ->
        [one] 🔁 Keep doing: the morning check-in. Even one a week shows the trend; a few more make it clearer.
       *[other] 🔁 Keep doing: the morning check-in ({ $logged } of 7 this week) and your wind-down routine.
    }
weekly-tip = 💡 For the week ahead: { $tip }
