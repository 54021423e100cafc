status-day = Day { $day } since your last dose · { $phase }
status-preparing =
    { $days ->
        [0] Your quit date is today · { $phase }
        [1] Your quit date is tomorrow · { $phase }
       *[other] Your quit date is in { $days } days ({ DATETIME($date, dateStyle: "long") }) · { $phase }
    }
status-using = Still using · { $phase }
status-expect-title = What's normal now:
status-schedule = ☀️ Check-in { $morning } · 🌙 Wind-down { $evening }
status-zone = 🕒 { $zone }
status-next-steps = Tomorrow morning I'll ask how you slept. Anytime: /checkin · /tips · /help
