# The check-in reply's buttons and the details behind them (src/bot/messages/checkin-details.ts).
# Each button edits the same message; "Back" shows the reply again.
checkin-saved = 🌱 Saved.
checkin-button-normal = What's normal now
checkin-button-week = Last 7 nights
checkin-button-help = What can help
checkin-button-back = ← Back
checkin-week-compare = This week { NUMBER($week, maximumFractionDigits: 1) } h a night; the week before { NUMBER($last, maximumFractionDigits: 1) } h.
checkin-help-title = 🧭 What can help
checkin-help-helpline-elsewhere = 📞 { $url } lists free helplines by country.
