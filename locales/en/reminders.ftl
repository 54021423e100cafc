# Morning prompt, sent at the user's check-in time.
reminder-morning = ☀️ Good morning. How did last night go? Five quick taps, under a minute.
reminder-morning-again = ☀️ Here's your check-in again, as you asked. Five quick taps.
reminder-button-start = Start check-in
reminder-button-later = Remind me in 1 hour
reminder-button-skip-today = Skip today
reminder-later-set = Okay, I'll ask again at { $time }.
reminder-later-used = I'll ask once more today at the most. You can start any time with /checkin.
reminder-skipped-today = Okay, no check-in today. Rest counts too. /checkin works any time if you change your mind.
reminder-already-done = You've already checked in today. Thank you. 🌱
reminder-old-prompt = That prompt was for an earlier morning; this is today's check-in.

# Evening wind-down, sent at the user's wind-down time.
winddown-title = 🌙 Time to start winding down.
winddown-night = Tonight is night { $night } · { $phase }
winddown-checklist-title = Three things for tonight:
winddown-item-screens-off = Screens off now. Their light holds back melatonin for the hour you need it.
winddown-item-cool-dark-room = Cool, dark room: around 18–19 °C (65–67 °F), curtains shut.
winddown-item-melatonin-timing = About melatonin: a low dose (0.5–1 mg) about 1 hour before sleep is a timing signal, not a sedative. Check with a pharmacist first.
winddown-item-antihistamine-bridge = About OTC antihistamines: a bridge for the first 3–5 nights at most; tolerance to the sleepy effect builds within a week of nightly use. Check with a pharmacist first.
winddown-item-rest-counts = Go to bed when you feel sleepy, not by the clock. Resting quietly counts, even without sleep.
winddown-item-bed-when-sleepy = Go to bed when you feel sleepy, not at a set hour. Your fixed wake time does the anchoring.
winddown-item-no-vigorous-exercise = Nothing vigorous within 3 hours of sleep: a slow walk or stretching is fine; exercise belongs in the morning or early afternoon.
winddown-button-skip = Skip tonight
winddown-button-stop = Stop evening reminders
winddown-skipped = Okay, no checklist tonight. Be gentle with yourself. 🌙
winddown-stopped = Evening reminders are off. You can turn them back on in /settings.
