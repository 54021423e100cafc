# Support warnings (src/domain/thresholds.ts). sign-<threshold id> names each sign in plain
# words; the code joins the signs that hold and passes them as $signs.

sign-no-sleep = several nights with little or no sleep
sign-anxiety-rising = anxiety that keeps rising
sign-unstable = your mood feeling unstable
sign-cant-function = not being able to function
sign-relapse-risk = a strong urge to use
sign-persistent = insomnia for over 2 weeks without getting better

warning-support-title =
    🧡 It may be time for more support. I noticed:
    { $signs }
warning-urgent-title =
    ⚠️ Please reach out to someone today. I noticed:
    { $signs }
warning-support-do = A prescriber can help with sleep this hard; "What can help" below has where to start.
warning-urgent-do = A prescriber or a helpline can help today; /help lists crisis lines any time.
warning-signal-not-failure = This isn't failure. It's a signal, and it's worth acting on.
warning-prescriber = 🩺 Talk to a prescriber. Addiction-medicine prescribers often use trazodone or hydroxyzine for withdrawal insomnia. Both need a prescription and aren't habit-forming the way benzodiazepines are.
warning-findtreatment = 🔎 { $url } lists addiction-medicine providers; many offer telehealth.
warning-samhsa = 📞 SAMHSA National Helpline: { $phone }. Free, confidential, 24/7.
warning-help-pointer = Crisis lines any time: /help
