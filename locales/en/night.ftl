# The night companion (/awake, the wind-down's night button, free text at night), the short
# reply to free text by day, and the time-aware /tips titles. Facts from the two source
# articles: broken sleep in early withdrawal is expected and temporary; restlessness is the
# nervous system still switched on; sleep loss makes worries and cravings feel bigger and shifts
# the question from "should I stay sober?" to "how do I make this stop?", one of the biggest
# drivers of relapse; don't force sleep, don't watch the clock, reduce stimulation at night.

command-awake = Awake in the night? I'm here

winddown-button-awake = Awake in the night? Tap me

# First message. { $stage } is one of night-stage-<phase>.
night-open-title = 🌙 Night { $night } · { $phase }: { $stage }
night-open-title-plain = 🌙 { $phase }: { $stage }
night-stage-using = restless nights between doses are the body adapting to daily use, not a failing.
night-stage-preparing = a hard night, and you don't have to solve anything before morning.
night-stage-onset = sleep breaks in the first nights, and it passes.
night-stage-peak = the hardest stretch for most people, and it passes.
night-stage-easing = sleep is slowly coming back; broken nights still happen, and they pass.
night-stage-rebuilding = sleep is recovering. Vivid dreams now are REM rebound: expected, temporary.
night-stage-post-acute = sleep is finding its way back, gradually.
night-stage-long-term = after long, heavy use, sleep can take 3–6 months to recover. Small gains count.
night-open-body =
    Being awake now is expected, and it won't last. Resting quietly counts, even without sleep.
    Don't check the clock. Keep lights and screens low.
    Back to bed when you feel sleepy; sleep can't be forced.
    What's hardest right now?

night-button-body = Body won't settle
night-button-mind = Mind racing
night-button-urge = Urge to use
night-button-talk = Talk to someone

night-step-body =
    🫧 That restlessness is your nervous system still switched on. It's part of withdrawal, not something you're doing wrong, and it eases.
    Change position, or get up for a few minutes in dim light.
    Back to bed when sleepy. Lying still in the dark still counts as rest.
night-step-mind =
    💭 After little sleep, worries feel bigger and closer than they are. That's the sleep loss talking.
    Nothing needs deciding tonight. The thoughts can wait for daylight.
    Lights low, clock turned away.
night-step-urge =
    🧭 Wanting relief after nights like this makes sense.
    Sleep loss turns “Should I stay sober?” into “How do I make this stop?” That shift is one of the biggest drivers of relapse, and tiredness makes cravings feel more urgent.
    Don't let tonight make that decision. Wait for morning.
    If it would help to hear a voice, tap Talk to someone.
night-talk-intro = 🤝 You don't have to sit with this alone. These lines are free and answer day and night:
night-talk-elsewhere = 🌍 { $url } lists free helplines in your country.
night-talk-emergency = If you might act on thoughts of hurting yourself, call { $number } now.
night-talk-emergency-local = If you might act on thoughts of hurting yourself, call your local emergency number now.

# The check-in reply's one line about last night's wakes.
night-wakes-line = 🌙 You were up at { $times } — that's part of this night, and resting still counted.
night-wakes-and = and

# Free text by day: short, with buttons for the likely next step.
day-reply = I can't answer typed messages in my own words, sorry.
day-reply-next = Here's what I can do right now:
day-reply-checkin-missing = You haven't checked in today yet; it takes under a minute.
day-button-checkin = ☀️ Check in now
day-button-tips = 💡 Tips
day-button-help = 🆘 Help

# /tips, by the hour.
tips-title-tonight = For tonight:
tips-title-today = For today:

# Someone who has not set up yet: no night number or phase to name.
night-open-title-new = 🌙 Awake in the night: that's hard, and it passes.

# /progress: the nights on the chart when the user was awake and opened the companion.
progress-wakes = 🌙 Awake in the night: { $dates }
