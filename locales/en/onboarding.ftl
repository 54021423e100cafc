onboarding-intro =
    🌙 Hi, I'm Steady Nights.

    I help you get through the broken sleep of kratom withdrawal: a one-minute check-in each morning, tips for the phase you're in, and a wind-down reminder each evening.

    I'm not medical care, and I don't replace a doctor. In a crisis, /help shows where to get help right away.

    To keep your sleep diary I need to store your answers. They're never shared, /privacy explains what I keep, and /delete erases everything. Is that okay?
onboarding-consent-yes = Yes, that's okay
onboarding-consent-no = No thanks
onboarding-consent-expected = Please tap "Yes, that's okay" or "No thanks".
onboarding-declined =
    Understood — I haven't stored anything about you.

    /help (support right now) and /tips (sleep tips) still work anytime. If you change your mind, send /start.
onboarding-status-question = Where are you right now?
onboarding-status-stopped = I've stopped
onboarding-status-planning = I'm planning to stop
onboarding-status-using = I'm still using
onboarding-status-expected = Please tap one of the three buttons.
onboarding-timezone-question = Which time zone are you in? Tap one, or type your city (like Chicago), a zone (like Europe/Berlin) or an offset (like UTC-5).
onboarding-timezone-expected = Tap a time zone, or type your city, a zone name like Europe/Berlin, or an offset like UTC-5.
onboarding-timezone-unknown = I couldn't find that time zone.
onboarding-timezone-suggest = Did you mean: { $suggestions }?
onboarding-lastdose-question = When was your last dose? Tap one, or type a date (like 2026-11-19 or 3 days ago).
onboarding-lastdose-expected = Tap a day, or type a date like 2026-11-19 or "3 days ago".
onboarding-quit-question = When do you plan to stop? Tap one, or type a date (like 2026-12-01 or in 5 days).
onboarding-quit-expected = Tap a day, or type a date like 2026-12-01 or "in 5 days".
date-format-unknown = I couldn't read that as a date.
date-in-future = That date is still ahead — your last dose can't be in the future.
date-too-old = That's more than two years ago. Please check the date, or pick one from the last two years.
date-in-past = That date has already passed — pick today or a day ahead.
date-too-far = That's more than a year away. Pick a date within the next year.
date-today = Today
date-yesterday = Yesterday
date-days-ago = { $days } days ago
date-week-ago = A week ago
date-tomorrow = Tomorrow
date-in-days = In { $days } days
date-in-week = In a week
onboarding-morning-question = What time should I ask about your night? Tap one or type a time (like 7:30).
onboarding-morning-expected = Tap a time, or type one like 7:30 or 08:00.
onboarding-evening-question = And when should I send the wind-down reminder? About an hour before you want to be asleep works best.
onboarding-evening-expected = Tap a time, or type one like 22:00 or 9:30pm.
time-format-unknown = I couldn't read that as a time.
time-out-of-range = That time doesn't exist on a clock — hours go 0–23, minutes 0–59.
onboarding-done = ✅ You're all set.
