# Sleep tips, one per id of src/content/tips.ts (key: tip-<id>).
# Facts from the two source articles; drug and supplement facts are information to check
# with a pharmacist or prescriber, never an instruction.

tip-fixed-wake-time = ⏰ Get up at the same time every day, however the night went. It's the most evidence-based step against insomnia.
tip-bed-when-sleepy = 🛏️ Go to bed when you feel sleepy, not at a set hour. The fixed wake time does the anchoring.
tip-antihistamine-bridge = 💊 An OTC antihistamine (diphenhydramine, doxylamine) can bridge the first 3–5 nights only; tolerance builds within a week of nightly use. Check with a pharmacist first.
tip-melatonin-low-dose = 🌙 Low-dose melatonin (0.5–1 mg, far below most shop doses) about 1 hour before sleep time is a timing signal, not a sedative. Worth asking a pharmacist.
tip-cool-dark-room = ❄️ Keep the bedroom cool, around 18–19 °C (65–67 °F), and dark. Blackout curtains stop early light waking you.
tip-no-screens = 📵 Put screens away for the last 60 minutes before bed. Their light holds back melatonin.
tip-simple-routine = 📋 Keep a short, simple evening routine. The same few steps each night are enough.
tip-reduce-stimulation = 🕯️ Turn things down at night: dim lights, low noise, nothing intense.
tip-avoid-alcohol-cannabis = 🚫 Alcohol and cannabis can help you drop off faster, but they make the sleep itself worse. Your recovery goes better without them.
tip-daytime-movement = 🚶 Some gentle movement in the daytime, like a short walk, can take the edge off restlessness.
tip-exercise-timing = 🏃 In weeks 2–8, exercise helps sleep especially well. Morning or early afternoon works best; nothing vigorous within 3 hours of sleep.
tip-lower-expectations = 🤍 Aim to get through the night, not to sleep well. Few people sleep normally this early, and that's okay.
tip-accept-broken-sleep = 🛋️ Broken sleep is part of this stage and it's temporary. Resting quietly counts, even without sleep.
tip-dont-force-sleep = 🌊 Sleep can't be forced, and trying pushes it away. If you're awake, let it be; worrying about it makes it harder.
tip-dont-watch-clock = 🕰️ Turn the clock away from you. Checking the time feeds the worry, not the sleep.
tip-wired-but-exhausted = ⚡ Exhausted but switched on? That's your nervous system resetting, not something you're doing wrong.
tip-dont-let-it-decide = 🧭 Sleep loss makes cravings feel more urgent. That's the tiredness talking: let a bad night pass before any big decision.
tip-expect-hard-nights = 🗓️ Expect some rough nights early on; for most people, days 2–5 are the hardest. They pass.
tip-work-flexibility = 💼 If your work allows it, arrange some slack for days 3–7: fewer commitments, working from home or looser hours.
tip-sleep-lags-behind = 🐢 Sleep usually recovers later than the physical symptoms. Slow progress is still progress.
tip-vivid-dreams = 💭 Vivid or disturbing dreams now are REM sleep bouncing back. Expected, and temporary.
tip-recovery-takes-months = 📆 After long, heavy use, sleep may take 3–6 months to fully recover. Small gains count.
tip-prescriber = 🩺 If sleep loss is hurting your work or safety, or hasn't improved after 2 weeks, talk to a prescriber. Some prescription options aren't habit-forming the way benzodiazepines are.
tip-dose-dependent-sleep = 🔁 With heavy daily use, sleep can come to depend on the dose: easy after one, hard as it wears off.
tip-sedation-tolerance = 📉 Over weeks to months the body gets used to kratom's sedation, so the dose that once brought sleep stops working.
tip-rebound-restlessness = 🌀 Restless, wakeful nights between doses are a rebound as each dose fades. That's the body adapting to heavy daily use, not a personal failing.
tip-dose-timing = ⚠️ Raising the dose or timing it around bedtime doesn't bring the old sleep back, and it speeds up dependence.
